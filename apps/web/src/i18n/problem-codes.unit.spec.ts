import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCES } from './i18n';

const ROOT = join(__dirname, '../../../..');

/**
 * Every problem code the server's sources name: the domain's errors and the API's own problems;
 * a code built for every aggregate (`${prefix}.REVISION_MISMATCH`) counts with any prefix.
 */
function serverCodes(): { has(code: string): boolean } {
  const codes = new Set<string>();
  const anyPrefix = new Set<string>();
  for (const folder of ['libs/domain', 'apps/api/src']) {
    const files = readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    for (const file of files) {
      const source = readFileSync(join(ROOT, folder, file), 'utf8');
      for (const [, code] of source.matchAll(/'([A-Z_]+\.[A-Z_]+)'/g)) codes.add(code!);
      for (const [, suffix] of source.matchAll(/`\$\{prefix\}\.([A-Z_]+)`/g)) anyPrefix.add(suffix!);
    }
  }
  return { has: (code) => codes.has(code) || anyPrefix.has(code.split('.')[1]!) };
}

describe('problem codes the console writes in its own words', () => {
  it('are codes the server answers with (a misspelt code would silently fall back to the English detail)', () => {
    const known = serverCodes();
    const translated = Object.entries(RESOURCES.en.problems).flatMap(([area, texts]) => Object.keys(texts).map((name) => `${area}.${name}`));
    expect(translated.length).toBeGreaterThan(50);
    expect(translated.filter((code) => !known.has(code))).toEqual([]);
  });
});
