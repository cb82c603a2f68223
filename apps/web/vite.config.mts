// Builds the caseworker console into dist/apps/web, which the API node serves at `/`.
// `npx nx run web:serve` runs vite's dev server and forwards /v1 to an API on API_URL (default :3000).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
// The workspace's libraries by their aliases, as tsconfig.base.json names them (exact matches only).
const alias = Object.entries(compilerOptions.paths).map(([find, targets]) => ({ find: new RegExp(`^${find.replace('/', '\\/')}$`), replacement: join(root, targets[0] ?? '') }));

const DESIGN_SYSTEM = /node_modules[\\/](@digdir|@floating-ui|@u-elements|@tanstack|@navikt|@radix-ui|tabbable)[\\/]/;
/**
 * Vendor code in chunks of its own, which stay cached across releases of the console's own code:
 * React and the texts' runtime (needed for the first paint); the charts (recharts and its d3 and
 * redux, only the figures screen); the design system split in the part the shell needs at once
 * ($initial: statically reached from the entry) and the rest, fetched with the first screen using it.
 * apps/web/src/first-paint.int.spec.ts checks the budget of the first paint and that no chart code is in it.
 */
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|i18next|react-i18next)[\\/]/, priority: 40 },
  { name: 'charts', test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|redux|redux-thunk|@reduxjs|reselect|immer|react-redux|es-toolkit|decimal\.js-light|eventemitter3)[\\/]/, priority: 30 },
  // The contracts' zod schemas, shared by the forms of many screens (the same rules as the API's).
  // Their roles.ts (no zod) is read by the session at first paint: a group of its own, taken first,
  // keeps it from drawing the whole contracts chunk into the first paint.
  { name: 'roles', test: /[\\/]contracts[\\/]src[\\/]roles\.ts$/, priority: 50 },
  { name: 'contracts', test: /([\\/]contracts[\\/]src[\\/]|node_modules[\\/](zod|@asteasolutions)[\\/])/, priority: 25 },
  { name: 'design-system-shell', test: DESIGN_SYSTEM, tags: ['$initial' as const], priority: 20 },
  { name: 'design-system', test: DESIGN_SYSTEM, priority: 10 },
];

export default defineConfig({
  root: join(root, 'apps/web'),
  base: '/',
  plugins: [react()],
  resolve: { alias },
  build: {
    outDir: join(root, 'dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The design system's React package declares no `sideEffects`: without this, every component
      // (and its floating-ui, virtual lists, ...) would come along with the few the shell uses.
      // Its components import their custom elements (designsystemet-web) themselves, so nothing is lost.
      treeshake: { moduleSideEffects: (id: string) => !/node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/.test(id) },
      output: { codeSplitting: { groups: vendorChunks } },
    },
  },
  server: { proxy: { '/v1': process.env['API_URL'] ?? 'http://127.0.0.1:3000' } },
});
