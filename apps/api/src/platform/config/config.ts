import { resolve } from 'node:path';
import { z } from 'zod';
import { IdentitySettings, identityProblems } from './identity-config';
import { KafkaSecuritySettings, kafkaSecurityProblems } from './kafka-config';
import { SigningKeySettings } from './signing-key-config';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Every setting is an environment variable; see the README's configuration table. */
const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  EVENT_STORE: z.enum(['sqlite', 'eventstoredb']).default('sqlite'),
  EVENTSTOREDB_CONNECTION_STRING: z.string().startsWith('esdb').optional(),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  SEED_DEMO_DATA: booleanFlag.default(false),
  FIRST_CONTACT_DUE_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  APPROVAL_EXPIRY_SWEEP_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  AVAILABILITY_STALE_AFTER_DAYS: z.coerce.number().int().min(7).max(365).default(60),
  AVAILABILITY_REMINDER_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** The share of assignments from the child's own network a municipality aims for (figures; seed 003: a third). */
  NETWORK_SHARE_TARGET_PERCENT: z.coerce.number().min(0).max(100).default(33),
  /** Days a network family's provisional approval runs by default before its full assessment is due. */
  NETWORK_ASSESSMENT_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  NODE_ID: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Use 1–40 lowercase letters, digits or "-"').default('node-1'),
  EXCHANGE: z.enum(['inprocess', 'kafka']).default('inprocess'),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, 'A comma-separated list of host:port')
    .optional()
    .transform((value) => (value ? value.split(',') : [])),
  EXCHANGE_FILE: z.string().min(1).optional(),
  EXCHANGE_NAMESPACE: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Use 1–40 letters, digits, "-" or "_"').optional(),
  MUNICIPALITIES: z
    .string()
    .regex(/^(\d{4})(,\d{4})*$/, 'A comma-separated list of four-digit codes')
    .optional()
    .transform((value) => (value ? value.split(',') : [])),
  RELAY_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  PROJECTION_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  // Webhooks: tries in all (the last failure makes a dead letter), the first retry's delay (each next one 4× longer, capped), and an attempt's timeout.
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(6 * 3_600_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  ...IdentitySettings,
  /** Browser origins allowed to call the API (CORS), e.g. `https://console.example.dk`; none by default (same origin only). */
  CORS_ORIGINS: z
    .string()
    .regex(/^https?:\/\/[^\s,/]+(,https?:\/\/[^\s,/]+)*$/, 'A comma-separated list of origins, e.g. https://console.example.dk')
    .optional()
    .transform((value) => (value ? value.split(',') : [])),
  /** Rate limits: requests per window, per client address, per token, and per token for reads that record profile views; 0 = off. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(3000),
  RATE_LIMIT_PER_TOKEN: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_VIEWS_PER_TOKEN: z.coerce.number().int().min(0).default(600),
  /** Behind a reverse proxy: how many proxies to trust for X-Forwarded-For (the per-address limit's address); 0 = none. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** How long an Idempotency-Key is remembered (hours); only a hash of its request is kept. */
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(24),
  ...KafkaSecuritySettings,
  ...SigningKeySettings,
});

export type AppConfig = Omit<z.infer<typeof ConfigSchema>, 'DATA_DIR'> & { DATA_DIR: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once at start-up; a bad value stops the process with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])] ?? '')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  if (config.EXCHANGE === 'kafka' && config.KAFKA_BROKERS.length === 0) {
    throw new ConfigError('Invalid configuration:\n  KAFKA_BROKERS: required when EXCHANGE=kafka');
  }
  if (config.EVENT_STORE === 'eventstoredb' && !config.EVENTSTOREDB_CONNECTION_STRING) {
    throw new ConfigError('Invalid configuration:\n  EVENTSTOREDB_CONNECTION_STRING: required when EVENT_STORE=eventstoredb');
  }
  const kafka = kafkaSecurityProblems(config);
  if (kafka.length > 0) throw new ConfigError(`Invalid configuration:\n${kafka.map((line) => `  ${line}`).join('\n')}`);
  const identity = identityProblems(config, env);
  if (identity.length > 0) throw new ConfigError(`Invalid configuration:\n${identity.map((line) => `  ${line}`).join('\n')}`);
  return { ...config, DATA_DIR: resolve(config.DATA_DIR) };
}
