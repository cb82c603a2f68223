import type { DeliveredMessage, Message } from '../exchange.port';
import { topics } from '../topics';
import { keysOf } from './envelope.fixtures';
import { signTombstone, TOMBSTONE_HEADERS, verifyTombstone } from './tombstones';

const pool0630 = topics.pool('0630');
const signedAt = '2026-11-27T10:00:00.000Z';
const trust = (source: string) => (source === '0630' || source === '0101' ? keysOf[source].publicKey : undefined);
const delivered = (message: Message): DeliveredMessage => ({ ...message, headers: message.headers ?? {}, offset: 0, timestamp: signedAt });
const ownTombstone = (key = 'pseudonym-1') => signTombstone({ topic: pool0630, key }, { code: '0630', privateKey: keysOf['0630'].privateKey }, signedAt);

describe('signed tombstones', () => {
  it('keep a null value (compaction deletes the key) and carry source, time and signature in headers', () => {
    const tombstone = ownTombstone();
    expect(tombstone).toMatchObject({ topic: pool0630, key: 'pseudonym-1', value: null });
    expect(tombstone.headers).toMatchObject({ [TOMBSTONE_HEADERS.source]: '0630', [TOMBSTONE_HEADERS.signedAt]: signedAt });
  });

  it('verify when the topic’s owner signed them with its pinned key', () => {
    expect(verifyTombstone(delivered(ownTombstone()), trust)).toEqual({ ok: true, tombstone: { source: '0630', signedAt } });
  });

  it('are unsigned without the headers', () => {
    expect(verifyTombstone(delivered({ topic: pool0630, key: 'k', value: null }), trust)).toMatchObject({ ok: false, reason: 'unsigned' });
  });

  it('are forged when signed with another municipality’s key under the owner’s name', () => {
    const impostor = signTombstone({ topic: pool0630, key: 'k' }, { code: '0630', privateKey: keysOf['0101'].privateKey }, signedAt);
    expect(verifyTombstone(delivered(impostor), trust)).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('are forged when moved to another key, or re-dated', () => {
    const original = ownTombstone('pseudonym-1');
    expect(verifyTombstone(delivered({ ...original, key: 'pseudonym-2' }), trust)).toMatchObject({ ok: false, reason: 'forged' });
    const redated = { ...original, headers: { ...original.headers, [TOMBSTONE_HEADERS.signedAt]: '2027-01-01T00:00:00.000Z' } };
    expect(verifyTombstone(delivered(redated), trust)).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('are forged when another municipality signs (with its own key) a tombstone on the owner’s topic', () => {
    const other = signTombstone({ topic: 'elsewhere', key: 'k' }, { code: '0101', privateKey: keysOf['0101'].privateKey }, signedAt);
    expect(verifyTombstone(delivered({ ...other, topic: pool0630 }), trust)).toMatchObject({ ok: false, reason: 'forged', detail: expect.stringContaining('0101') });
  });

  it('cannot be signed for another municipality’s topic', () => {
    expect(() => signTombstone({ topic: pool0630, key: 'k' }, { code: '0101', privateKey: keysOf['0101'].privateKey }, signedAt)).toThrow(/may not publish/);
  });

  it('verify with any key pinned for the owner (a key rotation’s overlap)', () => {
    const bothPinned = (source: string) => (source === '0630' ? [keysOf['0101'].publicKey, keysOf['0630'].publicKey] : undefined);
    expect(verifyTombstone(delivered(ownTombstone()), bothPinned)).toMatchObject({ ok: true });
  });

  it('are from an unknown source when no key is pinned for the owner', () => {
    expect(verifyTombstone(delivered(ownTombstone()), () => undefined)).toMatchObject({ ok: false, reason: 'unknown-source' });
  });
});
