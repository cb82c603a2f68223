import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// The checker is a workspace tool outside every Nx project, so it is loaded by path rather than imported.
const { cycles, deepImports, folderGraph } = require(join(__dirname, '../../../tools/check-folder-cycles')) as typeof import('../../../tools/check-folder-cycles');

// Small source trees written to a temporary directory: path → the imports the file makes.
type Tree = Record<string, string[]>;

const roots: string[] = [];
function write(tree: Tree): string {
  const root = mkdtempSync(join(tmpdir(), 'folder-boundaries-'));
  roots.push(root);
  for (const [file, imports] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), `${imports.map((from, n) => `import { a${n} } from '${from}';`).join('\n')}\nexport const a = 1;\n`);
  }
  return root;
}
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

// A conforming tree: capabilities use each other through index.ts, platform and federation file by
// file, tests use another folder's testing entry, the composition root wires internals.
const conforming: Tree = {
  'main.ts': ['./offers/offer-internals', './infrastructure/runtime'],
  'infrastructure/runtime.ts': ['../offers/offer-internals', '../requests/requests.controller'],
  'platform/http/problem.ts': [],
  'federation/sealing.ts': ['../platform/http/problem'],
  'offers/index.ts': ['./offer-internals'],
  'offers/offer-internals.ts': ['../platform/http/problem', '../federation/sealing'],
  'offers/testing/index.ts': ['./offer-fixture'],
  'offers/testing/offer-fixture.ts': ['../offer-internals'],
  'requests/requests.controller.ts': ['../offers', '../offers/index', '../federation/sealing', '../platform/http/problem'],
  'requests/requests.unit.spec.ts': ['../offers/testing', './requests.controller'],
};

describe('folder boundaries of an app source tree', () => {
  it('accepts capabilities that use each other through their public entries', () => {
    const root = write(conforming);
    expect(deepImports(root)).toEqual([]);
    expect(cycles(folderGraph(root))).toEqual([]);
  });

  it('refuses a capability reaching into another capability\'s file, naming the file and the entry to use', () => {
    const root = write({ ...conforming, 'requests/requests.controller.ts': ['../offers/offer-internals'] });
    expect(deepImports(root)).toEqual([
      { file: 'requests/requests.controller.ts', imports: 'offers/offer-internals', reason: 'import offers through its public entry (offers/index.ts)' },
    ]);
  });

  it('refuses a test reaching into another folder past its testing entry, and production code using a testing entry', () => {
    const root = write({
      ...conforming,
      'requests/requests.unit.spec.ts': ['../offers/testing/offer-fixture'],
      'requests/requests.controller.ts': ['../offers/testing'],
    });
    expect(deepImports(root).map(({ file, reason }) => [file, reason])).toEqual([
      ['requests/requests.controller.ts', 'only tests use offers/testing'],
      ['requests/requests.unit.spec.ts', 'import offers through its public entry (offers/index.ts or offers/testing)'],
    ]);
  });

  it('treats only the named shared folders as open: a capability importing a file of another non-shared folder is refused', () => {
    const root = write(conforming);
    expect(deepImports(root, { shared: ['platform'], compositionRoot: ['infrastructure'] }).map(({ imports }) => imports)).toEqual([
      'federation/sealing',
      'federation/sealing',
    ]);
    expect(deepImports(root, { shared: ['platform', 'federation'], compositionRoot: [] }).map(({ file }) => file)).toEqual([
      'infrastructure/runtime.ts',
      'infrastructure/runtime.ts',
    ]);
  });

  it('finds an import cycle between folders, even through public entries, but not through tests', () => {
    const root = write({ ...conforming, 'offers/offer-internals.ts': ['../requests'], 'requests/index.ts': ['./requests.controller'] });
    expect(cycles(folderGraph(root))).toEqual([['offers', 'requests']]);
    const testsOnly = write({ ...conforming, 'offers/offers.unit.spec.ts': ['../requests'], 'requests/index.ts': [] });
    expect(cycles(folderGraph(testsOnly))).toEqual([]);
  });
});
