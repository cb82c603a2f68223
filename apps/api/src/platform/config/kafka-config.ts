import { readFileSync } from 'node:fs';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * How a node signs in to a secured broker, and the optional ACL manager (see docs/operations.md,
 * "Broker security"). Merged into the configuration schema.
 */
export const KafkaSecuritySettings = {
  /** SCRAM-SHA-512 (recommended), SCRAM-SHA-256 or PLAIN (only over TLS); case-insensitive. */
  KAFKA_SASL_MECHANISM: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['scram-sha-512', 'scram-sha-256', 'plain']))
    .optional(),
  /** This node's principal: one per municipality (`familybank-<code>` by default). */
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** SASL_SSL: TLS to the brokers (production). */
  KAFKA_SSL: booleanFlag.default(false),
  /** PEM bundle of the CA that signed the brokers' certificates, when it is not a public one. */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  /** The broker admin the ACL manager signs in as; without it the node applies no ACLs (the operator does). */
  KAFKA_ACL_ADMIN_USERNAME: z.string().min(1).optional(),
  KAFKA_ACL_ADMIN_PASSWORD: z.string().min(1).optional(),
  /** The principal of a municipality, `{code}` replaced by its code. */
  KAFKA_ACL_PRINCIPAL_TEMPLATE: z.string().regex(/\{code\}/, 'Must contain {code}').default('User:familybank-{code}'),
};

type KafkaSecurityConfig = {
  KAFKA_SASL_MECHANISM?: 'scram-sha-512' | 'scram-sha-256' | 'plain';
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string;
  KAFKA_ACL_ADMIN_USERNAME?: string;
  KAFKA_ACL_ADMIN_PASSWORD?: string;
  EXCHANGE: string;
  MUNICIPALITIES: string[];
};

/** What does not fit together; each line names the variable. */
export function kafkaSecurityProblems(config: KafkaSecurityConfig): string[] {
  const problems: string[] = [];
  if (Boolean(config.KAFKA_SASL_USERNAME) !== Boolean(config.KAFKA_SASL_PASSWORD)) problems.push('KAFKA_SASL_PASSWORD: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD go together');
  if (Boolean(config.KAFKA_ACL_ADMIN_USERNAME) !== Boolean(config.KAFKA_ACL_ADMIN_PASSWORD)) problems.push('KAFKA_ACL_ADMIN_PASSWORD: KAFKA_ACL_ADMIN_USERNAME and KAFKA_ACL_ADMIN_PASSWORD go together');
  if (config.KAFKA_ACL_ADMIN_USERNAME && !config.KAFKA_SASL_USERNAME) problems.push('KAFKA_SASL_USERNAME: the ACL manager needs the node to sign in with SASL too');
  if (config.KAFKA_SASL_MECHANISM === 'plain' && !config.KAFKA_SSL) problems.push('KAFKA_SASL_MECHANISM: PLAIN sends the password in clear; use it only with KAFKA_SSL=true');
  if (config.KAFKA_ACL_ADMIN_USERNAME && config.EXCHANGE !== 'kafka') problems.push('KAFKA_ACL_ADMIN_USERNAME: broker ACLs need EXCHANGE=kafka');
  // The manager grants the node its own rights before it first connects: it must know whom it serves.
  if (config.KAFKA_ACL_ADMIN_USERNAME && config.MUNICIPALITIES.length === 0) problems.push('MUNICIPALITIES: the ACL manager (KAFKA_ACL_ADMIN_USERNAME) needs the municipalities this node serves');
  return problems;
}

/** kafkajs's `sasl` and `ssl` for this node, or for the ACL manager's admin (`as: 'admin'`). */
export function kafkaClientSecurity(config: KafkaSecurityConfig, as: 'node' | 'admin' = 'node'): Pick<KafkaConfig, 'sasl' | 'ssl'> {
  const username = as === 'admin' ? config.KAFKA_ACL_ADMIN_USERNAME : config.KAFKA_SASL_USERNAME;
  const password = as === 'admin' ? config.KAFKA_ACL_ADMIN_PASSWORD : config.KAFKA_SASL_PASSWORD;
  const mechanism = config.KAFKA_SASL_MECHANISM ?? 'scram-sha-512';
  const sasl = username && password ? ({ mechanism, username, password } as SASLOptions) : undefined;
  const ssl = config.KAFKA_SSL ? (config.KAFKA_SSL_CA_FILE ? { ca: [readFileSync(config.KAFKA_SSL_CA_FILE, 'utf8')], rejectUnauthorized: true } : true) : undefined;
  return { ...(sasl ? { sasl } : {}), ...(ssl ? { ssl } : {}) };
}
