/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_PAINT_BUDGET_BYTES, firstPaint, firstPaintFiles, kB } from './testing/first-paint';

jest.setTimeout(120_000);
const root = join(__dirname, '../../..');

describe('what the console loads before its first paint', () => {
  it('reads the entry script and its preloaded chunks from index.html, nothing else', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/react-b.js"><link rel="stylesheet" href="/assets/index-c.css">
      <link rel="modulepreload" crossorigin href="/assets/react-b.js">`;
    expect(firstPaintFiles(html)).toEqual(['/assets/index-a.js', '/assets/react-b.js']);
  });

  describe('in a production build', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'familybank-web-'));
    beforeAll(() => {
      execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'apps/web/vite.config.mts', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'false'], {
        cwd: root,
        stdio: 'pipe',
        // Jest sets NODE_ENV=test, with which vite would bundle React's development build.
        env: { ...process.env, NODE_ENV: 'production' },
      });
    });
    afterAll(() => rmSync(outDir, { recursive: true, force: true }));

    it(`stays within its budget of ${kB(FIRST_PAINT_BUDGET_BYTES)} minified`, () => {
      const chunks = firstPaint(outDir);
      const total = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
      const gzip = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
      console.info(`First paint: ${kB(total)} minified, ${kB(gzip)} gzipped (budget ${kB(FIRST_PAINT_BUDGET_BYTES)})\n${chunks.map((chunk) => `  ${chunk.file} ${kB(chunk.bytes)} (${kB(chunk.gzipBytes)} gzip)`).join('\n')}`);
      expect(chunks.some((chunk) => /\/index-[^/]+\.js$/.test(chunk.file))).toBe(true);
      expect(total).toBeLessThanOrEqual(FIRST_PAINT_BUDGET_BYTES);
    });

    it('fetches the charts, the contracts’ schemas and every screen only when needed', () => {
      const first = firstPaint(outDir).map((chunk) => chunk.file);
      const chunks = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
      for (const lazy of ['charts-', 'contracts-', 'FiguresPage-', 'WorklistPage-', 'SignIn-']) {
        expect(chunks.some((file) => file.startsWith(lazy))).toBe(true);
        expect(first.filter((file) => file.includes(`/${lazy}`))).toEqual([]);
      }
    });
  });
});
