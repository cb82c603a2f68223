#!/usr/bin/env node
// `npm run test:contract`: schemathesis (from PyPI, pinned) runs every check against a throwaway
// node with demo data, so the OpenAPI document and the server cannot drift apart unnoticed.
//   SCHEMATHESIS_BIN=/path/to/schemathesis   use an existing install instead of .cache/schemathesis-venv
//   SCHEMATHESIS_MAX_EXAMPLES=n (default 30), SCHEMATHESIS_SEED=n; extra arguments go to `schemathesis run`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCHEMATHESIS_VERSION = '4.32.5'; // also in tools/schemathesis-requirements.txt, with its dependencies
const root = join(import.meta.dirname, '..');
const cache = join(root, '.cache');
const dist = join(cache, 'schemathesis-dist');
const reportDir = join(root, 'reports/schemathesis');

const schemathesis = process.env.SCHEMATHESIS_BIN ?? installSchemathesis();
const mainJs = buildApi();
const dataDir = mkdtempSync(join(tmpdir(), 'familybank-schemathesis-'));
let api;
let status = 1;
try {
  api = await startApi(mainJs, dataDir);
  const token = devToken(dataDir, api.municipality);
  const config = await configWithTestData(api.baseUrl, token, dataDir);
  const args = [
    ...['--config-file', config, 'run', `${api.baseUrl}/openapi.json`, '--checks', 'all'],
    ...['--max-examples', process.env.SCHEMATHESIS_MAX_EXAMPLES ?? '30', '--seed', process.env.SCHEMATHESIS_SEED ?? '20261202'],
    // One worker: with two threads, CPython 3.11's ast module (used by hypothesis to describe filters)
    // can fail with "AST constructor recursion depth mismatch" (python/cpython#106905), an error of the tool.
    ...['--workers', '1', '--request-timeout', '10', '--generation-database', 'none', '--no-color'],
    ...['--report', 'junit', '--report-dir', reportDir, ...process.argv.slice(2)],
  ];
  process.stdout.write(`== schemathesis ${args.join(' ')} --header 'Authorization: Bearer …'\n`);
  const started = Date.now();
  // Run from the data directory, so that schemathesis' own cache goes away with the node.
  // The hooks tie each Idempotency-Key to its request, as a client does (see the file).
  const env = { ...process.env, SCHEMATHESIS_HOOKS: join(root, 'tools/schemathesis_hooks.py') };
  const run = spawnSync(schemathesis, [...args, '--header', `Authorization: Bearer ${token}`], { cwd: dataDir, stdio: 'inherit', env });
  process.stdout.write(`schemathesis finished in ${Math.round((Date.now() - started) / 1000)} s with exit code ${run.status}\n`);
  status = run.status ?? 1;
} finally {
  api?.child.kill('SIGTERM');
  await api?.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);

/** A venv under .cache (ignored) from the pinned requirements; reused while the version matches. */
function installSchemathesis() {
  const venv = join(cache, 'schemathesis-venv');
  const bin = join(venv, 'bin/schemathesis');
  const installed = existsSync(bin) && spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.includes(SCHEMATHESIS_VERSION);
  if (!installed) {
    process.stdout.write(`== installing schemathesis ${SCHEMATHESIS_VERSION} into ${venv}\n`);
    rmSync(venv, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    const requirements = join(root, 'tools/schemathesis-requirements.txt');
    execFileSync(join(venv, 'bin/pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', requirements], { stdio: 'inherit' });
  }
  return bin;
}

/** The same swc build as the process tests (test/support/api-process.ts), into its own folder. */
function buildApi() {
  rmSync(dist, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@swc/cli/bin/swc.js'), 'apps/api/src', 'libs', 'contracts/src', '-d', dist, '--ignore', '**/*.spec.ts,**/testing/**,**/testing.ts,**/contract/**,**/*.fixture.ts,**/fake-*.ts', '-q'],
    { cwd: root, stdio: 'inherit' },
  );
  return join(dist, 'apps/api/src/main.js');
}

/** Starts a node on a free port with demo data; resolves with its URL and the banner's municipality. */
function startApi(main, dir) {
  // Rate limits off: thousands of generated requests from one address and token would otherwise be
  // answered 429 and test little (429 stays documented on every operation; rate-limits.e2e tests it).
  const limits = { RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_TOKEN: '0', RATE_LIMIT_VIEWS_PER_TOKEN: '0' };
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, SEED_DEMO_DATA: 'true', LOG_LEVEL: 'error', EXCHANGE: 'inprocess', NODE_ENV: 'development', ...limits };
  const child = spawn(process.execPath, ['--enable-source-maps', main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`API did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output);
      const municipality = /Dev token \(municipality (\d{4})/.exec(output);
      if (url && municipality) {
        clearTimeout(timer);
        child.stdout.removeListener('data', onData);
        // Only errors matter from here on; a 500 is logged and worth seeing next to the failure.
        child.stdout.resume();
        resolve({ child, exited, baseUrl: url[1], municipality: municipality[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()) && process.stderr.write(chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} before listening:\n${output}`));
    });
  });
}

/** A dev token with every role, so that every operation is reachable. */
function devToken(dir, municipality) {
  const { ROLES } = createRequire(import.meta.url)(join(dist, 'contracts/src/route.js'));
  const roles = ROLES.flatMap((role) => ['--role', role]);
  return execFileSync(process.execPath, [join(dist, 'apps/api/src/platform/auth/token.cli.js'), '--municipality', municipality, ...roles], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir },
    encoding: 'utf8',
  }).trim();
}

/**
 * tools/schemathesis.toml plus test data that a schema cannot give and the API's state decides:
 *  - the ids of the demo data (families, requests and partners' requests in the inbox, offers,
 *    partners, meetings, courses and their sessions, development goals, a webhook subscription made
 *    here): half of the generated path
 *    ids are real ones, so that requests reach the domain's rules instead of stopping at 404;
 *  - If-Match `*` for half of the writes: the documented example ("3") or a drawn revision is almost
 *    never the resource's current one, so every write stopped at 412; the stateful phase sends
 *    the real ETag through the document's links;
 *  - a day some months ahead for the fields that must lie in the future (a response deadline, an
 *    approval's valid-until), which the document's example day soon no longer is (422).
 */
async function configWithTestData(baseUrl, token, dir) {
  const get = async (path) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.json();
  };
  const post = async (path, body) => {
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const families = (await get('/v1/families?limit=200')).items;
  const requests = (await get('/v1/requests?limit=200')).items;
  const partners = (await get('/v1/partnerships')).items;
  const inbox = (await get('/v1/inbox')).items;
  const meetings = (await get('/v1/support/supervision-meetings?limit=200')).items;
  const courses = (await get('/v1/support/courses?limit=200')).items;
  // A family without a development plan answers 404; the plans there are give their goals.
  const plans = await Promise.all(families.map((family) => get(`/v1/families/${family.familyId}/development-plan`).catch(() => undefined)));
  // The demo has no webhook subscription: one to a closed loopback port gives the subscription
  // operations a real id (its deliveries fail and are retried, which the tests do not wait for).
  const subscription = await post('/v1/webhooks/subscriptions', { url: 'http://127.0.0.1:9/familybank', eventTypes: ['family.registered'], description: 'schemathesis' });
  const deliveries = (await get('/v1/webhooks/deliveries?limit=200')).items;
  const inAFewMonths = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
  const dictionaries = [
    { name: 'familyId', parameter: 'path.familyId', values: families.map((family) => family.familyId) },
    { name: 'assignmentId', parameter: 'path.assignmentId', values: families.flatMap((family) => family.assignments.map((assignment) => assignment.assignmentId)) },
    { name: 'requestId', parameter: 'path.requestId', values: [...requests, ...inbox].map((request) => request.requestId) },
    { name: 'offerId', parameter: 'path.offerId', values: requests.flatMap((request) => request.offers.map((offer) => offer.offerId)) },
    { name: 'partner', parameter: 'path.partner', values: partners.map((partnership) => partnership.partner) },
    { name: 'requester', parameter: 'path.requester', values: inbox.map((item) => item.requester) },
    { name: 'meetingId', parameter: 'path.meetingId', values: meetings.map((meeting) => meeting.meetingId) },
    { name: 'courseId', parameter: 'path.courseId', values: courses.map((course) => course.courseId) },
    { name: 'sessionId', parameter: 'path.sessionId', values: courses.flatMap((course) => course.sessions.map((session) => session.sessionId)) },
    { name: 'goalId', parameter: 'path.goalId', values: plans.flatMap((plan) => plan?.goals.map((goal) => goal.goalId) ?? []) },
    { name: 'subscriptionId', parameter: 'path.subscriptionId', values: [subscription.subscriptionId] },
    { name: 'deliveryId', parameter: 'path.deliveryId', values: deliveries.map((delivery) => delivery.deliveryId) },
    { name: 'anyRevision', parameter: 'header.If-Match', values: ['*'] },
    { name: 'responseDeadline', parameter: 'body.responseDeadline', values: [inAFewMonths] },
    { name: 'validUntil', parameter: 'body.validUntil', values: [inAFewMonths] },
  ].filter(({ values }) => values.length > 0);
  const sections = dictionaries.map(({ name, values }) => `[dictionaries.${name}]\nvalues = ${JSON.stringify([...new Set(values)])}\n`);
  const bindings = dictionaries.map(({ name, parameter }) => `"${parameter}" = { dictionary = "${name}", probability = 0.5 }`).join('\n');
  const file = join(dir, 'schemathesis.toml');
  const base = readFileSync(join(root, 'tools/schemathesis.toml'), 'utf8');
  writeFileSync(file, `${base}\n${sections.join('\n')}\n[parameters]\n${bindings}\n`);
  return file;
}
