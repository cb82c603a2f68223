/**
 * Folder boundaries of a source tree (apps/api/src: capabilities, federation, platform, workflows),
 * run by the api project's lint target. Fails on
 * - an import cycle between top-level folders: two capabilities in a cycle cannot be read, tested or
 *   moved apart; break it by moving the shared piece down (platform, federation) or by an interface
 *   the composition root wires up;
 * - an import into another folder's internals: a folder is used through its public entry, its
 *   `index.ts` (`../offers`), and by tests through `<folder>/testing` (its `testing/index.ts`, for
 *   *.spec.ts and testing/ files only). Exceptions: the SHARED folders (platform, federation: the
 *   shell and transport every capability uses) may be imported file by file, and the composition
 *   root (top-level files and COMPOSITION_ROOT folders) may import any file, as it wires internals.
 *   tsx tools/check-folder-cycles.ts apps/api/src
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Folders any other folder may import file by file: the HTTP/command shell and federation transport. */
export const SHARED = ['platform', 'federation'];
/** Folders that wire the app together (runtime.ts, demo seed): like main.ts, they may import any file. */
export const COMPOSITION_ROOT = ['infrastructure'];

interface FolderRules {
  shared: readonly string[];
  compositionRoot: readonly string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

interface RelativeImport {
  /** importing file and the imported path, both relative to the root, with `/` separators */
  file: string;
  target: string;
  from: string;
  to: string;
}

/** Imports between top-level folders (relative only: libraries are checked by Nx's module boundaries). */
function crossFolderImports(root: string): RelativeImport[] {
  const found: RelativeImport[] = [];
  const path = (absolute: string) => relative(root, absolute).split(sep).join('/');
  for (const absolute of sourceFiles(root)) {
    const file = path(absolute);
    const from = file.split('/')[0]!;
    for (const { fileName } of ts.preProcessFile(readFileSync(absolute, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path(resolve(dirname(absolute), fileName));
      const to = target.split('/')[0]!;
      if (to !== from && !target.startsWith('..')) found.push({ file, target, from, to });
    }
  }
  return found;
}

/** folder → folders it imports, without tests and without the composition root's own top-level files. */
export function folderGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { file, from, to } of crossFolderImports(root)) {
    if (from.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    graph.set(from, (graph.get(from) ?? new Set()).add(to));
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop()!; ; member = stack.pop()!) {
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

export interface DeepImport {
  file: string;
  imports: string;
  reason: string;
}

/** Imports that reach into another folder past its public entry (see the header for the rule). */
export function deepImports(root: string, rules: FolderRules = { shared: SHARED, compositionRoot: COMPOSITION_ROOT }): DeepImport[] {
  const isTest = (file: string) => file.endsWith('.spec.ts') || file.split('/').includes('testing');
  const entry = (target: string, folder: string) => [folder, `${folder}/index`].includes(target.replace(/\.ts$/, ''));
  const testingEntry = (target: string, folder: string) => [`${folder}/testing`, `${folder}/testing/index`].includes(target.replace(/\.ts$/, ''));
  return crossFolderImports(root).flatMap(({ file, target, from, to }) => {
    if (from.endsWith('.ts') || rules.compositionRoot.includes(from) || rules.shared.includes(to) || entry(target, to)) return [];
    if (testingEntry(target, to)) return isTest(file) ? [] : [{ file, imports: target, reason: `only tests use ${to}/testing` }];
    return [{ file, imports: target, reason: `import ${to} through its public entry (${to}/index.ts${isTest(file) ? ` or ${to}/testing` : ''})` }];
  });
}

if (require.main === module) {
  const root = resolve(process.argv[2] ?? 'apps/api/src');
  const name = relative(process.cwd(), root);
  const graph = folderGraph(root);
  const found = cycles(graph);
  for (const component of found) {
    process.stderr.write(`Import cycle between folders of ${name}: ${component.join(', ')}\n`);
    for (const from of component) process.stderr.write(`  ${from} → ${[...(graph.get(from) ?? [])].filter((to) => component.includes(to)).join(', ')}\n`);
  }
  const deep = deepImports(root);
  for (const { file, imports, reason } of deep) process.stderr.write(`${name}/${file} reaches into ${imports}: ${reason}\n`);
  if (found.length || deep.length) process.exit(1);
  process.stdout.write(`No import cycle between the folders of ${name}, and each folder is imported through its public entry\n`);
}
