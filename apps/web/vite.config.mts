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

export default defineConfig({
  root: join(root, 'apps/web'),
  base: '/',
  plugins: [react()],
  resolve: { alias },
  build: { outDir: join(root, 'dist/apps/web'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/v1': process.env['API_URL'] ?? 'http://127.0.0.1:3000' } },
});
