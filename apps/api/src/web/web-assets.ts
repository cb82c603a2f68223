import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `nx run web:build` writes the console (vite's outDir), relative to the workspace root. */
export const WEB_BUILD_DIR = join('dist', 'apps', 'web');

/**
 * Finds the console's built assets by walking up from this file to the workspace root, so the same
 * lookup works from the sources (tsx, Jest), from `dist/apps/api` and from the process tests' build.
 * `WEB_DIST_DIR` names another folder (a deployment that ships the assets elsewhere).
 */
export function locateWebAssets(env: NodeJS.ProcessEnv, from = __dirname): string | undefined {
  const configured = env['WEB_DIST_DIR'];
  if (configured) return existsSync(join(configured, 'index.html')) ? configured : undefined;
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, WEB_BUILD_DIR);
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
