import { ROLES, type Role } from '@familybank/contracts';
import { z } from 'zod';

/** The caller, as proven by the bearer token. Every command and query is scoped by `municipality`. */
export interface Principal {
  subject: string;
  municipality: string;
  roles: Role[];
}

export const TokenClaims = z.object({
  sub: z.string().min(1),
  municipality: z.string().regex(/^\d{4}$/),
  roles: z.array(z.enum(ROLES)).min(1),
});
