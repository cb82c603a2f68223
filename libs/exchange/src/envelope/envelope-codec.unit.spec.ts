import { decodeEnvelope, encodeEnvelope, type DecodeResult } from './envelope-codec';
import { decodeOptions, keysOf, unsignedEnvelope } from './envelope.fixtures';
import { generateSigningKeys, signEnvelope } from './signing';

const signedBy0630 = (overrides = {}) => signEnvelope(unsignedEnvelope(overrides), keysOf['0630'].privateKey);
const decode = (raw: string) => decodeEnvelope(raw, decodeOptions);
const rejection = (result: DecodeResult) => (result.ok ? 'accepted' : result.reason);
/** Edits the JSON as a man in the middle would: after signing. */
const tamper = (raw: string, edit: (json: Record<string, unknown>) => void) => {
  const json = JSON.parse(raw) as Record<string, unknown>;
  edit(json);
  return JSON.stringify(json);
};

describe('encodeEnvelope / decodeEnvelope', () => {
  it('round-trips a signed envelope and returns the payload parsed by its schema', () => {
    const envelope = signedBy0630();
    const result = decode(encodeEnvelope(envelope));
    expect(result).toEqual({ ok: true, envelope, payload: { pseudonym: 'q1w2e3r4t5y6u7i8o9p0as', freeCapacity: 2 } });
  });

  it('accepts the same envelope with other key order and spacing', () => {
    const envelope = signedBy0630();
    const reordered = Object.fromEntries(Object.entries(envelope).reverse());
    expect(decode(JSON.stringify(reordered, null, 2)).ok).toBe(true);
  });

  it('refuses to encode an envelope without a valid signature field', () => {
    const { signature: _signature, ...unsigned } = signedBy0630();
    expect(() => encodeEnvelope(unsigned as never)).toThrow();
  });

  it('calls a tampered payload forged', () => {
    const raw = tamper(encodeEnvelope(signedBy0630()), (json) => ((json.payload as Record<string, unknown>).freeCapacity = 9));
    expect(rejection(decode(raw))).toBe('forged');
  });

  it('calls an envelope signed with another key than the source’s forged', () => {
    const raw = encodeEnvelope(signEnvelope(unsignedEnvelope({ source: '0630' }), keysOf['0101'].privateKey));
    expect(rejection(decode(raw))).toBe('forged');
  });

  it('calls a validly signed envelope whose source was swapped forged', () => {
    const by0101 = encodeEnvelope(signEnvelope(unsignedEnvelope({ source: '0101' }), keysOf['0101'].privateKey));
    expect(decode(by0101).ok).toBe(true);
    expect(rejection(decode(tamper(by0101, (json) => (json.source = '0630'))))).toBe('forged');
  });

  it('calls a signature that is not the right length forged', () => {
    expect(rejection(decode(tamper(encodeEnvelope(signedBy0630()), (json) => (json.signature = 'AAAA'))))).toBe('forged');
  });

  it('calls a message without a signature unsigned', () => {
    const raw = encodeEnvelope(signedBy0630());
    expect(rejection(decode(tamper(raw, (json) => delete json.signature)))).toBe('unsigned');
    expect(rejection(decode(tamper(raw, (json) => (json.signature = ''))))).toBe('unsigned');
    expect(rejection(decode(tamper(raw, (json) => (json.signature = null))))).toBe('unsigned');
  });

  it('accepts a message signed by any key pinned for its source (a key rotation’s overlap), and no other', () => {
    const successor = generateSigningKeys();
    const bothPinned = { ...decodeOptions, trustedKeyOf: (source: string) => (source === '0630' ? [keysOf['0630'].publicKey, successor.publicKey] : undefined) };
    expect(decodeEnvelope(encodeEnvelope(signedBy0630()), bothPinned).ok).toBe(true);
    expect(decodeEnvelope(encodeEnvelope(signEnvelope(unsignedEnvelope(), successor.privateKey)), bothPinned).ok).toBe(true);
    expect(rejection(decodeEnvelope(encodeEnvelope(signEnvelope(unsignedEnvelope(), keysOf['0101'].privateKey)), bothPinned))).toBe('forged');
    expect(rejection(decodeEnvelope(encodeEnvelope(signedBy0630()), { ...decodeOptions, trustedKeyOf: () => [] }))).toBe('unknown-source');
  });

  it('calls a source without a pinned key unknown-source', () => {
    const stranger = signEnvelope(unsignedEnvelope({ source: '0999' }), keysOf['0630'].privateKey);
    expect(decode(encodeEnvelope(stranger))).toEqual({ ok: false, reason: 'unknown-source', detail: expect.stringContaining('0999') });
  });

  it('calls an unknown type unknown-type and an unknown version of a known type unknown-version', () => {
    expect(rejection(decode(encodeEnvelope(signedBy0630({ type: 'SomethingElse' }))))).toBe('unknown-type');
    expect(rejection(decode(encodeEnvelope(signedBy0630({ type: 'toString' }))))).toBe('unknown-type');
    expect(rejection(decode(encodeEnvelope(signedBy0630({ schemaVersion: 2 }))))).toBe('unknown-version');
  });

  it('calls a payload that fails its schema invalid-payload, naming the field but not its value', () => {
    const result = decode(encodeEnvelope(signedBy0630({ payload: { pseudonym: 'q1w2e3r4t5y6u7i8o9p0as', freeCapacity: 2, phone: '+45 12345678' } })));
    expect(result).toEqual({ ok: false, reason: 'invalid-payload', detail: expect.stringContaining('phone') });
    expect(result.ok || result.detail).not.toContain('12345678');
  });

  it('calls anything that is not a well-formed envelope malformed', () => {
    const raw = encodeEnvelope(signedBy0630());
    const malformed = [
      'not json',
      '[]',
      '"a string"',
      'null',
      tamper(raw, (json) => (json.nationalId = '010180-1234')),
      tamper(raw, (json) => (json.messageId = 'not-a-uuid')),
      tamper(raw, (json) => (json.schemaVersion = 0)),
      tamper(raw, (json) => (json.occurredAt = 'yesterday')),
      tamper(raw, (json) => (json.payload = [1, 2])),
      tamper(raw, (json) => (json.signature = 'not base64url!')),
    ];
    malformed.forEach((value) => expect([value, rejection(decode(value))]).toEqual([value, 'malformed']));
  });
});
