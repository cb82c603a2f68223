const NAV = [
  ['/', 'nav.worklist'],
  ['/pipeline', 'nav.pipeline'],
  ['/families', 'nav.families'],
  ['/requests', 'nav.requests'],
  ['/inbox', 'nav.inbox'],
  ['/support', 'nav.support'],
  ['/figures', 'nav.figures'],
  ['/partnerships', 'nav.partnerships'],
] as const;

/** Screens only some roles can use (the API's AUDITORS and INTEGRATION_ADMINS): shown in the navigation only to them. */
const ROLE_NAV = [
  ['/audit', 'audit.nav', ['auditor']],
  ['/webhooks', 'webhooks.nav', ['approver', 'administrator']],
] as const;

export type NavEntry = readonly [path: string, key: (typeof NAV)[number][1] | (typeof ROLE_NAV)[number][1]];

/** The main menu for the signed-in roles: everyone's screens, then those of the roles held. */
export function navigationFor(roles: readonly string[]): NavEntry[] {
  const forRoles = ROLE_NAV.filter(([, , allowed]) => roles.some((role) => (allowed as readonly string[]).includes(role))).map(([path, key]) => [path, key] as const);
  return [...NAV, ...forRoles];
}
