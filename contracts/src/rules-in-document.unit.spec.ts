/**
 * Rules across fields that the deciders enforce (422) and JSON Schema can state: the document says
 * them with keywords the zod schemas add (`.openapi()`), so that a body it allows is not refused for
 * them (schemathesis' "schema validation mismatch"). These hold the generated components to the rules.
 */
import { buildOpenApiDocument } from './openapi';

type Schema = {
  allOf?: Schema[];
  anyOf?: Schema[];
  required?: string[];
  minProperties?: number;
  properties?: Record<string, Schema>;
  const?: unknown;
  enum?: unknown[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  not?: Schema;
};

/**
 * The keywords the rules use, and only those (a body's other fields are checked by zod elsewhere).
 * The rules sit in `allOf: [{anyOf}]`, not in a bare `anyOf` beside `properties`: openapi-typescript
 * reads that as an intersection with the object (a bare anyOf became a union that let any body through).
 */
function allows(schema: Schema, value: unknown): boolean {
  if (schema.not) return false; // only ever `not: {}`: the field must be absent
  if (schema.const !== undefined && value !== schema.const) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (Array.isArray(value)) {
    if (value.length < (schema.minItems ?? 0) || value.length > (schema.maxItems ?? Infinity)) return false;
    if (schema.uniqueItems && new Set(value).size !== value.length) return false;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const body = value as Record<string, unknown>;
    if (Object.keys(body).length < (schema.minProperties ?? 0)) return false;
    if ((schema.required ?? []).some((name) => !(name in body))) return false;
    if (Object.entries(schema.properties ?? {}).some(([name, property]) => name in body && !allows(property, body[name]))) return false;
  }
  if (schema.allOf && !schema.allOf.every((part) => allows(part, value))) return false;
  return !schema.anyOf || schema.anyOf.some((branch) => allows(branch, value));
}

const schemas = buildOpenApiDocument().components!.schemas!;
const component = (name: string) => schemas[name] as Schema;

describe('the document states the rules across fields that the API enforces', () => {
  it('a registration names its request only with the child-request channel, and a referral its referring family', () => {
    const schema = component('RegisterFamily');
    const base = { adults: [{ adultId: 'a1', fullName: 'Mette' }], contact: {}, region: 'DK-83', interestedIn: ['respite'] };
    const register = { allows: (body: object) => allows(schema, { ...base, ...body }) };
    expect(register.allows({ sourceChannel: 'child-request', recruitedForRequestId: 'r1' })).toBe(true);
    expect(register.allows({ sourceChannel: 'child-request' })).toBe(false); // FAMILY.REQUEST_SOURCE_MISSING
    expect(register.allows({ sourceChannel: 'campaign', recruitedForRequestId: 'r1' })).toBe(false); // FAMILY.REQUEST_SOURCE_UNEXPECTED
    expect(register.allows({ sourceChannel: 'family-referral', referredByFamilyId: 'f1' })).toBe(true);
    expect(register.allows({ sourceChannel: 'family-referral' })).toBe(false); // FAMILY.REFERRAL_NEEDS_REFERRER
    expect(register.allows({ sourceChannel: 'event', referredByFamilyId: 'f1' })).toBe(true);
    expect(register.allows({ sourceChannel: 'other' })).toBe(true);
  });

  it('availability names at least one period or pattern', () => {
    const availability = component('DeclareAvailability');
    expect(allows(availability, { capacity: 1 })).toBe(false); // FAMILY.AVAILABILITY_WITHOUT_TIME
    expect(allows(availability, { capacity: 1, periods: [], patterns: [] })).toBe(false);
    expect(allows(availability, { capacity: 1, periods: [{ from: '2027-01-01', to: '2027-01-31' }] })).toBe(true);
    expect(allows(availability, { capacity: 1, periods: [], patterns: ['weekends'] })).toBe(true);
  });

  it('an individual supervision meeting has one family, a group two or more, each once', () => {
    const schema = component('PlanSupervisionMeeting');
    const meeting = { allows: (body: object) => allows(schema, { theme: 'Contact', on: '2027-01-10', ...body }) };
    expect(meeting.allows({ format: 'individual', familyIds: ['a'] })).toBe(true);
    expect(meeting.allows({ format: 'individual', familyIds: ['a', 'b'] })).toBe(false); // SUPPORT.WRONG_PARTICIPANT_COUNT
    expect(meeting.allows({ format: 'group', familyIds: ['a'] })).toBe(false);
    expect(meeting.allows({ format: 'group', familyIds: ['a', 'b'] })).toBe(true);
    expect(meeting.allows({ format: 'group', familyIds: ['a', 'a'] })).toBe(false); // SUPPORT.DUPLICATE_FAMILY
  });

  it('a check with remarks names their category, a clear check none', () => {
    const schema = component('RecordBackgroundCheckResult');
    const result = { allows: (body: object) => allows(schema, { adultId: 'a1', kind: 'criminal-record', receivedOn: '2026-11-01', ...body }) };
    expect(result.allows({ outcome: 'remarks', remarkCategory: 'traffic' })).toBe(true);
    expect(result.allows({ outcome: 'remarks' })).toBe(false); // FAMILY.REMARKS_NEED_CATEGORY
    expect(result.allows({ outcome: 'clear' })).toBe(true);
    expect(result.allows({ outcome: 'clear', remarkCategory: 'traffic' })).toBe(false); // FAMILY.CLEAR_CHECK_HAS_NO_CATEGORY
  });

  it('a change names at least one field (profile, webhook subscription)', () => {
    for (const name of ['UpdateProfile', 'UpdateWebhookSubscription']) {
      expect([name, allows(component(name), {})]).toEqual([name, false]); // FAMILY.EMPTY_PROFILE_UPDATE, REQUEST.RULE_VIOLATED
      expect([name, allows(component(name), { description: 'x' })]).toEqual([name, true]);
    }
  });
});
