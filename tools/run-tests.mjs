#!/usr/bin/env node
// `npm test`: every project's Jest suite through Nx, then one summary line for all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'reports/jest');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const nx = spawnSync(
  process.execPath,
  [join(root, 'node_modules/nx/bin/nx.js'), 'run-many', '-t', 'test', '--parallel=1', '--skip-nx-cache', '--outputStyle=stream', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...process.env } },
);

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
const failures = [];
for (const file of existsSync(reports) ? readdirSync(reports).sort() : []) {
  const result = JSON.parse(readFileSync(join(reports, file), 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
  totals.skipped += skipped;
  for (const suite of result.testResults) {
    const where = suite.name.startsWith(root) ? suite.name.slice(root.length + 1) : suite.name;
    const failed = suite.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failed) failures.push(`  ${where} › ${test.fullName}\n      ${gist(test.failureMessages.join('\n'))}`);
    // A suite that failed to run at all (a syntax error, a hook that threw) has no failed test to name.
    if (suite.status === 'failed' && failed.length === 0) failures.push(`  ${where}\n      ${gist(suite.message)}`);
  }
  rows.push(`  ${file.replace(/\.json$/, '').padEnd(16)} ${String(result.numPassedTests).padStart(5)} passed ${String(result.numFailedTests).padStart(3)} failed ${String(skipped).padStart(3)} skipped`);
}
// The tail of the output is what a CI report shows: name every failure there, not only in the scrollback.
if (failures.length > 0) process.stdout.write(`\nFailed tests:\n${failures.join('\n')}\n`);
process.stdout.write(`\nTest results by project:\n${rows.join('\n')}\n`);
// The last line is the total over every project, passed first: `Tests: 2459 passed, 0 failed, 6 skipped`.
// This exact shape is what CI's reader counted when it last recognised the run (a Jest-ordered line
// starting with the skipped count, `Tests:       6 skipped, 2459 passed, …`, was read as 'no test').
process.stdout.write(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(nx.status === 0 && totals.failed === 0 && rows.length > 0 ? 0 : 1);

/** The gist of a failure: its first lines that say something and where in a spec it failed. */
function gist(message) {
  const lines = stripVTControlCharacters(String(message ?? '')).split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const said = lines.filter((line) => !line.startsWith('at ')).slice(0, 4);
  const where = lines.find((line) => line.startsWith('at ') && /\.spec\.tsx?:\d+/.test(line));
  return [...said, ...(where ? [where] : [])].join(' | ').slice(0, 600) || '(no message)';
}
