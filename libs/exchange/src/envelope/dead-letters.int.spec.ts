import Database from 'better-sqlite3';
import { DeadLetterStore, MAX_DEAD_LETTER_BYTES } from './dead-letters';

describe('DeadLetterStore', () => {
  it('keeps at most 64 KB of a value, cut at a character boundary, and says it was cut', () => {
    const store = DeadLetterStore.open(':memory:');
    const huge = 'æ'.repeat(40_000) + 'x'; // 80,001 bytes: "æ" takes two
    store.record({ topic: 't', offset: 7, key: 'k', rawValue: huge, reason: 'malformed', detail: 'Not JSON' });
    const [letter] = store.list();
    expect(Buffer.byteLength(letter.rawValue!, 'utf8')).toBe(MAX_DEAD_LETTER_BYTES);
    expect(letter.rawValue).toBe('æ'.repeat(MAX_DEAD_LETTER_BYTES / 2));
    expect(letter).toMatchObject({ topic: 't', offset: 7, key: 'k', rawBytes: 80_001, truncated: true, reason: 'malformed' });
    store.close();
  });

  it('records a redelivered message once, and lists the newest first', () => {
    const store = DeadLetterStore.open(':memory:');
    const letter = { topic: 't', key: 'k', rawValue: '{}', reason: 'unsigned' as const, detail: 'd', receivedAt: '2026-11-27T09:30:00.000Z' };
    store.record({ ...letter, offset: 1 });
    store.record({ ...letter, offset: 1 });
    store.record({ ...letter, offset: 2, rawValue: null });
    expect(store.list().map(({ offset, truncated, rawValue }) => ({ offset, truncated, rawValue }))).toEqual([
      { offset: 2, truncated: false, rawValue: null },
      { offset: 1, truncated: false, rawValue: '{}' },
    ]);
    expect(store.list({ limit: 1 })).toHaveLength(1);
    store.close();
  });

  it('lives in a database it is given, and leaves it open', () => {
    const db = new Database(':memory:');
    const store = DeadLetterStore.open(db);
    store.record({ topic: 't', offset: 1, key: 'k', rawValue: 'x', reason: 'malformed', detail: 'd' });
    store.close();
    expect(db.prepare('SELECT COUNT(*) AS n FROM dead_letters').get()).toEqual({ n: 1 });
    db.close();
  });
});
