import type { Role } from '@familybank/contracts';

/** The caller, as proven by the bearer token. Every command and query is scoped by `municipality`. */
export interface Principal {
  subject: string;
  municipality: string;
  roles: Role[];
}
