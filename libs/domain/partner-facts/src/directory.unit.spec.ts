import { deciderSpecification } from '@familybank/domain-core/testing';
import { directoryDecider, directoryStreamId, type Announcement, type DirectoryEvent } from './directory';

const spec = deciderSpecification(directoryDecider, { now: new Date('2026-03-10T09:00:00.000Z') });
const first: Announcement = { code: '0265', name: 'Horsens', signingKey: 'sign-1', fingerprint: 'fp-1', encryptionKey: 'enc-1', announcedAt: '2026-03-01T08:00:00.000Z' };
const announced = (announcement: Announcement): DirectoryEvent => ({ type: 'MunicipalityAnnounced', data: announcement });
const announce = (announcement: Announcement) => ({ type: 'RecordAnnouncement', data: announcement }) as const;

describe('the directory entry of one municipality', () => {
  it('the first announcement is trusted and recorded, with the time it was announced', () => {
    spec.given([]).when(announce(first)).then([announced(first)]);
  });

  it('the same announcement again (every start re-announces) records nothing: the first time stands', () => {
    spec.given([announced(first)]).when(announce({ ...first, announcedAt: '2026-03-05T08:00:00.000Z' })).then([]);
  });

  it('a later announcement with the same key that changes the name or the encryption key is recorded', () => {
    const renamed = { ...first, name: 'Horsens Kommune', announcedAt: '2026-03-05T08:00:00.000Z' };
    spec.given([announced(first)]).when(announce(renamed)).then([announced(renamed)]);
    const rekeyed = { ...first, encryptionKey: 'enc-2', announcedAt: '2026-03-06T08:00:00.000Z' };
    spec.given([announced(first)]).when(announce(rekeyed)).then([announced(rekeyed)]);
  });

  it('a later announcement with another signing key is refused: the first key stays pinned', () => {
    spec.given([announced(first)]).when(announce({ ...first, signingKey: 'sign-2', fingerprint: 'fp-2' })).thenThrows('DIRECTORY.KEY_PINNED', { code: '0265' });
  });

  describe('signing-key rotation', () => {
    const succession = { code: '0265', currentFingerprint: 'fp-1', signingKey: 'sign-2', fingerprint: 'fp-2', announcedAt: '2026-03-08T08:00:00.000Z' };
    const successorAnnounced: DirectoryEvent = { type: 'SigningKeySuccessorAnnounced', data: succession };
    const retirement = { code: '0265', retiredFingerprint: 'fp-1', retiredAt: '2026-03-09T08:00:00.000Z' };
    const retired: DirectoryEvent = { type: 'SigningKeyRetired', data: { ...retirement, signingKey: 'sign-2', fingerprint: 'fp-2' } };

    it('the current key names its successor', () => {
      spec.given([announced(first)]).when({ type: 'RecordKeySuccessor', data: succession }).then([successorAnnounced]);
    });

    it('a successor named by a key that is not the current one is refused', () => {
      spec.given([announced(first)]).when({ type: 'RecordKeySuccessor', data: { ...succession, currentFingerprint: 'fp-0' } }).thenThrows('DIRECTORY.NOT_CURRENT_KEY', { code: '0265' });
    });

    it('the same successor again records nothing', () => {
      spec.given([announced(first), successorAnnounced]).when({ type: 'RecordKeySuccessor', data: succession }).then([]);
    });

    it('retiring the current key makes the successor current', () => {
      spec.given([announced(first), successorAnnounced]).when({ type: 'RecordKeyRetirement', data: retirement }).then([retired]);
    });

    it('a retirement without an announced successor is refused; one already done records nothing', () => {
      spec.given([announced(first)]).when({ type: 'RecordKeyRetirement', data: retirement }).thenThrows('DIRECTORY.NO_SUCCESSOR', { code: '0265' });
      spec.given([announced(first), successorAnnounced, retired]).when({ type: 'RecordKeyRetirement', data: retirement }).then([]);
    });

    it('after the rotation the successor is the key an announcement must carry', () => {
      const reannounced = { ...first, signingKey: 'sign-2', fingerprint: 'fp-2', announcedAt: '2026-03-10T08:00:00.000Z' };
      spec.given([announced(first), successorAnnounced, retired]).when(announce(reannounced)).then([]);
      spec.given([announced(first), successorAnnounced, retired]).when(announce(first)).thenThrows('DIRECTORY.KEY_PINNED', { code: '0265' });
    });
  });

  it('is one stream per announced municipality', () => {
    expect(directoryStreamId('0265')).toBe('directory-0265');
  });
});
