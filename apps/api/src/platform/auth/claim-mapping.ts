import { ROLES, type Role } from '@familybank/contracts';
import type { Principal } from './principal';

/**
 * Where the principal is in a provider's token. Names are looked up as given first (a claim may be
 * called `https://example.org/municipality`), then as a dotted path (`realm_access.roles`).
 */
export interface ClaimMapping {
  subject: string;
  municipality: string;
  roles: string;
  /** For a provider of one municipality only, whose tokens name none: every token is for this one. */
  fixedMunicipality?: string;
  /** Provider role → our roles; without it, the provider's role values are our role names. */
  roleMap?: Record<string, Role[]>;
}

export const DEFAULT_CLAIMS: ClaimMapping = { subject: 'sub', municipality: 'municipality', roles: 'roles' };

export type MappedPrincipal = { ok: true; principal: Principal } | { ok: false; problem: string };

export function principalFromClaims(payload: Record<string, unknown>, mapping: ClaimMapping): MappedPrincipal {
  const subject = claimAt(payload, mapping.subject);
  if (typeof subject !== 'string' || subject.length === 0) return { ok: false, problem: `no subject in claim "${mapping.subject}"` };
  const municipality = mapping.fixedMunicipality ?? claimAt(payload, mapping.municipality);
  if (typeof municipality !== 'string' || !/^\d{4}$/.test(municipality)) {
    return { ok: false, problem: `no municipality (four digits, as a string) in claim "${mapping.municipality}"` };
  }
  const roles = ourRoles(claimAt(payload, mapping.roles), mapping.roleMap);
  if (roles.length === 0) return { ok: false, problem: `no familybank role (${ROLES.join(', ')}) in claim "${mapping.roles}"` };
  return { ok: true, principal: { subject, municipality, roles } };
}

function claimAt(payload: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(payload, name)) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Providers send roles as a list, or as one space-separated string (like `scope`); the others' roles grant nothing. */
function ourRoles(value: unknown, roleMap: ClaimMapping['roleMap']): Role[] {
  const given = Array.isArray(value) ? value.filter((role): role is string => typeof role === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const granted = roleMap ? given.flatMap((role) => (Object.hasOwn(roleMap, role) ? roleMap[role]! : [])) : given.filter((role): role is Role => ROLES.includes(role as Role));
  return [...new Set(granted)];
}
