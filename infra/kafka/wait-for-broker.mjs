#!/usr/bin/env node
// Waits until a Kafka broker answers a real client, then proves it works end to end with kafkajs:
// admin connect + list topics, create a probe topic, produce one message, consume it through a
// consumer group (so the group coordinator works), then delete the group and the topic.
//
//   node infra/kafka/wait-for-broker.mjs [--timeout <seconds>]
//
// Brokers come from KAFKA_BROKERS (comma-separated, default 127.0.0.1:9092); with
// KAFKA_SASL_USERNAME set, the probe signs in with SASL (KAFKA_SASL_MECHANISM, default
// scram-sha-512, and KAFKA_SASL_PASSWORD), as the secure instance's admin. Exit 0 when the probe
// passed, 1 otherwise. infra/kafka/kafka.sh runs this after starting the broker.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import kafkajs from 'kafkajs';

const { Kafka, Partitioners, logLevel } = kafkajs;

const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const timeoutArg = process.argv.indexOf('--timeout');
const timeoutSeconds = Number(timeoutArg >= 0 ? process.argv[timeoutArg + 1] : process.env.KAFKA_WAIT_SECONDS || 60);
const started = Date.now();
const deadline = started + timeoutSeconds * 1000;
const remaining = () => Math.max(0, deadline - Date.now());
const verbose = process.env.KAFKA_PROBE_DEBUG === '1';
const sasl = process.env.KAFKA_SASL_USERNAME
  ? {
      mechanism: (process.env.KAFKA_SASL_MECHANISM || 'scram-sha-512').toLowerCase(),
      username: process.env.KAFKA_SASL_USERNAME,
      password: process.env.KAFKA_SASL_PASSWORD ?? '',
    }
  : undefined;

const kafka = new Kafka({
  clientId: 'familybank-broker-probe',
  brokers,
  sasl,
  connectionTimeout: 2000,
  requestTimeout: 10000,
  retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 8 },
  logLevel: verbose ? logLevel.DEBUG : logLevel.NOTHING,
});

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Phase 1: retry until the admin client connects and the broker lists its topics. */
async function waitForAdmin() {
  let lastError;
  while (remaining() > 0) {
    const admin = kafka.admin();
    try {
      await withTimeout(admin.connect(), Math.min(5000, remaining()), 'connect');
      const cluster = await withTimeout(admin.describeCluster(), Math.min(10000, remaining()), 'describeCluster');
      const topics = await withTimeout(admin.listTopics(), Math.min(10000, remaining()), 'listTopics');
      return { admin, cluster, topics };
    } catch (error) {
      lastError = error;
      await admin.disconnect().catch(() => {});
      await sleep(Math.min(500, remaining()));
    }
  }
  throw new Error(`no Kafka broker answered at ${brokers.join(',')} within ${timeoutSeconds} s: ${lastError?.message ?? 'timeout'}`);
}

/** Phase 2: topic create/delete, produce, and consume through a consumer group. */
async function probe(admin) {
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const topic = `familybank-probe-${id}`;
  const groupId = `familybank-probe-${id}`;
  const value = `probe ${id}`;
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 1000, allowAutoTopicCreation: false });
  let created = false;
  let joined = false;
  try {
    created = await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
      timeout: Math.max(1000, Math.min(15000, remaining())),
    });
    if (!created) throw new Error(`probe topic ${topic} already existed`);

    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'probe', value }] });

    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received = new Promise((resolve, reject) => {
      // A crash kafkajs restarts from (e.g. the offsets topic still loading on a first start) is not a failure.
      consumer.on(consumer.events.CRASH, ({ payload }) => payload.restart || reject(payload.error));
      consumer
        .run({
          eachMessage: async ({ message }) => {
            if (message.value?.toString() === value) resolve();
          },
        })
        .catch(reject);
    });
    joined = true;
    await withTimeout(received, Math.max(1000, remaining()), 'consume through a consumer group');
  } finally {
    await producer.disconnect().catch(() => {});
    await consumer.disconnect().catch(() => {});
    if (joined) await admin.deleteGroups([groupId]).catch(() => {});
    if (created) await admin.deleteTopics({ topics: [topic], timeout: 10000 }).catch(() => {});
  }
}

let admin;
try {
  const ready = await waitForAdmin();
  admin = ready.admin;
  const answeredMs = Date.now() - started;
  // A broker that has just answered may still be settling its metadata (e.g. "This server does not
  // host this topic-partition" right after a restart on a busy machine): probe again while time is left.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await probe(admin);
      break;
    } catch (error) {
      if (remaining() < 5000) throw error;
      process.stderr.write(`kafka probe attempt ${attempt} failed (${error?.message ?? error}); trying again\n`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  const controller = ready.cluster.brokers.find((b) => b.nodeId === ready.cluster.controller);
  process.stdout.write(
    `kafka ok: ${brokers.join(',')} (cluster ${ready.cluster.clusterId}, ${ready.cluster.brokers.length} broker(s)` +
      `${controller ? `, controller ${controller.host}:${controller.port}` : ''}); answered after ${answeredMs} ms, ` +
      `topic create/delete + produce + consume via consumer group in ${Date.now() - started - answeredMs} ms\n`,
  );
  await admin.disconnect();
  process.exit(0);
} catch (error) {
  process.stderr.write(`kafka probe failed: ${error?.stack ?? error}\n`);
  await admin?.disconnect().catch(() => {});
  process.exit(1);
}
