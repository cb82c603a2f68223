import { MessageContractError } from '@familybank/exchange';
import { poolChange } from './pool-messages';
import { OWNER, PSEUDONYM, sharedProfile } from '../federation/testing/federation-message.fixtures';

const onPool = { topic: 'familybank.0265.pool.v1', key: PSEUDONYM };

describe('pool profile and tombstone', () => {
  it('a shareable family never published is published under its pseudonym, and remembered with its version', () => {
    expect(poolChange(OWNER, 'fam-7', sharedProfile, undefined)).toEqual({
      kind: 'publish',
      draft: { ...onPool, message: { type: 'SharedProfilePublished', schemaVersion: 1, payload: sharedProfile } },
      published: { pseudonym: PSEUDONYM, familyId: 'fam-7', version: 12 },
    });
  });

  it('a shareable family whose newer version is not out yet is published again', () => {
    expect(poolChange(OWNER, 'fam-7', sharedProfile, { pseudonym: PSEUDONYM, familyId: 'fam-7', version: 11 })).toMatchObject({ kind: 'publish', published: { version: 12 } });
  });

  it('the very version already published is not published twice', () => {
    expect(poolChange(OWNER, 'fam-7', sharedProfile, { pseudonym: PSEUDONYM, familyId: 'fam-7', version: 12 })).toBeUndefined();
  });

  it('a published family that may no longer be shared gets a tombstone under its published pseudonym', () => {
    expect(poolChange(OWNER, 'fam-7', undefined, { pseudonym: PSEUDONYM, version: 12 })).toEqual({ kind: 'withdraw', tombstone: { ...onPool, value: null } });
  });

  it('a family never published that may not be shared publishes nothing', () => {
    expect(poolChange(OWNER, 'fam-7', undefined, undefined)).toBeUndefined();
  });

  it('a profile with a field the allowlist does not know is refused at the sender', () => {
    const leaky = { ...sharedProfile, postalCode: '7100' };
    expect(() => poolChange(OWNER, 'fam-7', leaky, undefined)).toThrow(MessageContractError);
    expect(() => poolChange(OWNER, 'fam-7', leaky, undefined)).toThrow('postalCode');
  });
});
