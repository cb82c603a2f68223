/**
 * Over the real broker: from an accepted availability command on one node to the change being
 * visible in a partner node's pool query, beside the broker's own produce-to-consume latency
 * measured in the same run with a plain kafkajs producer and consumer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import { createFamilybankClient, unwrap, type FamilybankClient } from '../../libs/api-client/src';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { buildApiForProcessTests, startApiProcess, type ApiProcess } from '../../test/support/api-process';
import type { BenchResult } from './event-store.bench';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for the federation');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function node(mainJs: string, code: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), `familybank-bench-${code}-`));
  const api = await startApiProcess(mainJs, { DATA_DIR: dataDir, NODE_ID: `bench-${code}`, MUNICIPALITIES: code, SQLITE_SYNCHRONOUS: 'FULL', ...env });
  const keys = await loadOrCreateDevKeys(dataDir);
  const token = await signDevToken(keys, { municipality: code, roles: ['caseworker', 'approver'], issuer: 'familybank-dev', audience: 'familybank-api' });
  return { api, dataDir, client: createFamilybankClient({ baseUrl: api.baseUrl, token }) };
}

async function availableFamily(client: FamilybankClient): Promise<string> {
  const adults = [{ adultId: 'a1', fullName: 'Bench Family' }];
  const contact = { street: 'Benchvej 1', postalCode: '4000', city: 'Roskilde', phone: '+45 11 22 33 44', email: 'bench@example.dk' };
  const { familyId } = await unwrap(client.POST('/v1/families', { body: { sourceChannel: 'campaign', adults, contact, region: 'DK-85', interestedIn: ['respite'] } }));
  const path = { path: { familyId } };
  const steps: Array<[string, object]> = [
    ['/v1/families/{familyId}/first-contact', { on: '2026-11-20', channel: 'phone' }],
    ['/v1/families/{familyId}/screening', { on: '2026-11-21' }],
    ['/v1/families/{familyId}/interview', { on: '2026-11-22', interviewers: ['Bench'] }],
    ['/v1/families/{familyId}/background-checks/requests', { on: '2026-11-23' }],
    ['/v1/families/{familyId}/background-checks/results', { adultId: 'a1', kind: 'child-protection', outcome: 'clear', receivedOn: '2026-11-24' }],
    ['/v1/families/{familyId}/background-checks/results', { adultId: 'a1', kind: 'criminal-record', outcome: 'clear', receivedOn: '2026-11-24' }],
    ['/v1/families/{familyId}/approval', { careTypes: ['respite'], capacity: 2, ageRange: { min: 3, max: 12 }, validUntil: '2099-12-31', authority: 'socialtilsyn' }],
    ['/v1/families/{familyId}/consent', { on: '2026-11-25' }],
  ];
  // The steps' bodies differ per path; the typed client is bypassed for this loop only.
  const post = client.POST as unknown as (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  for (const [route, body] of steps) await unwrap(post(route, { params: path, body }));
  await unwrap(client.POST('/v1/families/{familyId}/availability', { params: path, body: { capacity: 1, patterns: ['weekends'] } }));
  return familyId;
}

async function federationLatency(brokers: string, changes: number): Promise<number[]> {
  const mainJs = buildApiForProcessTests();
  const env = { EXCHANGE: 'kafka', KAFKA_BROKERS: brokers, EXCHANGE_NAMESPACE: `bench${Date.now()}`, LOG_LEVEL: 'error' };
  const [a, b] = [await node(mainJs, '0630', env), await node(mainJs, '0265', env)];
  const nodes: ApiProcess[] = [a.api, b.api];
  try {
    await unwrap(a.client.POST('/v1/partnerships', { body: { partner: '0265' } }));
    await until(async () => ((await unwrap(b.client.GET('/v1/partnerships', {}))).items.some((p) => p.status === 'proposed-to-us') ? true : undefined));
    await until(async () => ((await unwrap(b.client.GET('/v1/directory', {}))).items.some((entry) => entry.code === '0630') ? true : undefined));
    await unwrap(b.client.POST('/v1/partnerships/{partner}/acceptance', { params: { path: { partner: '0630' } }, body: {} }));
    const familyId = await availableFamily(b.client);
    await until(async () => ((await unwrap(a.client.GET('/v1/pool', {}))).items.length === 1 ? true : undefined));
    const latencies: number[] = [];
    for (let n = 0; n < changes; n++) {
      const started = performance.now();
      const changed = await unwrap(b.client.POST('/v1/families/{familyId}/availability', { params: { path: { familyId } }, body: { capacity: (n % 2) + 1, patterns: ['weekends'] } }));
      await until(async () => ((await unwrap(a.client.GET('/v1/pool', {}))).items[0]?.version === changed.revision ? true : undefined));
      latencies.push(performance.now() - started);
    }
    return latencies.sort((x, y) => x - y);
  } finally {
    for (const api of nodes) api.child.kill('SIGKILL');
    rmSync(a.dataDir, { recursive: true, force: true });
    rmSync(b.dataDir, { recursive: true, force: true });
  }
}

async function brokerLatency(brokers: string, messages: number): Promise<number[]> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const topic = `bench-raw-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 1000 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let arrived: (() => void) | undefined;
  await consumer.run({ eachMessage: async () => arrived?.() });
  await new Promise((resolve) => setTimeout(resolve, 3000)); // let the group settle
  const latencies: number[] = [];
  for (let n = 0; n < messages; n++) {
    const received = new Promise<void>((resolve) => (arrived = resolve));
    const started = performance.now();
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: String(n) }] });
    await received;
    latencies.push(performance.now() - started);
  }
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return latencies.sort((x, y) => x - y);
}

export async function benchKafka(opts: { changes: number }): Promise<BenchResult[]> {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) return [{ name: 'Kafka figures skipped: run `npm run kafka:start` and set KAFKA_BROKERS=127.0.0.1:9092', value: 0, unit: '' }];
  const raw = await brokerLatency(brokers, opts.changes);
  const federation = await federationLatency(brokers, opts.changes);
  const baseline = `broker produce-to-consume p50 ${percentile(raw, 50).toFixed(1)} ms, p99 ${percentile(raw, 99).toFixed(1)} ms`;
  return [
    { name: `availability change → partner's pool view, p50 over ${opts.changes}`, value: percentile(federation, 50), unit: 'ms', baseline },
    { name: `availability change → partner's pool view, p99 over ${opts.changes}`, value: percentile(federation, 99), unit: 'ms', baseline: `goal <= 250 ms; ${baseline}` },
  ];
}
