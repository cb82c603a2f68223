import { PUBLIC, defineRoute } from '../route';
import { z } from '../zod';

const TAG = 'Sign-in';

/** The claim names the console reads from the access token to show who is signed in (the API decides from its own mapping). */
const SignInClaims = z.object({ subject: z.string(), municipality: z.string(), roles: z.string() });

export const SignInConfig = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('development') }),
    z.object({
      mode: z.literal('oidc'),
      issuer: z.url().openapi({ description: 'The OpenID provider; its discovery document is at issuer + /.well-known/openid-configuration' }),
      clientId: z.string(),
      scope: z.string(),
      resource: z.string().openapi({ description: 'The API as the provider knows it (RFC 8707 resource indicator): the access token’s audience' }),
      claims: SignInClaims,
    }),
  ])
  .openapi('SignInConfig', { description: 'How the console signs in: the development sign-in, or OpenID Connect (authorization code with PKCE, public client)' });
export type SignInConfig = z.infer<typeof SignInConfig>;

export const signInRoutes = {
  getSignInConfig: defineRoute({
    operationId: 'getSignInConfig',
    method: 'get',
    path: '/v1/sign-in/config',
    summary: 'How the console signs in on this node (no token needed: it is asked before signing in)',
    tag: TAG,
    roles: PUBLIC,
    success: { status: 200, schema: SignInConfig, description: 'The sign-in mode and, for OpenID Connect, the provider and client' },
    errors: [],
  }),
} as const;
