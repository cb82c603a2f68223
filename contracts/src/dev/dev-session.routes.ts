import { MunicipalityCode, Timestamp } from '../common.schemas';
import { PUBLIC, ROLES, defineRoute } from '../route';
import { z } from '../zod';

const TAG = 'Development sign-in';

export const DevSessionBody = z
  .strictObject({
    municipality: MunicipalityCode,
    roles: z
      .array(z.enum(ROLES))
      .min(1)
      .refine((roles) => new Set(roles).size === roles.length, { message: 'Values must be unique' })
      .openapi({ uniqueItems: true }),
    subject: z
      .string()
      .regex(/^[A-Za-z0-9._@+-]{1,80}$/, 'Expected 1–80 letters, digits or . _ @ + -')
      .optional()
      .openapi({ description: 'Who signs in; recorded as the actor of every command. Default: dev-<roles>@<municipality>' }),
  })
  .openapi('DevSessionRequest');

export const DevSession = z
  .object({
    token: z.string().openapi({ description: 'A bearer token signed by the embedded default’s development key' }),
    municipality: MunicipalityCode,
    municipalityName: z.string().optional(),
    roles: z.array(z.enum(ROLES)),
    subject: z.string(),
    expiresAt: Timestamp,
  })
  .openapi('DevSession');
export type DevSession = z.infer<typeof DevSession>;

export const DevSignInOptions = z
  .object({
    municipalities: z.array(z.object({ code: MunicipalityCode, name: z.string() })),
    roles: z.array(z.enum(ROLES)),
  })
  .openapi('DevSignInOptions', { description: 'The municipalities this node serves or knows, and the roles a development session may carry' });

export const devSessionRoutes = {
  getDevSignInOptions: defineRoute({
    operationId: 'getDevSignInOptions',
    method: 'get',
    path: '/v1/dev/session',
    summary: 'Development sign-in: the municipalities and roles to choose from (404 outside development)',
    tag: TAG,
    roles: PUBLIC,
    success: { status: 200, schema: DevSignInOptions, description: 'What a development session may be opened for' },
    errors: [404],
  }),
  openDevSession: defineRoute({
    operationId: 'openDevSession',
    method: 'post',
    path: '/v1/dev/session',
    summary: 'Development sign-in: a token for the chosen municipality and roles (404 outside development)',
    description:
      'Only the embedded default in development issues tokens here: with NODE_ENV=production or DEV_SIGN_IN=false the route answers 404 and the console signs in with the identity provider instead.',
    tag: TAG,
    roles: PUBLIC,
    body: DevSessionBody,
    success: { status: 201, schema: DevSession, description: 'A development session' },
    errors: [400, 403, 404, 422],
  }),
} as const;
