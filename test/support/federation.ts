import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { eventually } from './journeys';

/** Makes two municipalities active partners through the API, waiting for the directory and both sides. */
export async function makePartners(proposer: FamilybankClient, proposerCode: string, accepter: FamilybankClient, accepterCode: string): Promise<void> {
  await eventually(async () => expect((await unwrap(proposer.GET('/v1/directory', {}))).items.map((entry) => entry.code)).toContain(accepterCode));
  await unwrap(proposer.POST('/v1/partnerships', { body: { partner: accepterCode } }));
  await eventually(async () => expect((await unwrap(accepter.GET('/v1/partnerships', {}))).items.find((p) => p.partner === proposerCode)?.status).toBe('proposed-to-us'));
  await eventually(async () => expect((await unwrap(accepter.GET('/v1/directory', {}))).items.map((entry) => entry.code)).toContain(proposerCode));
  await unwrap(accepter.POST('/v1/partnerships/{partner}/acceptance', { params: { path: { partner: proposerCode } }, body: {} }));
  await eventually(async () => expect((await unwrap(proposer.GET('/v1/partnerships', {}))).items.find((p) => p.partner === accepterCode)?.status).toBe('active'));
}

export const needs = (overrides: Record<string, unknown> = {}) => ({
  careType: 'respite' as const,
  childAge: 8,
  siblings: 0,
  requiredCompetences: [],
  wishedCompetences: ['adhd' as const],
  languages: ['da'],
  schedule: { patterns: ['weekends' as const], period: { from: '2027-01-01', to: '2027-03-31' } },
  region: 'DK-83',
  networkExplored: true,
  networkCandidates: [],
  startDate: '2027-01-01',
  ...overrides,
});
