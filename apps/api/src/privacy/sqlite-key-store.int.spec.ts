import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdWalFsyncs } from '@familybank/event-store/testing';
import { SubjectErasedError } from './key-store';
import { SqliteKeyStore } from './sqlite-key-store';

describe('SqliteKeyStore (keys.sqlite)', () => {
  let dir: string;
  let file: string;
  const master = randomBytes(32);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-keys-'));
    file = join(dir, 'keys.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rawFiles = () => ['', '-wal', '-shm'].map((suffix) => { try { return readFileSync(file + suffix); } catch { return Buffer.alloc(0); } });

  it('keeps one key per subject, wrapped: the key itself is in no file, and it survives a restart', async () => {
    const store = new SqliteKeyStore(file, master);
    const key = await store.keyForWriting('family:f1');
    expect(await store.keyForWriting('family:f1')).toEqual(key);
    expect(await store.keyForWriting('family:f2')).not.toEqual(key);
    for (const raw of rawFiles()) expect(raw.includes(key)).toBe(false);
    store.close();
    const reopened = new SqliteKeyStore(file, master);
    expect(await reopened.keyForReading('family:f1')).toEqual(key);
    reopened.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes with the key another process stored for the subject, never a second one, and with none for a subject it erased', async () => {
    const other = new SqliteKeyStore(file, master);
    const stored = await other.keyForWriting('family:f1');
    await other.keyForWriting('family:gone');
    await other.destroy('family:gone');
    const store = new SqliteKeyStore(file, master);
    expect(await store.keyForWriting('family:f1')).toEqual(stored);
    await expect(store.keyForWriting('family:gone')).rejects.toBeInstanceOf(SubjectErasedError);
    expect(await other.keyForReading('family:gone')).toBeUndefined();
    store.close();
    other.close();
  });

  it('another master key cannot unwrap the keys', async () => {
    const store = new SqliteKeyStore(file, master);
    await store.keyForWriting('family:f1');
    store.close();
    const wrong = new SqliteKeyStore(file, randomBytes(32));
    await expect(wrong.keyForReading('family:f1')).rejects.toThrow(/unable to authenticate/i);
    wrong.close();
  });

  it('a destroyed key is gone from every file, for good: reading finds none and writing is refused', async () => {
    const store = new SqliteKeyStore(file, master);
    await store.keyForWriting('family:f1');
    const wrapped = (store as unknown as { db: { prepare(sql: string): { get(s: string): { wrapped: Buffer } } } }).db.prepare('SELECT wrapped FROM data_keys WHERE subject = ?').get('family:f1').wrapped;
    expect(rawFiles().some((raw) => raw.includes(wrapped))).toBe(true);
    await store.destroy('family:f1');
    await store.destroy('family:f1');
    expect(await store.keyForReading('family:f1')).toBeUndefined();
    await expect(store.keyForWriting('family:f1')).rejects.toBeInstanceOf(SubjectErasedError);
    for (const raw of rawFiles()) expect(raw.includes(wrapped)).toBe(false);
    store.close();
  });

  it('hands out a new key for writing only once the WAL fsync after its insert has completed, one fsync for keys made meanwhile', async () => {
    const store = new SqliteKeyStore(file, master);
    const fsyncs = holdWalFsyncs();
    try {
      const first = store.keyForWriting('family:f1');
      const again = store.keyForWriting('family:f1');
      const second = store.keyForWriting('family:f2');
      let handedOut = 0;
      for (const key of [first, again, second]) void key.then(() => (handedOut += 1));
      await new Promise((resolve) => setImmediate(resolve));
      expect([handedOut, fsyncs.held.length]).toEqual([0, 1]);
      await fsyncs.releaseAll(Promise.all([first, again, second]));
      expect(await again).toEqual(await first);
      expect(await second).not.toEqual(await first);
    } finally {
      fsyncs.restore();
      store.close();
    }
  });

  it('makes the keys asked for at once in one commit, and none for a subject erased before its key was stored', async () => {
    const store = new SqliteKeyStore(file, master);
    const keys = ['family:a', 'family:b', 'family:c'].map((subject) => store.keyForWriting(subject));
    const erasedMeanwhile = expect(store.keyForWriting('family:gone')).rejects.toBeInstanceOf(SubjectErasedError);
    await store.destroy('family:gone');
    const made = await Promise.all(keys);
    expect(new Set(made.map((key) => key.toString('hex'))).size).toBe(3);
    await erasedMeanwhile;
    expect(await store.keyForReading('family:gone')).toBeUndefined();
    store.close();
    const reopened = new SqliteKeyStore(file, master);
    expect(await reopened.keyForReading('family:b')).toEqual(made[1]);
    reopened.close();
  });
});
