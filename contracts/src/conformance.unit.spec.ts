/**
 * The OpenAPI document must promise exactly what the server's zod schemas accept (schemathesis
 * holds the running server to it in CI). These are the places where zod and JSON Schema could
 * drift apart: refinements the document cannot show, and headers.
 */
import { Approval, Cursor, Email, IdempotencyKeyHeader, IfMatchHeader, IsoDate, ShortText, buildOpenApiDocument, problemStatuses } from './index';
import { linksFrom } from './openapi-links';
import { apiRoutes } from './routes';

const isCalendarDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};
type JsonSchema = { pattern?: string; properties?: Record<string, JsonSchema> };
const component = (name: string) => buildOpenApiDocument().components!.schemas![name] as JsonSchema;
const pad = (value: number, width: number) => String(value).padStart(width, '0');
/** What the API issues as a cursor (libs/read-models encodeCursor), restated so that contracts need not depend on it. */
/** A position as the read models encode it, bound (as the contract layer does) by 16 base64url characters. */
const BINDING = 'Ab3_-xYz09KLmnOP';
const issuedCursor = (seq: number) => `${Buffer.from(JSON.stringify({ seq })).toString('base64url')}.${BINDING}`;

describe('the document says what the server accepts', () => {
  it('IsoDate accepts exactly the days of the calendar (every day of 1896–2404, leap years included), by its pattern alone', () => {
    const pattern = new RegExp(component('IsoDate').pattern!);
    const disagreements: string[] = [];
    for (let year = 1896; year <= 2404; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (IsoDate.safeParse(value).success !== isCalendarDate(value) || pattern.test(value) !== isCalendarDate(value)) disagreements.push(value);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(IsoDate.safeParse('2026-11-27').success).toBe(true);
  });

  it('every cursor the API issues matches the Cursor pattern; a forged or zero-padded one does not', () => {
    for (const seq of [0, 1, 9, 10, 99, 100, 12_345, 999_999, 1_000_000, 123_456_789_012, 9_999_999_999_999]) {
      expect([seq, Cursor.safeParse(issuedCursor(seq)).success]).toEqual([seq, true]);
    }
    const encode = (raw: string) => Buffer.from(raw).toString('base64url');
    const bound = (raw: string) => `${encode(raw)}.${BINDING}`;
    const unbound = Buffer.from(JSON.stringify({ seq: 3 })).toString('base64url');
    for (const forged of [bound('{"seq":01}'), bound('{"seq":-1}'), bound('{"seq":1.5}'), bound('{"seq":"1"}'), unbound, `${unbound}.short`, `${unbound}.${BINDING}x`, 'abc', '']) {
      expect([forged, Cursor.safeParse(forged).success]).toEqual([forged, false]);
    }
  });

  it('If-Match is a strong ETag or *; a weak, unquoted or listed one is refused', () => {
    for (const valid of ['"0"', '"3"', '"123456"', '*']) expect([valid, IfMatchHeader.safeParse(valid).success]).toEqual([valid, true]);
    for (const invalid of ['W/"3"', '3', '"03"', '"-1"', '"1", "2"', '', '"abc"']) expect([invalid, IfMatchHeader.safeParse(invalid).success]).toEqual([invalid, false]);
  });

  it('Idempotency-Key is 1–200 visible ASCII characters: an empty one is refused', () => {
    expect(IdempotencyKeyHeader.safeParse('retry-1').success).toBe(true);
    expect(IdempotencyKeyHeader.safeParse('k'.repeat(200)).success).toBe(true);
    for (const invalid of ['', 'k'.repeat(201), 'two words', 'nøgle']) expect([invalid, IdempotencyKeyHeader.safeParse(invalid).success]).toEqual([invalid, false]);
  });

  it('free text counts characters as JSON Schema does (an emoji is one) and refuses blank text', () => {
    expect(ShortText.safeParse('🙂'.repeat(200)).success).toBe(true);
    expect(ShortText.safeParse('🙂'.repeat(201)).success).toBe(false);
    expect(ShortText.safeParse(' \u00a0\u3000 ').success).toBe(false);
    expect(ShortText.parse('  kept  ')).toBe('kept');
  });

  it('an e-mail address follows the pattern in the document', () => {
    const pattern = new RegExp(component('ContactDetails').properties!.email!.pattern!);
    for (const email of ['a@b.dk', 'first.last+tag@sub.example.org', "o'neil@example.com"]) expect([email, Email.safeParse(email).success, pattern.test(email)]).toEqual([email, true, true]);
    for (const email of ['.a@b.dk', 'a..b@c.dk', 'a.@b.dk', 'a@b', 'a@-b.dk', 'a b@c.dk']) expect([email, Email.safeParse(email).success]).toEqual([email, false]);
  });

  it('the approval a family shows is one closed object with the terms and the day of approval', () => {
    const approval = { careTypes: ['respite'], capacity: 1, ageRange: { min: 0, max: 17 }, validUntil: '2027-01-01', conditions: [], authority: 'socialtilsyn', approvedOn: '2026-01-01' };
    expect(Approval.safeParse(approval).success).toBe(true);
    expect(JSON.stringify(component('FamilyDetail'))).not.toContain('allOf');
  });
});

describe('every problem a route can answer is documented', () => {
  it('a recorded step documents the shell’s statuses as well as its own', () => {
    expect(problemStatuses(apiRoutes.recordFirstContact)).toEqual([400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 500, 503]);
  });

  it('a read documents authentication, validation, rate limit and a bug, and 404 only when its path names a resource', () => {
    expect(problemStatuses(apiRoutes.health)).toEqual([400, 429, 500]);
    // A list also answers 422 to a well-formed cursor bound to another list or filter.
    expect(problemStatuses(apiRoutes.listFamilies)).toEqual([400, 401, 403, 422, 429, 500]);
    expect(problemStatuses(apiRoutes.getFamily)).toEqual([400, 401, 403, 404, 429, 500]);
  });

  it('/ready documents its 503 with the readiness body, not as a problem', () => {
    const responses = buildOpenApiDocument().paths!['/ready']!.get!.responses!;
    expect(Object.keys(responses['503']!.content!)).toEqual(['application/json']);
  });
});

describe('links say how one answer leads to the next call', () => {
  const routes = Object.values(apiRoutes);

  it('a registered family leads to its steps, with its id from the body and If-Match from the ETag', () => {
    expect(linksFrom(apiRoutes.registerFamily, routes)!.recordFirstContact).toEqual({
      operationId: 'recordFirstContact',
      parameters: { 'path.familyId': '$response.body#/familyId', 'header.If-Match': '$response.header.ETag' },
    });
  });

  it('a step leads back to the family it changed; an id the answer does not carry is never linked', () => {
    expect(Object.keys(linksFrom(apiRoutes.recordScreening, routes)!)).toEqual(['getFamily']);
    expect(linksFrom(apiRoutes.getFamily, routes)!.endAssignment).toBeUndefined();
    expect(linksFrom(apiRoutes.listFamilies, routes)!.endAssignment).toBeUndefined();
  });

  it('a list leads to what can be done to its first item, by the ids the item carries, without If-Match', () => {
    expect(linksFrom(apiRoutes.listFamilies, routes)!.recordScreening).toEqual({ operationId: 'recordScreening', parameters: { 'path.familyId': '$response.body#/items/0/familyId' } });
    expect(linksFrom(apiRoutes.getInbox, routes)!.makeOffer).toEqual({
      operationId: 'makeOffer',
      parameters: { 'path.requester': '$response.body#/items/0/requester', 'path.requestId': '$response.body#/items/0/requestId' },
    });
    expect(linksFrom(apiRoutes.getFamilyEvents, routes)).toBeUndefined();
  });
});
