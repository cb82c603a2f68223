import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEncryptionKeys, generateSigningKeys, publicKeyFingerprint, type EncryptionKeys, type SigningKeys } from '@familybank/exchange';

/** What a municipality's node keeps secret: its signing key and the key of its pseudonyms. */
export interface MunicipalityIdentity {
  code: string;
  signing: SigningKeys;
  fingerprint: string;
  /** X25519: partners seal disclosures (a family's contact details) to its public half. */
  encryption: EncryptionKeys;
  /** HMAC key of the pseudonyms it shares; never leaves the node. */
  pseudonymSecret: Buffer;
  /** The signing key announced to succeed `signing` (a rotation under way), with its fingerprint. */
  successor?: SigningKeys & { fingerprint: string };
}

interface StoredIdentity {
  code: string;
  signing: SigningKeys;
  encryption: EncryptionKeys;
  pseudonymSecret: string;
  successor?: SigningKeys;
  /** Since when the signing key signs (absent in files written before keys rotated: the file's time stands in). */
  signingSince?: string;
  /** When the successor was announced: the overlap runs from here. */
  successorSince?: string;
}

/** Where a municipality's key rotation stands, for the rotation policy. */
export interface RotationState {
  signingSince: string;
  successorSince?: string;
}

/**
 * One identity per municipality this node serves, created on first use and kept under
 * DATA_DIR/municipalities (readable by the node's user only).
 */
export class MunicipalityIdentities {
  private readonly cache = new Map<string, MunicipalityIdentity>();
  private readonly directory: string;

  /** Told about each identity created here, e.g. to announce its key on the directory. */
  onCreated: (identity: MunicipalityIdentity) => void = () => undefined;

  constructor(dataDir: string) {
    this.directory = join(dataDir, 'municipalities');
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
  }

  /** Municipalities this node has an identity for. */
  served(): string[] {
    return readdirSync(this.directory)
      .filter((file) => /^\d{4}\.json$/.test(file))
      .map((file) => file.slice(0, 4))
      .sort();
  }

  identity(code: string): MunicipalityIdentity {
    const cached = this.cache.get(code);
    if (cached) return cached;
    const file = join(this.directory, `${code}.json`);
    const created = !existsSync(file);
    if (created) {
      const stored = { code, signing: generateSigningKeys(), encryption: generateEncryptionKeys(), pseudonymSecret: randomBytes(32).toString('base64'), signingSince: new Date().toISOString() };
      try {
        writeFileSync(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another process created it a moment ago: use that one.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    const identity = toIdentity(this.read(code));
    this.cache.set(code, identity);
    if (created) this.onCreated(identity);
    return identity;
  }

  /** A signing-key rotation's first step: a successor key, created once and kept until the rotation completes. */
  beginRotation(code: string, now = new Date()): MunicipalityIdentity {
    const stored = this.read(code);
    if (!stored.successor) this.write({ ...stored, successor: generateSigningKeys(), successorSince: now.toISOString() });
    return this.reload(code);
  }

  /** The rotation's last step: the successor becomes the signing key; the old private key is gone. */
  completeRotation(code: string, now = new Date()): MunicipalityIdentity {
    const stored = this.read(code);
    if (!stored.successor) throw new Error(`${code} has no successor key to rotate to`);
    const { successor, successorSince: _announced, ...rest } = stored;
    this.write({ ...rest, signing: successor, signingSince: now.toISOString() });
    return this.reload(code);
  }

  rotationState(code: string): RotationState {
    this.identity(code);
    const stored = this.read(code);
    const signingSince = stored.signingSince ?? statSync(join(this.directory, `${code}.json`)).mtime.toISOString();
    return stored.successor ? { signingSince, successorSince: stored.successorSince ?? signingSince } : { signingSince };
  }

  private read(code: string): StoredIdentity {
    return JSON.parse(readFileSync(join(this.directory, `${code}.json`), 'utf8')) as StoredIdentity;
  }

  /** Written whole and renamed into place: a crash leaves the old file or the new one, never half of one. */
  private write(stored: StoredIdentity): void {
    const file = join(this.directory, `${stored.code}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(stored), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  private reload(code: string): MunicipalityIdentity {
    const identity = toIdentity(this.read(code));
    this.cache.set(code, identity);
    return identity;
  }
}

function toIdentity(stored: StoredIdentity): MunicipalityIdentity {
  return {
    code: stored.code,
    signing: stored.signing,
    fingerprint: publicKeyFingerprint(stored.signing.publicKey),
    encryption: stored.encryption,
    pseudonymSecret: Buffer.from(stored.pseudonymSecret, 'base64'),
    ...(stored.successor ? { successor: { ...stored.successor, fingerprint: publicKeyFingerprint(stored.successor.publicKey) } } : {}),
  };
}
