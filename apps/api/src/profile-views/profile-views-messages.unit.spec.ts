import { seal } from '@familybank/exchange';
import { profileViewsAad } from '../federation/sealing';
import type { ProfilesViewedData } from './profile-views';
import { profileViewsMessages } from './profile-views-messages';
import { ACTOR, openAs, OTHER, OWNER, ownerKeys, PSEUDONYM, recorded, REQUESTER, requesterKeys } from '../federation/testing/federation-message.fixtures';

const viewedAt = '2026-03-10T09:00:00.000Z';
const viewed = (data: ProfilesViewedData) => recorded(`profile-views-${REQUESTER}`, REQUESTER, { type: 'ProfilesViewed' as const, data });
const event = viewed({ owner: OWNER, pseudonyms: [PSEUDONYM], viewedAt });

describe('profiles viewed → the viewer’s requests topic', () => {
  const [draft] = profileViewsMessages(event, { encryptionKey: ownerKeys.publicKey }, seal);
  const payload = draft?.message.type === 'ProfilesViewed' ? draft.message.payload : undefined;

  it('goes on the viewer’s requests topic keyed by the owner, with only the owner and a sealed box', () => {
    expect(draft).toMatchObject({ topic: 'familybank.0630.requests.v1', key: OWNER, message: { type: 'ProfilesViewed', schemaVersion: 1 } });
    expect(Object.keys(payload!).sort()).toEqual(['owner', 'sealed']);
    expect(payload!.owner).toBe(OWNER);
  });

  it('opens with the owner’s key to which pseudonyms were viewed and when, never who viewed them', () => {
    expect(openAs(ownerKeys.privateKey, payload!.sealed, profileViewsAad(REQUESTER, OWNER))).toEqual({ pseudonyms: [PSEUDONYM], viewedAt });
    expect(JSON.stringify(draft)).not.toContain(ACTOR);
    expect(JSON.stringify(draft)).not.toContain(PSEUDONYM);
  });

  it('cannot be opened by the viewer’s other partners', () => {
    expect(() => openAs(requesterKeys.privateKey, payload!.sealed, profileViewsAad(REQUESTER, OWNER))).toThrow();
    expect(() => openAs(ownerKeys.privateKey, payload!.sealed, profileViewsAad(REQUESTER, OTHER))).toThrow();
  });

  it('publishes nothing before the owner announced its key', () => {
    expect(profileViewsMessages(event, undefined, seal)).toEqual([]);
  });
});
