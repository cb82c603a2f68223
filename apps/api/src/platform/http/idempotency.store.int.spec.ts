import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { IdempotencyStore } from './idempotency.store';

describe('idempotency store', () => {
  let dir: string;
  let file: string;
  const at = (hours: number) => new Date(Date.UTC(2026, 11, 1, 12) + hours * 3_600_000);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-idempotency-'));
    file = join(dir, 'idempotency.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a key is remembered until its TTL (24 h by default) runs out, then forgotten', () => {
    const store = new IdempotencyStore(file);
    store.put('0630', 'k1', 'hash-1', at(0));
    expect(store.get('0630', 'k1', at(23.9))).toEqual({ fingerprint: 'hash-1', storedAt: at(0) });
    expect(store.get('0630', 'k1', at(24))).toBeUndefined();
    expect(store.get('0265', 'k1', at(1))).toBeUndefined();
    store.close();
  });

  it('expired keys are deleted from the file, by the next put or by expire', () => {
    const store = new IdempotencyStore(file, { ttlHours: 1 });
    store.put('0630', 'old', 'hash-old', at(0));
    store.put('0630', 'newer', 'hash-newer', at(0.5));
    expect(store.expire(at(0.9))).toBe(2);
    store.put('0630', 'new', 'hash-new', at(1.2));
    expect(store.expire(at(1.2))).toBe(2);
    expect(store.expire(at(2))).toBe(1);
    expect(store.expire(at(2.2))).toBe(0);
    store.close();
  });

  it('keys put in one run of JavaScript are written together when it ends, and found meanwhile', async () => {
    const store = new IdempotencyStore(file);
    const onDisk = () => {
      const reader = new Database(file, { readonly: true });
      const { n } = reader.prepare('SELECT count(*) AS n FROM idempotency_keys').get() as { n: number };
      reader.close();
      return n;
    };
    for (const key of ['k1', 'k2', 'k3']) store.put('0630', key, `hash-${key}`, at(0));
    expect(store.get('0630', 'k2', at(1))?.fingerprint).toBe('hash-k2');
    expect(onDisk()).toBe(0);
    await Promise.resolve();
    expect(onDisk()).toBe(3);
    store.put('0630', 'k4', 'hash-k4', at(0));
    store.close();
    expect(onDisk()).toBe(4);
  });

  it('an expired key can be stored again, for a new period', () => {
    const store = new IdempotencyStore(file, { ttlHours: 1 });
    store.put('0630', 'k', 'first', at(0));
    store.put('0630', 'k', 'second', at(2));
    expect(store.get('0630', 'k', at(2.5))?.fingerprint).toBe('second');
    store.close();
  });

  it('whole responses an earlier release kept are dropped at open, and none of their bytes are left in the file', () => {
    const legacy = new Database(file);
    legacy.pragma('journal_mode = WAL');
    legacy.exec('CREATE TABLE idempotent_responses (municipality TEXT, key TEXT, fingerprint TEXT, status INTEGER, headers TEXT, body TEXT, stored_at TEXT)');
    legacy.prepare('INSERT INTO idempotent_responses VALUES (?, ?, ?, ?, ?, ?, ?)').run('0630', 'k', 'f', 201, '{}', JSON.stringify({ fullName: 'Mette Hansen-Legacy' }), '2026-01-01');
    legacy.close();
    expect(readFileSync(file).toString('latin1')).toContain('Mette Hansen-Legacy');
    new IdempotencyStore(file).close();
    for (const suffix of ['', '-wal']) {
      const bytes = (() => {
        try {
          return readFileSync(file + suffix).toString('latin1');
        } catch {
          return '';
        }
      })();
      expect(bytes).not.toContain('Mette Hansen-Legacy');
    }
  });
});
