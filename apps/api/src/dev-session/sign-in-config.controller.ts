import { Controller, Inject } from '@nestjs/common';
import { signInRoutes as routes, type SignInConfig } from '@familybank/contracts';
import { ContractRoute } from '../platform/http/contract-route';
import { DevSessionIssuer } from './dev-session-issuer';
import { signInConfig } from './sign-in-config';

/** Asked by the console before anyone signs in: which sign-in to show. */
@Controller()
export class SignInConfigController {
  constructor(@Inject(DevSessionIssuer) private readonly issuer: DevSessionIssuer) {}

  @ContractRoute(routes.getSignInConfig)
  config(): SignInConfig {
    return signInConfig(this.issuer.config);
  }
}
