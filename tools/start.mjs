#!/usr/bin/env node
// `npm start`: builds the API and the console, then runs them on the embedded default (SQLite under ./data) with demo data.
import { spawnSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const build = spawnSync(process.execPath, [join(root, 'node_modules/nx/bin/nx.js'), 'run', 'api:build', '--outputStyle=stream'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...process.env },
});
if (build.status !== 0) process.exit(build.status ?? 1);

// The console (apps/web) is built by vite into dist/apps/web, which the API serves at `/`.
const web = spawnSync(process.execPath, [join(root, 'node_modules/nx/bin/nx.js'), 'run', 'web:build', '--outputStyle=stream'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...process.env },
});
if (web.status !== 0) process.exit(web.status ?? 1);

const api = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/src/main.js')], {
  cwd: root,
  stdio: 'inherit',
  // Quiet start-up: the banner with the docs URL and a token is what a newcomer needs to see.
  env: { SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
