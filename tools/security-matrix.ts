/**
 * Writes the roles matrix (route × role) into SECURITY.md, between its markers, from the roles each
 * route declares in contracts/src/**.routes.ts. `npm test` fails when the committed table differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SECURITY_MD, withRolesMatrix } from '../contracts/src/security-matrix';

writeFileSync(SECURITY_MD, withRolesMatrix(readFileSync(SECURITY_MD, 'utf8')));
process.stdout.write(`wrote the roles matrix into ${SECURITY_MD}\n`);
