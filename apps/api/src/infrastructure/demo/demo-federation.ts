import { isoDate } from '@familybank/domain-core';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import { randomUUID } from 'node:crypto';
import type { RequestCommand } from '@familybank/domain-request';
import type { AggregateCommand } from '../../platform/commands/aggregate-command';
import type { Runtime } from '../runtime';
import { DEMO_MUNICIPALITIES } from './demo-municipalities';
import { seedDemoNetworkFamily } from './demo-network-family';
import { seedDemoOwnPlacement } from './demo-own-placement';

const SEED = 'system:demo-seed';

function run(runtime: Runtime, municipality: string, target: AggregateCommand) {
  const commandId = randomUUID();
  return runtime.gateway.execute(target, { municipality, actor: SEED, commandId, correlationId: commandId });
}
export const DEMO_REQUEST_ID = 'demo-request-vejle-1';

/**
 * Demo partnerships (Vejle–Roskilde, Vejle–København) and a request in Vejle for one child that
 * reaches Roskilde's inbox, where Roskilde's own families are ranked for it. The steps the
 * partner would take on receiving the directory messages are run here directly, so the demo is
 * complete at start-up; the messages that follow change nothing (they are idempotent).
 */
export async function seedDemoFederation(runtime: Runtime): Promise<void> {
  const [vejle, roskilde, kobenhavn] = DEMO_MUNICIPALITIES.map((municipality) => municipality.code) as [string, string, string];
  await partner(runtime, vejle, roskilde);
  await partner(runtime, vejle, kobenhavn);
  const today = runtime.clock();
  const start = isoDate(new Date(today.getTime() + 30 * 86_400_000));
  const end = isoDate(new Date(today.getTime() + 120 * 86_400_000));
  const request = (command: RequestCommand) => run(runtime, vejle, { aggregate: 'request', id: DEMO_REQUEST_ID, command });
  await request({
    type: 'OpenRequest',
    data: {
      requestId: DEMO_REQUEST_ID,
      caseReference: 'DEMO-2026-0001',
      needs: {
        careType: 'respite',
        childAge: 9,
        siblings: 0,
        requiredCompetences: [],
        wishedCompetences: ['adhd', 'teenagers'],
        languages: ['da'],
        schedule: { patterns: ['weekends'], period: { from: start, to: end } },
        region: 'DK-83',
        networkExplored: true,
        networkCandidates: [],
        startDate: start,
      },
      responseDeadline: isoDate(new Date(today.getTime() + 14 * 86_400_000)),
    },
  });
  await request({ type: 'ShareRequest', data: { partners: [roskilde, kobenhavn], activePartners: [roskilde, kobenhavn] } });
  await seedDemoOwnPlacement(runtime, vejle);
  await seedDemoNetworkFamily(runtime, vejle);
  await runtime.readSide.waitFor(await runtime.eventStore.lastPosition());
}

async function partner(runtime: Runtime, proposer: string, accepter: string): Promise<void> {
  const key = (code: string) => {
    const identity = runtime.identities.identity(code);
    return { publicKey: identity.signing.publicKey, fingerprint: identity.fingerprint };
  };
  const steps: Array<[string, string, PartnershipCommand]> = [
    [proposer, accepter, { type: 'ProposePartnership', data: { partner: accepter } }],
    [accepter, proposer, { type: 'RecordPartnerProposal', data: { partner: proposer } }],
    [accepter, proposer, { type: 'AcceptPartnership', data: { partnerKey: key(proposer) } }],
    [proposer, accepter, { type: 'RecordPartnerAcceptance', data: { partnerKey: key(accepter) } }],
  ];
  for (const [own, other, command] of steps) await run(runtime, own, { aggregate: 'partnership', id: other, command });
}
