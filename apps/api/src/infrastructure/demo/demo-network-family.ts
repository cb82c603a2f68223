import { randomUUID } from 'node:crypto';
import { isoDate } from '@familybank/domain-core';
import type { ChildNeeds } from '@familybank/contracts';
import type { FamilyCommand } from '@familybank/domain-family';
import type { NetworkPerson, RequestCommand } from '@familybank/domain-request';
import { LocalCandidates } from '../../matching/local-candidates';
import type { Runtime } from '../runtime';

export const DEMO_NETWORK_REQUEST_ID = 'demo-request-vejle-network-1';
export const DEMO_NETWORK_FAMILY_ID = 'demo-network-family-vejle-1';
const SEED = 'system:demo-seed';

/**
 * A network family in Vejle (seed 003): the child's network is mapped on its request (an uncle who
 * declined, a neighbour not suitable), the grandmother is registered as a network family, checked,
 * provisionally approved for this child until her full assessment is due, and placed through the
 * own-placement command. Once the API runs, the workflows fill the request, and the network-share
 * figure counts the assignment. Nothing of it is shared with partners.
 */
export async function seedDemoNetworkFamily(runtime: Runtime, vejle: string): Promise<void> {
  const today = runtime.clock();
  const day = (days: number) => isoDate(new Date(today.getTime() + days * 86_400_000));
  const needs: ChildNeeds = {
    careType: 'respite',
    childAge: 6,
    siblings: 0,
    requiredCompetences: [],
    wishedCompetences: [],
    languages: ['da'],
    schedule: { patterns: ['weekends'], period: { from: day(14), to: day(180) } },
    region: 'DK-83',
    networkCandidates: [],
    startDate: day(14),
  };
  const meta = () => {
    const commandId = randomUUID();
    return { municipality: vejle, actor: SEED, commandId, correlationId: commandId };
  };
  const request = (command: RequestCommand) => runtime.gateway.execute({ aggregate: 'request', id: DEMO_NETWORK_REQUEST_ID, command }, meta());
  const family = (command: FamilyCommand) => runtime.gateway.execute({ aggregate: 'family', id: DEMO_NETWORK_FAMILY_ID, command }, meta());

  await request({ type: 'OpenRequest', data: { requestId: DEMO_NETWORK_REQUEST_ID, caseReference: 'DEMO-2026-0003', needs, responseDeadline: day(10) } });
  const explored: NetworkPerson[] = [
    { personId: 'demo-network-uncle', name: 'Kasper Holm', relation: 'aunt-or-uncle', outcome: 'declined', reason: 'Works nights and weekends', on: day(-6) },
    { personId: 'demo-network-neighbour', name: 'Bente Vestergaard', relation: 'neighbour', outcome: 'not-suitable', reason: 'No room for an overnight stay', on: day(-5) },
    { personId: 'demo-network-grandmother', name: 'Grethe Holm', relation: 'grandparent', outcome: 'assessed', on: day(-4) },
  ];
  for (const person of explored) await request({ type: 'RecordNetworkPerson', data: person });

  const adults = [{ adultId: 'g1', fullName: 'Grethe Holm', birthYear: 1958 }];
  await family({
    type: 'RegisterNetworkFamily',
    data: {
      familyId: DEMO_NETWORK_FAMILY_ID,
      requestId: DEMO_NETWORK_REQUEST_ID,
      relation: 'grandparent',
      relationNote: 'Mother’s mother',
      personId: 'demo-network-grandmother',
      adults,
      contact: { street: 'Bredgade 21', postalCode: '7100', city: 'Vejle', phone: '+45 20 00 77 30', email: 'grethe.holm@vejle.example' },
      region: 'DK-83',
      languages: ['da'],
      firstContact: { on: day(-4), channel: 'meeting' },
      request: { status: 'open', child: { careType: needs.careType, age: needs.childAge, places: 1 } },
    },
  });
  await family({ type: 'RequestBackgroundChecks', data: { on: day(-3) } });
  for (const kind of ['child-protection', 'criminal-record'] as const) await family({ type: 'RecordBackgroundCheckResult', data: { adultId: 'g1', kind, outcome: 'clear', receivedOn: day(-1) } });
  await family({ type: 'ApproveProvisionally', data: { deadline: day(runtime.config.NETWORK_ASSESSMENT_DAYS), authority: 'municipality', conditions: [] } });
  await family({ type: 'DeclareAvailability', data: { capacity: 1, periods: [], patterns: ['weekends'] } });

  await runtime.readSide.waitFor(await runtime.eventStore.lastPosition());
  const candidates = new LocalCandidates(runtime.documents, runtime.identities, runtime.clock, runtime.config);
  const candidate = candidates.candidateFor(vejle, DEMO_NETWORK_FAMILY_ID, needs, day(0), DEMO_NETWORK_REQUEST_ID);
  await request({ type: 'PlaceOwnFamily', data: { offerId: 'demo-network-placement-1', familyId: DEMO_NETWORK_FAMILY_ID, owner: vejle, candidate } });
}
