import { randomUUID } from 'node:crypto';
import { isoDate } from '@familybank/domain-core';
import type { ChildNeeds } from '@familybank/contracts';
import type { RequestCommand } from '@familybank/domain-request';
import { LocalCandidates } from '../../matching/local-candidates';
import type { Runtime } from '../runtime';

export const DEMO_OWN_REQUEST_ID = 'demo-request-vejle-own-1';
const SEED = 'system:demo-seed';

/**
 * An own placement in Vejle: a request for a child that one of Vejle's own available families
 * takes, placed through the same command, look-up and workflow as the API's placements route. The
 * own-placement workflow reserves the family and fills the request once the API runs; partners
 * then see the family free only outside the placement's months.
 */
export async function seedDemoOwnPlacement(runtime: Runtime, vejle: string): Promise<void> {
  const today = runtime.clock();
  const day = (days: number) => isoDate(new Date(today.getTime() + days * 86_400_000));
  const needs: ChildNeeds = {
    careType: 'respite',
    childAge: 7,
    siblings: 0,
    requiredCompetences: [],
    wishedCompetences: ['adhd'],
    languages: ['da'],
    schedule: { patterns: ['weekends'], period: { from: day(7), to: day(97) } },
    region: 'DK-83',
    networkExplored: true,
    networkCandidates: [],
    startDate: day(7),
  };
  const request = (command: RequestCommand) => {
    const commandId = randomUUID();
    return runtime.gateway.execute({ aggregate: 'request', id: DEMO_OWN_REQUEST_ID, command }, { municipality: vejle, actor: SEED, commandId, correlationId: commandId });
  };
  await request({ type: 'OpenRequest', data: { requestId: DEMO_OWN_REQUEST_ID, caseReference: 'DEMO-2026-0002', needs, responseDeadline: day(3) } });
  await runtime.readSide.waitFor(await runtime.eventStore.lastPosition());
  const candidates = new LocalCandidates(runtime.documents, runtime.identities, runtime.clock, runtime.config);
  const [best] = candidates.rank(needs, candidates.shareableFamilies(vejle), day(0), 1);
  if (!best) return;
  const candidate = candidates.candidateFor(vejle, best.familyId, needs, day(0), DEMO_OWN_REQUEST_ID);
  await request({ type: 'PlaceOwnFamily', data: { offerId: `demo-own-placement-${best.familyId}`.slice(0, 64), familyId: best.familyId, owner: vejle, candidate } });
}
