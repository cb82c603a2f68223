import { Body, Controller, Inject } from '@nestjs/common';
import { devSessionRoutes as routes, type DevSession, type Role, type z } from '@familybank/contracts';
import { signDevToken } from '../platform/auth/dev-keys';
import { ProblemError } from '../platform/http/problem';
import { ContractRoute } from '../platform/http/contract-route';
import { DevSessionIssuer } from './dev-session-issuer';

const SESSION_HOURS = 8;

/** The console's development sign-in: a token for the chosen municipality and roles, in development only. */
@Controller()
export class DevSessionController {
  constructor(@Inject(DevSessionIssuer) private readonly issuer: DevSessionIssuer) {}

  @ContractRoute(routes.getDevSignInOptions)
  options() {
    this.ensureEnabled();
    return { municipalities: this.issuer.municipalities(), roles: [...this.issuer.roles] };
  }

  @ContractRoute(routes.openDevSession)
  async open(@Body() body: z.output<typeof routes.openDevSession.body>): Promise<DevSession> {
    this.ensureEnabled();
    const served = this.issuer.config.MUNICIPALITIES;
    if (served.length > 0 && !served.includes(body.municipality)) {
      throw new ProblemError('forbidden', 'AUTH.MUNICIPALITY_NOT_SERVED', `This node serves ${served.join(', ')}, not ${body.municipality}`);
    }
    const roles = body.roles as Role[];
    const subject = body.subject ?? `dev-${roles.join('+')}@${body.municipality}`;
    const { config, keys } = this.issuer;
    if (!keys) throw new ProblemError('not-found', 'DEV_SESSION.DISABLED', 'Development sign-in is off on this node');
    const token = await signDevToken(keys, {
      municipality: body.municipality,
      roles,
      subject,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      expiresIn: `${SESSION_HOURS}h`,
    });
    const expiresAt = new Date(this.issuer.clock().getTime() + SESSION_HOURS * 3_600_000).toISOString();
    return { token, municipality: body.municipality, municipalityName: this.issuer.nameOf(body.municipality), roles, subject, expiresAt };
  }

  /** Outside development the routes do not exist, as far as a caller can tell. */
  private ensureEnabled(): void {
    if (!this.issuer.policy.enabled) throw new ProblemError('not-found', 'DEV_SESSION.DISABLED', this.issuer.policy.reason ?? 'Development sign-in is off');
  }
}
