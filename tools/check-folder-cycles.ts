/**
 * Fails when the top-level folders of a source tree import each other in a cycle (apps/api/src:
 * capabilities, federation, platform, workflows). Run by the api project's lint target. A cycle
 * between folders means two capabilities cannot be read, tested or moved apart; break it by moving
 * the shared piece down (platform, federation) or by an interface the composition root wires up.
 *   tsx tools/check-folder-cycles.ts apps/api/src
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** folder → folders it imports (relative imports only: libraries are checked by Nx's module boundaries). */
export function folderGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const folderOf = (file: string) => relative(root, file).split(sep)[0]!;
  for (const file of sourceFiles(root)) {
    const from = folderOf(file);
    if (from.endsWith('.ts')) continue; // the composition root's own files (main, app.module) may import anything
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = folderOf(resolve(dirname(file), fileName));
      if (to !== from && !to.startsWith('..')) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
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

if (require.main === module) {
  const root = resolve(process.argv[2] ?? 'apps/api/src');
  const found = cycles(folderGraph(root));
  if (found.length) {
    const graph = folderGraph(root);
    for (const component of found) {
      process.stderr.write(`Import cycle between folders of ${relative(process.cwd(), root)}: ${component.join(', ')}\n`);
      for (const from of component) process.stderr.write(`  ${from} → ${[...(graph.get(from) ?? [])].filter((to) => component.includes(to)).join(', ')}\n`);
    }
    process.exit(1);
  }
  process.stdout.write(`No import cycle between the folders of ${relative(process.cwd(), root)}\n`);
}
