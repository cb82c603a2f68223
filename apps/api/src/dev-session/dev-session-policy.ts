/**
 * Whether this process may hand out development tokens. Decided once at start-up from the
 * environment: never with NODE_ENV=production, and not when DEV_SIGN_IN=false (a node that signs
 * in through the identity provider only).
 */
export interface DevSessionPolicy {
  enabled: boolean;
  /** Why not, for the 404's detail. */
  reason?: string;
}

export function devSessionPolicy(env: NodeJS.ProcessEnv, devIssuerInUse = true): DevSessionPolicy {
  if (!devIssuerInUse) return { enabled: false, reason: 'Development sign-in is off: this node verifies tokens from an identity provider' };
  if (env['NODE_ENV'] === 'production') return { enabled: false, reason: 'Development sign-in is off with NODE_ENV=production' };
  const flag = env['DEV_SIGN_IN']?.toLowerCase();
  if (flag === 'false' || flag === '0') return { enabled: false, reason: 'Development sign-in is off (DEV_SIGN_IN=false)' };
  return { enabled: true };
}
