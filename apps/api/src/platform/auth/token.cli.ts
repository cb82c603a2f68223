/**
 * Prints a dev token signed with the embedded default's key (created under DATA_DIR if missing):
 *   npm run token -- --municipality 0630 --role caseworker [--role approver] [--subject anna] [--expires 8h]
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '@familybank/contracts';
import { loadConfig } from '../config/config';
import { loadOrCreateDevKeys, signDevToken } from './dev-keys';

async function main() {
  const { values } = parseArgs({
    options: {
      municipality: { type: 'string', default: '0630' },
      role: { type: 'string', multiple: true, default: ['caseworker'] },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (!/^\d{4}$/.test(values.municipality!)) throw new Error(`--municipality must be four digits, got "${values.municipality}"`);
  const unknown = values.role!.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length) throw new Error(`Unknown role(s) ${unknown.join(', ')}; use ${ROLES.join(', ')}`);
  const config = loadConfig();
  const keys = await loadOrCreateDevKeys(config.DATA_DIR);
  const token = await signDevToken(keys, {
    municipality: values.municipality!,
    roles: values.role as Role[],
    subject: values.subject,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
