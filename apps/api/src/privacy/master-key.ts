import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '@familybank/event-store';
import { KEY_BYTES } from './field-cipher';

/** The development master key's file under DATA_DIR; production configures ENCRYPTION_MASTER_KEY instead. */
export const DEV_MASTER_KEY_FILE = 'master.key';

/**
 * The key that wraps every data key. Configured (base64 of 32 bytes) in production, where the
 * configuration refuses to start without it; in development a random one is created once under
 * DATA_DIR, mode 600. Beside the data it protects, that file guards against a copied log, not a
 * copied directory: production keeps the master key elsewhere (a secret store or a KMS).
 */
export function loadMasterKey(config: { DATA_DIR: string; ENCRYPTION_MASTER_KEY?: string }): Buffer {
  if (config.ENCRYPTION_MASTER_KEY) return decodeMasterKey(config.ENCRYPTION_MASTER_KEY);
  const file = join(config.DATA_DIR, DEV_MASTER_KEY_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  return decodeMasterKey(readFileSync(file, 'utf8').trim());
}

export function decodeMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`ENCRYPTION_MASTER_KEY: expected the base64 of ${KEY_BYTES} bytes, got ${key.length}`);
  return key;
}
