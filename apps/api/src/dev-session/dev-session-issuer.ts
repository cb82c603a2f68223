import { ROLES } from '@familybank/contracts';
import type { DevKeys } from '../platform/auth/dev-keys';
import type { AppConfig } from '../platform/config/config';
import type { Clock } from '../platform/tokens';
import type { DevSessionPolicy } from './dev-session-policy';

export interface KnownMunicipality {
  code: string;
  name: string;
}

/** What the development sign-in needs from the runtime: the dev key, the settings, and whom it may sign in. */
export class DevSessionIssuer {
  readonly roles = ROLES;

  constructor(
    readonly policy: DevSessionPolicy,
    /** Absent when the node verifies an identity provider's tokens (the policy is then disabled). */
    readonly keys: DevKeys | undefined,
    readonly config: AppConfig,
    readonly clock: Clock,
    /** Municipalities this node signs in for, with their names. */
    private readonly known: () => KnownMunicipality[],
  ) {}

  /** A node configured for some municipalities offers only those; otherwise every one it knows. */
  municipalities(): KnownMunicipality[] {
    const known = this.known();
    const served = this.config.MUNICIPALITIES;
    const codes = served.length > 0 ? served : known.map((m) => m.code);
    return codes.map((code) => ({ code, name: this.nameOf(code) ?? code }));
  }

  nameOf(code: string): string | undefined {
    return this.known().find((m) => m.code === code)?.name;
  }
}
