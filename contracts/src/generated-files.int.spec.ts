import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENAPI_JSON, OPENAPI_TYPES, renderOpenApiJson, writeOpenApiTypes } from './generate';

const HINT = 'run `npm run contracts:generate` and commit the result';

describe('generated contract files', () => {
  it(`contracts/openapi.json equals what the zod schemas generate (${HINT})`, () => {
    expect(readFileSync(OPENAPI_JSON, 'utf8')).toBe(renderOpenApiJson());
  });

  it(`contracts/src/generated/openapi.ts equals what openapi-typescript generates (${HINT})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'familybank-contracts-'));
    writeFileSync(join(dir, 'openapi.json'), renderOpenApiJson());
    writeOpenApiTypes(join(dir, 'openapi.json'), join(dir, 'openapi.ts'));
    expect(readFileSync(OPENAPI_TYPES, 'utf8')).toBe(readFileSync(join(dir, 'openapi.ts'), 'utf8'));
  });
});
