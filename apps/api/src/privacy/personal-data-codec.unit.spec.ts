import { randomBytes } from 'node:crypto';
import { SubjectErasedError } from './key-store';
import { ERASED, decryptEventData, encryptEventData, mapPaths, type EncryptedFields } from './personal-data-codec';
import { MemoryKeyStore } from './testing/memory-key-store';

const STREAM = 'family-fam-1';
const registered = {
  eventId: '7f1d6c2e-0000-5000-8000-000000000001',
  type: 'FamilyRegistered',
  data: {
    familyId: 'fam-1',
    sourceChannel: 'campaign',
    sourceDetail: 'Met Ada at the library',
    adults: [{ adultId: 'a1', fullName: 'Ada Quillfeather', birthYear: 1980 }, { adultId: 'a2', fullName: 'Bo Quillfeather' }],
    contact: { street: 'Lærkevej 17', postalCode: '7100', city: 'Vejle', phone: '+45 2233 4455', email: 'ada@quill.example' },
    region: 'DK-83',
    languages: ['da'],
    competences: [],
    interestedIn: ['respite'],
    registeredAt: '2026-03-01T10:00:00.000Z',
  },
};
const SECRETS = ['Ada Quillfeather', 'Bo Quillfeather', 'Lærkevej 17', '+45 2233 4455', 'ada@quill.example', 'Met Ada at the library'];

describe('personal fields in the log', () => {
  let keys: MemoryKeyStore;
  beforeEach(() => (keys = new MemoryKeyStore()));
  const stored = async (event = registered) => ({ ...event, data: await encryptEventData(keys, STREAM, event) });

  it('an event is stored without any of its personal values, and reads back exactly as written', async () => {
    const event = await stored();
    const text = JSON.stringify(event.data);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(event.data).toMatchObject({ region: 'DK-83', adults: [{ adultId: 'a1', birthYear: 1980 }, { adultId: 'a2' }], $enc: { subject: 'family:fam-1', v: 1 } });
    expect(await decryptEventData(keys, STREAM, event)).toEqual(registered.data);
  });

  it('once the key is destroyed, each personal value reads "[erased]" and the rest stays', async () => {
    const event = await stored();
    await keys.destroy('family:fam-1');
    const read = (await decryptEventData(keys, STREAM, event)) as typeof registered.data;
    expect(read.adults).toEqual([{ adultId: 'a1', fullName: ERASED, birthYear: 1980 }, { adultId: 'a2', fullName: ERASED }]);
    expect(read.contact).toEqual({ street: ERASED, postalCode: ERASED, city: ERASED, phone: ERASED, email: ERASED });
    expect(read).toMatchObject({ sourceDetail: ERASED, region: 'DK-83', familyId: 'fam-1' });
    expect(JSON.stringify(read)).not.toContain('$enc');
  });

  it('a changed ciphertext is refused, not read as erased', async () => {
    const event = await stored();
    const $enc = (event.data as { $enc: EncryptedFields }).$enc;
    const flipped = Buffer.from($enc.ct, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    const tampered = { ...event, data: { ...(event.data as object), $enc: { ...$enc, ct: flipped.toString('base64') } } };
    await expect(decryptEventData(keys, STREAM, tampered)).rejects.toThrow(/unable to authenticate/i);
  });

  it('the wrong key is refused', async () => {
    const event = await stored();
    keys.keys.set('family:fam-1', randomBytes(32));
    await expect(decryptEventData(keys, STREAM, event)).rejects.toThrow(/unable to authenticate/i);
  });

  it('a ciphertext moved to another event does not open', async () => {
    const event = await stored();
    await expect(decryptEventData(keys, STREAM, { ...event, eventId: '7f1d6c2e-0000-5000-8000-000000000002' })).rejects.toThrow(/unable to authenticate/i);
  });

  it('an event with nothing personal is stored as it is', async () => {
    const data = { on: '2026-03-02', checks: [{ adultId: 'a1', kind: 'criminal-record' }] };
    expect(await encryptEventData(keys, STREAM, { eventId: 'e', type: 'BackgroundChecksRequested', data })).toBe(data);
    expect(keys.keys.size).toBe(0);
  });

  it('an optional personal field left out is not invented', async () => {
    const data = { on: '2026-03-02', interviewers: ['cw-1'] };
    expect(await encryptEventData(keys, STREAM, { eventId: 'e', type: 'FamilyInterviewed', data })).toBe(data);
  });

  it('events written in clear before encryption stay readable as they are', async () => {
    expect(await decryptEventData(keys, STREAM, registered)).toBe(registered.data);
  });

  it('support records of a family are sealed with the family’s key, whichever stream they are on', async () => {
    const call = { eventId: 'e1', type: 'EmergencyCallRecorded', data: { callId: 'c1', familyId: 'fam-1', receivedAt: '2026-03-01T22:00:00Z', category: 'other', durationMinutes: 5, note: 'Ada cried' } };
    const attendance = { eventId: 'e2', type: 'SupervisionAttendanceRecorded', data: { familyId: 'fam-1', attended: true, note: 'Ada was tired' } };
    expect(await encryptEventData(keys, 'emergency-line-fam-1', call)).toMatchObject({ note: '[encrypted]', $enc: { subject: 'family:fam-1' } });
    expect(await encryptEventData(keys, 'supervision-meeting-m1', attendance)).toMatchObject({ note: '[encrypted]', $enc: { subject: 'family:fam-1' } });
  });

  it('nothing new is written for an erased subject', async () => {
    await keys.destroy('family:fam-1');
    await expect(encryptEventData(keys, STREAM, registered)).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it('an event of a stream or type nobody classified is refused (fail closed)', async () => {
    await expect(encryptEventData(keys, 'mystery-1', { eventId: 'e', type: 'Something', data: {} })).rejects.toThrow(/not classified/);
    await expect(encryptEventData(keys, STREAM, { eventId: 'e', type: 'FamilyTeleported', data: {} })).rejects.toThrow(/not classified/);
  });
});

/**
 * The path walk as it was first written (one copy of the data per path). Ciphertexts already in
 * event logs hold the values in the order it visited them, so the faster walk must visit the same.
 */
function mapPathsAsFirstWritten(data: unknown, paths: readonly string[], replace: (value: unknown) => unknown): unknown {
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  const one = (value: unknown, path: string): unknown => {
    const [head, ...rest] = path.split('.');
    if (head === undefined || !isRecord(value)) return value;
    const each = head.endsWith('[]');
    const key = each ? head.slice(0, -2) : head;
    if (!(key in value) || value[key] === undefined) return value;
    const inner = (item: unknown) => (rest.length === 0 ? replace(item) : one(item, rest.join('.')));
    const current = value[key];
    return { ...value, [key]: each ? (Array.isArray(current) ? current.map(inner) : current) : inner(current) };
  };
  return paths.reduce(one, data);
}

describe('mapPaths', () => {
  const cases: Array<{ name: string; data: unknown; paths: string[] }> = [
    { name: 'a registration', data: registered.data, paths: ['sourceDetail', 'adults[].fullName', 'contact.street', 'contact.postalCode', 'contact.city', 'contact.phone', 'contact.email'] },
    { name: 'paths interleaved across objects', data: { a: { x: 1, y: 2 }, b: 3 }, paths: ['a.x', 'b', 'a.y'] },
    { name: 'arrays of arrays and of strings', data: { groups: [{ people: [{ name: 'A' }, { name: 'B' }] }, { people: [] }, { other: 1 }], tags: ['x', 'y'] }, paths: ['groups[].people[].name', 'tags[]'] },
    { name: 'absent, undefined and mistyped fields', data: { a: undefined, b: 'text', c: [1, { d: 2 }], e: null }, paths: ['a', 'a.b', 'b.c', 'c[].d', 'e.f', 'missing', 'b[]', 'x[].y'] },
    { name: 'not an object', data: 'plain', paths: ['a'] },
  ];

  it.each(cases)('visits values in the order of the first walk and returns the same result: $name', ({ data, paths }) => {
    const frozen = JSON.stringify(data);
    const seen: { now: unknown[]; before: unknown[] } = { now: [], before: [] };
    const now = mapPaths(data, paths, (value) => (seen.now.push(value), `<${seen.now.length}>`));
    const before = mapPathsAsFirstWritten(data, paths, (value) => (seen.before.push(value), `<${seen.before.length}>`));
    expect(seen.now).toEqual(seen.before);
    expect(now).toEqual(before);
    expect(JSON.stringify(data)).toBe(frozen); // the caller's data is left alone
  });

  it('copies what it changes and shares nothing it changed with the input', () => {
    const data = { contact: { phone: '1', city: 'Vejle' }, adults: [{ fullName: 'A' }], keep: { id: 1 } };
    const result = mapPaths(data, ['contact.phone', 'contact.city', 'adults[].fullName'], () => 'x') as typeof data;
    expect(result).toEqual({ contact: { phone: 'x', city: 'x' }, adults: [{ fullName: 'x' }], keep: { id: 1 } });
    expect(result.contact).not.toBe(data.contact);
    expect(result.adults[0]).not.toBe(data.adults[0]);
    expect(data).toEqual({ contact: { phone: '1', city: 'Vejle' }, adults: [{ fullName: 'A' }], keep: { id: 1 } });
  });
});
