import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { SASLOptions } from 'kafkajs';

/**
 * The secure test broker (SASL/SCRAM + ACLs, `KAFKA_SECURE=1 bash infra/kafka/kafka.sh start`):
 * the one `.ci/run` started (KAFKA_SECURE_BROKERS), or one this test run starts and stops. Its
 * users are the script's defaults: `admin` (super user) and `familybank-<code>` with the password
 * `<name>-secret`. Undefined, with the reason, only when Java or Maven are missing.
 */
export interface SecureBroker {
  brokers: string[];
  sasl(username: string): SASLOptions;
  admin(): SASLOptions;
  /** Stops the broker if this run started it. */
  release(): void;
}

const ROOT = join(__dirname, '../../../../..');
const SCRIPT = join(ROOT, 'infra/kafka/kafka.sh');
const MECHANISM = 'scram-sha-512';

export function secureBrokerUnavailable(): string | undefined {
  if (process.env.KAFKA_SECURE_BROKERS) return undefined;
  const missing = ['java', 'mvn'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  return missing.length ? `the secure Kafka broker needs ${missing.join(' and ')} (infra/kafka/kafka.sh); not found` : undefined;
}

export function openSecureBroker(): SecureBroker {
  const password = (username: string) => (username === 'admin' ? (process.env.KAFKA_SECURE_ADMIN_PASSWORD ?? 'admin-secret') : `${username}-secret`);
  const sasl = (username: string): SASLOptions => ({ mechanism: MECHANISM, username, password: password(username) });
  const given = process.env.KAFKA_SECURE_BROKERS;
  let started = false;
  let brokers: string;
  if (given) brokers = given;
  else {
    const env = secureEnv();
    started = spawnSync('bash', [SCRIPT, 'status'], { env }).status !== 0;
    execFileSync('bash', [SCRIPT, 'start'], { env, stdio: 'pipe', timeout: 240_000 });
    brokers = execFileSync('bash', [SCRIPT, 'brokers'], { env, encoding: 'utf8' }).trim();
  }
  return {
    brokers: brokers.split(','),
    sasl,
    admin: () => sasl('admin'),
    release() {
      if (started) execFileSync('bash', [SCRIPT, 'stop'], { env: secureEnv(), stdio: 'pipe', timeout: 60_000 });
    },
  };
}

/** The secure instance's defaults: settings meant for the plain broker (its ports, its state) must not leak in. */
function secureEnv(): NodeJS.ProcessEnv {
  const { KAFKA_PORT: _port, KAFKA_CONTROLLER_PORT: _controller, KAFKA_STATE_DIR: _state, KAFKA_DATA_DIR: _data, ...env } = process.env;
  return { ...env, KAFKA_SECURE: '1' };
}
