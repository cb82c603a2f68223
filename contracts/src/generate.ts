import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildOpenApiDocument } from './openapi';

const root = join(__dirname, '../..');
export const OPENAPI_JSON = join(root, 'contracts/openapi.json');
export const OPENAPI_TYPES = join(root, 'contracts/src/generated/openapi.ts');

export function renderOpenApiJson(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

/** openapi-typescript is ESM-only, so it runs as its CLI. */
export function writeOpenApiTypes(jsonFile: string, outFile: string): void {
  execFileSync(process.execPath, [join(root, 'node_modules/openapi-typescript/bin/cli.js'), jsonFile, '--output', outFile, '--default-non-nullable=false'], { stdio: 'pipe' });
}
