import type { Announcement, DirectoryEvent } from '@familybank/domain-partner-facts';
import { evolveDirectoryEntry, trustedSigningKeys, type DirectoryEntry } from './directory.projection';

const first: Announcement = { code: '0265', name: 'Horsens', signingKey: 'key-1', fingerprint: 'fp-1', encryptionKey: 'enc-1', announcedAt: '2026-03-01T08:00:00.000Z' };
const fold = (events: DirectoryEvent[]) => events.reduce<DirectoryEntry | null>((entry, event) => evolveDirectoryEntry(entry, event), null)!;
const announced: DirectoryEvent = { type: 'MunicipalityAnnounced', data: first };
const successor = (key: string, fingerprint: string, by = 'fp-1'): DirectoryEvent => ({
  type: 'SigningKeySuccessorAnnounced',
  data: { code: '0265', currentFingerprint: by, signingKey: key, fingerprint, announcedAt: '2026-03-05T08:00:00.000Z' },
});
const retired: DirectoryEvent = { type: 'SigningKeyRetired', data: { code: '0265', retiredFingerprint: 'fp-1', retiredAt: '2026-03-09T08:00:00.000Z', signingKey: 'key-2', fingerprint: 'fp-2' } };
const pinned = { publicKey: 'key-1', fingerprint: 'fp-1' };

describe('a partner’s signing keys over a rotation', () => {
  it('before any rotation, only the pinned key counts', () => {
    expect(trustedSigningKeys(pinned, fold([announced]))).toEqual(['key-1']);
  });

  it('during the overlap, the pinned key and the successor it vouched for both count', () => {
    const entry = fold([announced, successor('key-2', 'fp-2')]);
    expect(entry).toMatchObject({ signingKey: 'key-1', successor: { signingKey: 'key-2', fingerprint: 'fp-2' } });
    expect(trustedSigningKeys(pinned, entry)).toEqual(['key-1', 'key-2']);
  });

  it('after the retirement, only the successor counts, except for what the exchange accepted before the retirement', () => {
    const entry = fold([announced, successor('key-2', 'fp-2'), retired]);
    expect(entry).toMatchObject({ signingKey: 'key-2', fingerprint: 'fp-2' });
    expect(entry.successor).toBeUndefined();
    expect(trustedSigningKeys(pinned, entry, '2026-03-09T09:00:00.000Z')).toEqual(['key-2']);
    expect(trustedSigningKeys(pinned, entry)).toEqual(['key-2']);
    expect(trustedSigningKeys(pinned, entry, '2026-03-08T23:59:59.000Z')).toEqual(['key-1', 'key-2']);
  });

  it('a partner who pinned the new key after the rotation still accepts what the old key signed before it', () => {
    const entry = fold([announced, successor('key-2', 'fp-2'), retired]);
    const pinnedLater = { publicKey: 'key-2', fingerprint: 'fp-2' };
    expect(trustedSigningKeys(pinnedLater, entry, '2026-03-02T00:00:00.000Z')).toEqual(['key-1', 'key-2']);
    expect(trustedSigningKeys(pinnedLater, entry, '2026-03-10T00:00:00.000Z')).toEqual(['key-2']);
  });

  it('a successor replaced before it became current no longer counts', () => {
    const entry = fold([announced, successor('key-2', 'fp-2'), successor('key-3', 'fp-3')]);
    expect(trustedSigningKeys(pinned, entry)).toEqual(['key-1', 'key-3']);
  });

  it('keys are reached only through the pinned key’s chain: a pinned key the directory does not know stays alone', () => {
    const entry = fold([announced, successor('key-2', 'fp-2')]);
    expect(trustedSigningKeys({ publicKey: 'key-9', fingerprint: 'fp-9' }, entry)).toEqual(['key-9']);
    // The key that vouched for the pinned one is still the current key: it counts.
    expect(trustedSigningKeys({ publicKey: 'key-2', fingerprint: 'fp-2' }, entry)).toEqual(['key-1', 'key-2']);
  });

  it('an entry recorded before keys could rotate trusts the pinned key', () => {
    const { keys: _none, ...old } = fold([announced]);
    expect(trustedSigningKeys(pinned, old)).toEqual(['key-1']);
  });
});
