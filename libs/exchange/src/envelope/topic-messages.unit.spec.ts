import { DirectoryTopic, OffersTopic, RequestsTopic, type OffersTopicMessageInput } from '@familybank/contracts';
import { encodeEnvelope } from './envelope-codec';
import { keysOf, unsignedEnvelope } from './envelope.fixtures';
import { signEnvelope } from './signing';
import { decodeTopicMessage, draftMessage, MessageContractError, signDraft } from './topic-messages';

const PSEUDONYM = 'q1w2e3r4t5y6u7i8o9p0as';
const offerMade: OffersTopicMessageInput = { type: 'OfferMade', schemaVersion: 1, payload: { offerId: 'o-1', requester: '0101', requestId: 'r-7', pseudonym: PSEUDONYM } };
const fields = { messageId: '0b8f6f5e-8f3c-4d5e-9a7b-1c2d3e4f5a6b', occurredAt: '2026-11-27T09:30:00.000Z', correlationId: 'c-1' };
const signer0630 = { code: '0630', privateKey: keysOf['0630'].privateKey };
const trust = (source: string) => (source === '0630' ? keysOf['0630'].publicKey : undefined);

describe('draftMessage', () => {
  it('puts a message on its source’s topic, under the key its type derives from the payload', () => {
    expect(draftMessage(OffersTopic, '0630', offerMade)).toEqual({ topic: 'familybank.0630.offers.v1', key: 'r-7', message: offerMade });
    const viewed = draftMessage(RequestsTopic, '0630', {
      type: 'ProfilesViewed',
      schemaVersion: 1,
      payload: { owner: '0101', sealed: { alg: 'X25519-HKDF-SHA256-A256GCM', ephemeralPublicKey: 'e', nonce: 'n', ciphertext: 'c', tag: 't', recipientKeyFingerprint: 'f' } },
    });
    expect(viewed).toMatchObject({ topic: 'familybank.0630.requests.v1', key: '0101' });
  });

  it('puts a directory message on the shared directory', () => {
    const step = draftMessage(DirectoryTopic, '0630', { type: 'PartnershipProposed', schemaVersion: 1, payload: { from: '0630', to: '0101' } });
    expect(step).toMatchObject({ topic: 'familybank.directory.v1', key: '0630-0101' });
  });

  it('holds the payload as consumers will read it, defaults applied', () => {
    const needs = { careType: 'respite', childAge: 7, schedule: { period: { from: '2026-12-01', to: '2026-12-31' } }, region: 'DK-83', networkExplored: true, startDate: '2026-12-01' } as const;
    const published = draftMessage(RequestsTopic, '0630', { type: 'RequestPublished', schemaVersion: 1, payload: { requestId: 'r-7', audience: ['0101'], needs, responseDeadline: '2026-11-30' } });
    expect(published.message.type === 'RequestPublished' && published.message.payload.needs).toMatchObject({ siblings: 0, languages: [], schedule: { patterns: [] } });
  });

  it('throws at the sender for a payload that breaks the contract, naming the field but not its value', () => {
    const leaky = { ...offerMade, payload: { ...offerMade.payload, note: 'Call Mette on +45 12345678' } };
    const attempt = () => draftMessage(OffersTopic, '0630', leaky);
    expect(attempt).toThrow(MessageContractError);
    expect(attempt).toThrow(/OfferMade on familybank\.0630\.offers\.v1 breaks its contract: .*note/);
    expect(attempt).not.toThrow(/12345678/);
  });

  it('throws for a type or version the topic does not carry', () => {
    expect(() => draftMessage(OffersTopic, '0630', { ...offerMade, schemaVersion: 2 } as never)).toThrow('OfferMade has no schema version 2 here (known: 1)');
    expect(() => draftMessage(OffersTopic, '0630', { ...offerMade, type: 'RequestPublished' } as never)).toThrow('Unknown message type RequestPublished');
  });
});

describe('signDraft and decodeTopicMessage', () => {
  it('hand the consumer the message the sender drafted, typed by the topic', () => {
    const signed = signDraft(draftMessage(OffersTopic, '0630', offerMade), signer0630, fields);
    expect(signed).toMatchObject({ topic: 'familybank.0630.offers.v1', key: 'r-7' });
    const decoded = decodeTopicMessage(signed.value!, OffersTopic, trust);
    expect(decoded).toEqual({ ok: true, envelope: expect.objectContaining({ ...fields, source: '0630', type: 'OfferMade', schemaVersion: 1 }), message: offerMade });
  });

  it('refuse to sign a draft for another municipality’s topic', () => {
    const draft = draftMessage(OffersTopic, '0101', offerMade);
    expect(() => signDraft(draft, signer0630, fields)).toThrow('0630 may not publish on the topic of 0101');
  });

  it('reject what the topic does not carry, or does not fit, with the reasons of decodeEnvelope', () => {
    const sign = (overrides: Parameters<typeof unsignedEnvelope>[0]) => encodeEnvelope(signEnvelope(unsignedEnvelope({ type: 'OfferMade', payload: offerMade.payload, ...overrides }), keysOf['0630'].privateKey));
    const reason = (raw: string) => {
      const result = decodeTopicMessage(raw, OffersTopic, trust);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(reason(sign({}))).toBe('accepted');
    expect(reason(sign({ type: 'RequestPublished' }))).toBe('unknown-type');
    expect(reason(sign({ schemaVersion: 2 }))).toBe('unknown-version');
    expect(reason(sign({ payload: { ...offerMade.payload, pseudonym: 'short' } }))).toBe('invalid-payload');
    expect(reason(sign({ source: '0101' }))).toBe('unknown-source');
    expect(reason(encodeEnvelope(signEnvelope(unsignedEnvelope({ type: 'OfferMade', payload: offerMade.payload }), keysOf['0101'].privateKey)))).toBe('forged');
  });
});
