import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

// Lints small virtual files placed in real projects against the repository's own eslint.config.js,
// so removing or widening a scope constraint (or a project's scope:* tag) makes these fail.
const root = join(__dirname, '../../..');
const importing = (alias: string) => `import * as imported from '${alias}';\nexport const used = imported;\n`;

// Jest cannot run ESLint's dynamic import of the config file, so the same file is required and handed over.
const config = require(join(root, 'eslint.config.js')) as ESLint.Options['overrideConfig'];

async function boundaryErrors(file: string, alias: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config }).lintText(importing(alias), { filePath: join(root, file) });
  return result!.messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries').map((message) => message.message);
}

describe('scope:* tags keep capabilities out of each other (enforce-module-boundaries)', () => {
  beforeAll(async () => {
    // The rule reads the cached project graph and skips itself without one: build it from the
    // project.json files as they are now, without a daemon.
    process.env['NX_DAEMON'] = 'false';
    const { createProjectGraphAsync } = await import('@nx/devkit');
    await createProjectGraphAsync({ exitOnError: false });
  }, 60_000);

  it('refuses a capability importing another capability it does not build on (offer → family)', async () => {
    expect(await boundaryErrors('libs/domain/offer/src/scope-probe.ts', '@familybank/domain-family')).toEqual([
      'A project tagged with "scope:offer" can only depend on libs tagged with "scope:shared", "scope:offer"',
    ]);
  }, 60_000);

  it('refuses the shared domain kernel importing a capability (core → partnership)', async () => {
    const errors = await boundaryErrors('libs/domain/core/src/scope-probe.ts', '@familybank/domain-partnership');
    expect(errors).toContain('A project tagged with "type:domain" and "scope:shared" can only depend on libs tagged with "scope:shared"');
  }, 60_000);

  it('refuses a shared library importing the process managers (read-models → workflows)', async () => {
    const errors = await boundaryErrors('libs/read-models/src/scope-probe.ts', '@familybank/domain-workflows');
    expect(errors.some((error) => error.startsWith('A project tagged with "scope:shared" can only depend on'))).toBe(true);
  }, 60_000);

  it('lets a capability use one it names (request → family) and the process managers use every capability', async () => {
    expect(await boundaryErrors('libs/domain/request/src/scope-probe.ts', '@familybank/domain-family')).toEqual([]);
    expect(await boundaryErrors('libs/domain/workflows/src/scope-probe.ts', '@familybank/domain-support')).toEqual([]);
  }, 60_000);

  it('gives every project exactly one scope, and a capability library its own', () => {
    const projects = execFileSync('git', ['ls-files', '*project.json'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const scopes = projects.map((file) => {
      const { tags } = JSON.parse(readFileSync(join(root, file), 'utf8')) as { tags: string[] };
      return [file, tags.filter((tag) => tag.startsWith('scope:'))] as const;
    });
    expect(scopes.length).toBeGreaterThan(15);
    expect(scopes.filter(([, found]) => found.length !== 1).map(([file]) => file)).toEqual([]);
    const capabilities = scopes.filter(([file]) => file.startsWith('libs/domain/') && !file.startsWith('libs/domain/core/'));
    const names = capabilities.map(([file, [scope]]) => [file.split('/')[2], scope]);
    expect(names).toEqual(names.map(([name]) => [name, `scope:${name}`]));
  });
});
