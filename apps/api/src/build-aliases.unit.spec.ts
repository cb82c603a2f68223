import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), 'utf8')) as T;

describe('the api build resolves every library alias', () => {
  it('.swcrc (used by `nx run api:build` and the process tests) names every non-testing alias of tsconfig.base.json, with the same target', () => {
    const typescript = read<{ compilerOptions: { paths: Record<string, string[]> } }>('tsconfig.base.json').compilerOptions.paths;
    const swc = read<{ jsc: { paths: Record<string, string[]> } }>('.swcrc').jsc.paths;
    const needed = Object.entries(typescript).filter(([alias]) => !alias.endsWith('/testing') && !alias.includes('openapi-types'));
    expect(needed.length).toBeGreaterThan(10);
    expect(needed.filter(([alias, targets]) => swc[alias]?.[0] !== targets[0]).map(([alias]) => alias)).toEqual([]);
  });
});
