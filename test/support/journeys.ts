import { unwrap, type FamilybankClient, type Schemas } from '@familybank/api-client';
import { approvalTerms, registration } from './family-fixtures';

/** Takes a new family through every step to available (and consenting, unless told otherwise). */
export async function registerAvailableFamily(
  client: FamilybankClient,
  options: { registration?: Partial<Schemas['RegisterFamily']>; validUntil?: string; consent?: boolean; capacity?: number; supportNote?: string } = {},
): Promise<string> {
  const body = registration(options.registration);
  const { familyId } = await unwrap(client.POST('/v1/families', { body }));
  const path = { path: { familyId } };
  await unwrap(client.POST('/v1/families/{familyId}/first-contact', { params: path, body: { on: '2026-11-20', channel: 'phone' } }));
  await unwrap(client.POST('/v1/families/{familyId}/screening', { params: path, body: { on: '2026-11-21' } }));
  await unwrap(client.POST('/v1/families/{familyId}/interview', { params: path, body: { on: '2026-11-22', interviewers: ['Anna Lund'] } }));
  await unwrap(client.POST('/v1/families/{familyId}/background-checks/requests', { params: path, body: { on: '2026-11-23' } }));
  for (const { adultId } of body.adults) {
    for (const kind of ['child-protection', 'criminal-record'] as const) {
      await unwrap(client.POST('/v1/families/{familyId}/background-checks/results', { params: path, body: { adultId, kind, outcome: 'clear', receivedOn: '2026-11-24' } }));
    }
  }
  await unwrap(client.POST('/v1/families/{familyId}/approval', { params: path, body: approvalTerms(options.validUntil) }));
  if (options.supportNote) await unwrap(client.POST('/v1/families/{familyId}/support', { params: path, body: { kind: 'supervision', on: '2026-11-25', note: options.supportNote } }));
  if (options.consent !== false) await unwrap(client.POST('/v1/families/{familyId}/consent', { params: path, body: { on: '2026-11-25' } }));
  await unwrap(client.POST('/v1/families/{familyId}/availability', { params: path, body: { capacity: options.capacity ?? 1, periods: [{ from: '2026-12-01', to: '2027-06-30' }], patterns: ['weekends'] } }));
  return familyId;
}

/** Polls until the check passes (federation is asynchronous), failing with the last error after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
