import { generateEncryptionKeys, generateSigningKeys, publicKeyFingerprint } from '@familybank/exchange';
import { announcementMessage } from './directory-messages';
import { REQUESTER } from './testing/federation-message.fixtures';

const onDirectory = { topic: 'familybank.directory.v1', key: REQUESTER };

describe('announcement → directory', () => {
  const signing = generateSigningKeys();
  const announcement = { code: REQUESTER, name: 'Vejle', signingKey: signing.publicKey, fingerprint: publicKeyFingerprint(signing.publicKey), encryptionKey: generateEncryptionKeys().publicKey };

  it('publishes who we are and our public keys, keyed by our code', () => {
    expect(announcementMessage(announcement)).toEqual({ ...onDirectory, message: { type: 'MunicipalityAnnounced', schemaVersion: 1, payload: announcement } });
  });

  it('is refused at the sender when a key is missing', () => {
    expect(() => announcementMessage({ ...announcement, encryptionKey: '' })).toThrow(/MunicipalityAnnounced .*encryptionKey/);
  });
});
