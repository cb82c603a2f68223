import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as ts from 'typescript';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { PROBLEM_TYPES } from '@familybank/contracts';
import { registration } from '../support/family-fixtures';
import { startTestServer, type TestServer } from '../support/api-server';

const ROOT = join(__dirname, '../..');
const GUIDE = join(ROOT, 'docs/integrators.md');
const run = promisify(execFile);

/** The first ```ts block of the guide: the complete example an integrator copies. */
function exampleFromGuide(): string {
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(readFileSync(GUIDE, 'utf8'));
  if (!block) throw new Error('docs/integrators.md has no ```ts code block');
  return block[1]!;
}

/**
 * The guide's example is executed as written, against a real server, as an integrator would run it:
 * a separate process that knows only FAMILYBANK_URL, FAMILYBANK_TOKEN and '@familybank/api-client'.
 */
describe('docs/integrators.md', () => {
  jest.setTimeout(60_000);

  let server: TestServer;
  let vejle: FamilybankClient;
  let workDir: string;
  let exampleFile: string;
  const source = exampleFromGuide();

  beforeAll(async () => {
    server = await startTestServer();
    vejle = await server.client('0630', ['caseworker', 'approver']);
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    workDir = mkdtempSync(join(ROOT, 'tmp', 'integrators-guide-'));
    exampleFile = join(workDir, 'example.ts');
    writeFileSync(exampleFile, source);
  });
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    await server?.stop();
  });

  it('the example imports only the published client', () => {
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect(imports).toEqual(['@familybank/api-client']);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it('the example type-checks against the generated contract', () => {
    const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
    const program = ts.createProgram([exampleFile], { ...options, noEmit: true, typeRoots: [join(ROOT, 'node_modules/@types')] });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      return `${diagnostic.file?.fileName ?? ''}${where ? `:${where.line + 1}` : ''} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  });

  it('the example runs: registers, records first contact with If-Match and a replayed retry, handles 422 and 412, paginates', async () => {
    // 25 families already in Vejle, so that the example's walk (20 per page) crosses a page boundary,
    // and one in Roskilde, which Vejle's token must not see.
    for (let index = 0; index < 25; index += 1) await unwrap(vejle.POST('/v1/families', { body: registration() }));
    await unwrap((await server.client('0265')).POST('/v1/families', { body: registration() }));

    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', join(ROOT, 'tsconfig.json'), exampleFile],
      {
        cwd: ROOT,
        env: { ...process.env, FAMILYBANK_URL: server.baseUrl, FAMILYBANK_TOKEN: await server.token('0630', ['caseworker', 'approver']) },
        timeout: 45_000,
      },
    ).catch((error: { code?: number; stdout?: string; stderr?: string }) => {
      throw new Error(`the example failed (exit ${error.code}):\n${error.stdout}\n${error.stderr}`);
    });
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n');

    const familyId = /^registered (\S+) \(stage lead, ETag "0"\)$/.exec(lines[0] ?? '')?.[1];
    expect(familyId).toBeDefined();
    expect(lines).toEqual([
      `registered ${familyId} (stage lead, ETag "0")`,
      'first contact recorded: stage contacted, ETag "1"',
      'retry replayed: true, ETag "1"',
      'refused: FAMILY.NOT_APPROVED (422) -> the family needs an approval first',
      'refused: FAMILY.REVISION_MISMATCH (412) -> someone changed the family: read it again and decide again',
      'screened after reading ETag "1": stage screened, revision 2',
      'listed 26 families: screened 1, lead 25',
    ]);

    // What the example did is in the API: each accepted step once, the refused and replayed ones not at all.
    const family = await unwrap(vejle.GET('/v1/families/{familyId}', { params: { path: { familyId: familyId! } } }));
    expect(family).toMatchObject({ stage: 'screened', revision: 2, sourceChannel: 'municipality-website', adults: [{ fullName: 'Karen Holm' }] });
    const { items: events } = await unwrap(vejle.GET('/v1/families/{familyId}/events', { params: { path: { familyId: familyId! } } }));
    expect(events.map((event) => event.type)).toEqual(['FamilyRegistered', 'FirstContactMade', 'FamilyScreened']);
  });

  it('lists every problem type and every FAMILY.* code the API can answer with', () => {
    const guide = readFileSync(GUIDE, 'utf8');
    const errors = readFileSync(join(ROOT, 'libs/domain/family/src/family.errors.ts'), 'utf8');
    const codes = [...new Set([...errors.matchAll(/'(FAMILY\.[A-Z_]+)'/g)].map((match) => match[1]!)), 'FAMILY.REVISION_MISMATCH'];
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((code) => !guide.includes(`\`${code}\``))).toEqual([]);
    expect(Object.keys(PROBLEM_TYPES).filter((kind) => !guide.includes(`| \`${kind}\``))).toEqual([]);
  });
});
