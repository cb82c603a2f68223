import { completeOfferCommand, type OfferLookups } from './offer.lookups';
import { offerDecider } from './offer.decider';
import type { OfferCommand, OfferEvent } from './offer.types';
import { ASSIGNMENT_ID, KEY_FINGERPRINT, confirmed } from './testing/offer.fixtures';

const fold = (events: OfferEvent[]) => events.reduce(offerDecider.evolve, offerDecider.initialState());
const directory = (keys: Record<string, string>): OfferLookups => ({ encryptionKeyFingerprintOf: (municipality) => keys[municipality] });
const disclose = (recipientKeyFingerprint?: string): OfferCommand => ({
  type: 'RecordDisclosure',
  data: recipientKeyFingerprint === undefined ? { assignmentId: ASSIGNMENT_ID } : { assignmentId: ASSIGNMENT_ID, recipientKeyFingerprint },
});

describe('completing an offer command with the handler’s lookups', () => {
  it('a disclosure without a fingerprint gets the key the requester announced', () => {
    expect(completeOfferCommand(disclose(), fold(confirmed), directory({ '0630': KEY_FINGERPRINT }))).toEqual(disclose(KEY_FINGERPRINT));
  });
  it('a disclosure, when the requester announced no key, stays without one so the decider refuses it', () => {
    expect(completeOfferCommand(disclose(), fold(confirmed), directory({ '0615': 'SHA256:other' }))).toEqual(disclose());
  });
  it('a disclosure with a fingerprint keeps it', () => {
    expect(completeOfferCommand(disclose('SHA256:given'), fold(confirmed), directory({ '0630': KEY_FINGERPRINT }))).toEqual(disclose('SHA256:given'));
  });
  it('a disclosure for an offer never made is left for the decider to refuse', () => {
    expect(completeOfferCommand(disclose(), offerDecider.initialState(), directory({ '0630': KEY_FINGERPRINT }))).toEqual(disclose());
  });
  it('any other command passes unchanged', () => {
    const withdraw: OfferCommand = { type: 'WithdrawOffer', data: { reason: 'No longer available' } };
    expect(completeOfferCommand(withdraw, fold(confirmed), directory({ '0630': KEY_FINGERPRINT }))).toBe(withdraw);
  });
});
