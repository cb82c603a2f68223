/**
 * Writes the generated contract files from the zod schemas:
 *   contracts/openapi.json              OpenAPI 3.1 document
 *   contracts/src/generated/openapi.ts  TypeScript types (openapi-typescript)
 * `npm test` fails when the committed files differ from what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { OPENAPI_JSON, OPENAPI_TYPES, renderOpenApiJson, writeOpenApiTypes } from '../contracts/src/generate';

writeFileSync(OPENAPI_JSON, renderOpenApiJson());
mkdirSync(dirname(OPENAPI_TYPES), { recursive: true });
writeOpenApiTypes(OPENAPI_JSON, OPENAPI_TYPES);
process.stdout.write(`wrote ${OPENAPI_JSON}\nwrote ${OPENAPI_TYPES}\n`);
