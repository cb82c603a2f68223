import { Module, type DynamicModule } from '@nestjs/common';
import { DEMO_MUNICIPALITIES, type Runtime } from '../infrastructure';
import { DevSessionController } from './dev-session.controller';
import { DevSessionIssuer, type KnownMunicipality } from './dev-session-issuer';
import { devSessionPolicy } from './dev-session-policy';
import { SignInConfigController } from './sign-in-config.controller';

/**
 * The console's sign-in: which one to show (development or the identity provider), and the
 * development sign-in itself. Registered with one line in AppModule; kept apart from platform/auth,
 * which verifies production tokens.
 */
@Module({})
export class DevSessionModule {
  static with(runtime: Runtime, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    // The municipalities this node signs in for: those it holds keys for, and the demo ones; named by the directory when announced.
    const known = (): KnownMunicipality[] => {
      const codes = new Set([...runtime.identities.served(), ...DEMO_MUNICIPALITIES.map((m) => m.code)]);
      return [...codes].sort().map((code) => ({
        code,
        name: runtime.federation.directoryEntry(code)?.name ?? DEMO_MUNICIPALITIES.find((m) => m.code === code)?.name ?? code,
      }));
    };
    return {
      module: DevSessionModule,
      controllers: [DevSessionController, SignInConfigController],
      providers: [{ provide: DevSessionIssuer, useValue: new DevSessionIssuer(devSessionPolicy(env, runtime.devKeys !== undefined), runtime.devKeys, runtime.config, runtime.clock, known) }],
    };
  }
}
