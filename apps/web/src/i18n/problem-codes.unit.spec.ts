import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, PROBLEM_TEXTS, type Language } from './i18n';
import type { ProblemsTranslation } from './locales/problems.en';

const ROOT = join(__dirname, '../../../..');
/** Where the server's problems are made: the domain's errors and the API's own problems. */
const SERVER_FOLDERS = ['libs/domain', 'apps/api/src'];

function serverSources(): Array<{ file: string; source: string }> {
  return SERVER_FOLDERS.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .map((file) => ({ file: `${folder}/${file}`, source: readFileSync(join(ROOT, folder, file), 'utf8') })),
  );
}

/** The code argument of every place a problem is made: DomainError's first, ProblemError's and problemBody's second. */
const CODE_ARGUMENTS = [/new DomainError\(\s*([^,]+),/g, /\b(?:ProblemError|problemBody)\(\s*[^,]+,\s*([^,]+),/g];
const LITERAL = /^'([A-Z][A-Z_]*(?:\.[A-Z][A-Z_]*)?)'$/;
/** A code every aggregate answers with, its prefix named in the aggregate registry (`${prefix}.REVISION_MISMATCH`). */
const PER_AGGREGATE = /^`\$\{prefix\}\.([A-Z_]+)`$/;

/**
 * Every problem code the server's sources can send: each quoted `AREA.NAME` (codes are also kept in
 * tables, e.g. the body parser's), each literal code argument (INTERNAL has no area), and each
 * per-aggregate code with every `errorPrefix`. A code argument that is a template of another shape
 * is reported as unreadable, so that the scan cannot silently miss a new way of building codes.
 */
function serverProblemCodes(): { codes: Set<string>; unreadable: string[] } {
  const codes = new Set<string>();
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  const unreadable: string[] = [];
  for (const { file, source } of serverSources()) {
    for (const [, code] of source.matchAll(/'([A-Z][A-Z_]*\.[A-Z][A-Z_]*)'/g)) codes.add(code!);
    for (const [, prefix] of source.matchAll(/errorPrefix: '([A-Z_]+)'/g)) prefixes.add(prefix!);
    for (const pattern of CODE_ARGUMENTS) {
      for (const [, argument] of source.matchAll(pattern)) {
        const code = argument!.trim();
        const literal = LITERAL.exec(code);
        const perAggregate = PER_AGGREGATE.exec(code);
        if (literal) codes.add(literal[1]!);
        else if (perAggregate) suffixes.add(perAggregate[1]!);
        else if (code.startsWith('`') || code.startsWith("'")) unreadable.push(`${file}: ${code}`);
      }
    }
  }
  for (const prefix of prefixes) for (const suffix of suffixes) codes.add(`${prefix}.${suffix}`);
  return { codes, unreadable };
}

/** The codes a language has a text for: problems → AREA → NAME, or problems → CODE for a code without an area. */
const translatedCodes = (problems: object): string[] =>
  Object.entries(problems).flatMap(([area, texts]) => (typeof texts === 'string' ? [area] : Object.keys(texts as object).map((name) => `${area}.${name}`)));

const textOf = (problems: object, code: string): unknown => code.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], problems);

describe('problem codes the console writes in its own words', () => {
  const { codes, unreadable } = serverProblemCodes();
  const texts = {} as Record<Language, ProblemsTranslation['problems']>;
  beforeAll(async () => {
    for (const language of LANGUAGES) texts[language] = (await PROBLEM_TEXTS[language]()).problems;
  });

  it('the scan of the server’s sources finds the codes, whichever way they are built', () => {
    expect(unreadable).toEqual([]);
    for (const code of ['FAMILY.WRONG_STAGE', 'WEBHOOK.INVALID_URL', 'REQUEST.TOO_LARGE', 'SUPPORT.REVISION_MISMATCH', 'AUDIT.REVISION_MISMATCH', 'INTERNAL']) expect(codes).toContain(code);
    expect(codes.size).toBeGreaterThan(150);
  });

  it.each(LANGUAGES)('every code the server can send has a text in %s (none falls back to the English detail)', (language) => {
    const problems = texts[language];
    expect([...codes].filter((code) => typeof textOf(problems, code) !== 'string' || textOf(problems, code) === '').sort()).toEqual([]);
  });

  it.each(LANGUAGES)('every text in %s is of a code the server sends (a misspelt code would never be shown)', (language) => {
    expect(translatedCodes(texts[language]).filter((code) => !codes.has(code))).toEqual([]);
  });
});
