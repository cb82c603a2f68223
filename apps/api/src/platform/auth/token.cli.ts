/**
 * Prints a dev token signed with the embedded default's key (created under DATA_DIR if missing):
 *   npm run token -- --municipality 0630 --role caseworker [--role approver] [--subject anna] [--expires 8h]
 * Not longer than the API accepts (JWT_MAX_LIFETIME_SECONDS), and never for a node that takes its
 * tokens from an identity provider (or runs with NODE_ENV=production): those get them from the provider.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@familybank/contracts';
import { loadConfig } from '../config/config';
import { usesIdentityProvider } from '../config/identity-config';
import { loadOrCreateDevKeys, signDevToken } from './dev-keys';

async function main() {
  const { values } = parseArgs({
    options: {
      municipality: { type: 'string', default: '0630' },
      role: { type: 'string', multiple: true, default: ['caseworker'] },
      subject: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  if (!/^\d{4}$/.test(values.municipality!)) throw new Error(`--municipality must be four digits, got "${values.municipality}"`);
  const unknown = values.role!.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length) throw new Error(`Unknown role(s) ${unknown.join(', ')}; use ${ROLES.join(', ')}`);
  const config = loadConfig();
  if (config.NODE_ENV === 'production' || usesIdentityProvider(config)) {
    throw new Error(`This node takes its tokens from ${config.JWT_ISSUER}; the development issuer is off (NODE_ENV=${config.NODE_ENV}). Get a token from the identity provider.`);
  }
  const keys = await loadOrCreateDevKeys(config.DATA_DIR);
  const token = await signDevToken(keys, {
    municipality: values.municipality!,
    roles: values.role as Role[],
    subject: values.subject,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    expiresIn: values.expires ?? `${Math.min(8 * 3600, config.JWT_MAX_LIFETIME_SECONDS)}s`,
    maxLifetimeSeconds: config.JWT_MAX_LIFETIME_SECONDS,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
