import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECRET_PREFIX } from './webhook-signature';

/**
 * The subscriptions' signing secrets, derived from one random key of this node: secret(version) =
 * HMAC-SHA256(node key, municipality, subscription, version). Nothing per subscription is stored,
 * so neither the event log nor any other file holds a secret: the log records only the version
 * (rotation = the next version), and the one key lives in DATA_DIR/webhooks/signing-key, readable by
 * the node's user only (like the municipality identities). Losing that file means every subscriber
 * rotates; copying it means every secret is known, so back it up as a secret.
 */
export class WebhookSecrets {
  private readonly key: Buffer;

  constructor(dataDir: string) {
    const directory = join(dataDir, 'webhooks');
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const file = join(directory, 'signing-key');
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // It exists (the usual case), or another process created it a moment ago: use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.key = Buffer.from(readFileSync(file, 'utf8'), 'base64');
  }

  secret(municipality: string, subscriptionId: string, version: number): string {
    const bytes = createHmac('sha256', this.key).update(`familybank-webhook-secret\u0000${municipality}\u0000${subscriptionId}\u0000${version}`).digest();
    return `${SECRET_PREFIX}${bytes.toString('base64')}`;
  }
}
