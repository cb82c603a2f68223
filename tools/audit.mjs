// `npm audit` of the production dependencies: fails on a high or critical advisory. When the
// registry's advisory service cannot be asked (a mirror or proxy that refuses the bulk endpoint,
// as on the project's build machines), it says so plainly and does not pretend to have checked.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(run.status ?? 1);
}
if (report.statusCode !== undefined && report.vulnerabilities === undefined) {
  console.log(`npm audit: NOT CHECKED — the advisory service refused the request (${report.message}). Run \`npm audit --omit=dev\` where the registry's audit endpoint is reachable.`);
  process.exit(0);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(`npm audit (production dependencies): ${Object.entries(counts).map(([level, n]) => `${level} ${n}`).join(', ')}`);
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
    if (v.severity === 'high' || v.severity === 'critical') console.log(`  ${v.severity}: ${name} ${v.range}`);
  }
  process.exit(1);
}
