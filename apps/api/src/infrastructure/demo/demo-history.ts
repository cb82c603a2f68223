import { randomUUID } from 'node:crypto';
import { isoDate, type IsoDate } from '@familybank/domain-core';
import type { FamilyCommand, RegistrationDetails, SourceChannel } from '@familybank/domain-family';
import type { RequestCommand } from '@familybank/domain-request';
import type { EventStore } from '@familybank/event-store';
import type { AggregateCommand } from '../../platform/commands/aggregate-command';
import { CommandGateway } from '../../platform/commands/command-gateway';
import { DEMO_MUNICIPALITIES } from './demo-municipalities';

type Municipality = (typeof DEMO_MUNICIPALITIES)[number];
interface Step {
  day: IsoDate;
  target: AggregateCommand;
}

const DAY = 86_400_000;
const CHANNELS: ReadonlyArray<[SourceChannel, string | undefined]> = [
  ['campaign', 'Avis; "Vejle Amts", lokal'],
  ['social-media', 'Facebook-opslag om aflastning'],
  ['event', 'Høstmarked på Ærø'],
  ['other', 'Jobmesse, Kolding'],
  ['municipality-website', undefined],
  ['campaign', 'Radio, forår'],
];
const NAMES = ['Åse Ørsted', 'Bjørn Kjær', 'Søs Ærenlund', 'Maja Friis', 'Yusuf Demir', 'Lærke Bøgh'];

/**
 * Two years of casework before today, so that the figures have history. The commands run through
 * the real deciders on a gateway whose clock is the simulated day, in the order of those days: each
 * event's occurredAt and the dates deciders take from the clock (registeredAt, approvedOn, endedOn,
 * confirmedOn) are that day, and the store's own recordedAt still says when the seed wrote it. Only
 * the municipality's own streams are touched (families, requests): nothing a partner would be told
 * of, so no workflow or partner acts on the past.
 */
export async function seedDemoHistory(store: EventStore, now: Date): Promise<void> {
  const start = now.getTime() - 760 * DAY;
  const steps = DEMO_MUNICIPALITIES.flatMap((municipality, m) => [
    ...Array.from({ length: 12 }, (_, i) => familyHistory(municipality, m, i, start + (i * 58 + m * 9) * DAY, now)),
    ...Array.from({ length: 8 }, (_, i) => requestHistory(municipality, i, start + (i * 90 + m * 13 + 5) * DAY, now)),
  ]).flat();
  steps.sort((a, b) => (a.step.day < b.step.day ? -1 : a.step.day > b.step.day ? 1 : 0));
  let day = now;
  const gateway = new CommandGateway(store, () => day);
  for (const { municipality, step } of steps) {
    day = new Date(`${step.day}T10:00:00.000Z`);
    const commandId = randomUUID();
    await gateway.execute(step.target, { actor: 'system:demo-seed', municipality, commandId, correlationId: `demo-history-${step.target.id}` });
  }
}

const on = (time: number): IsoDate => isoDate(new Date(time));

/** Kept in time order per stream; a step on or after today is left out (it has not happened yet). */
function timeline(municipality: Municipality, steps: Step[], now: Date) {
  return steps.filter((step) => step.day < isoDate(now)).map((step) => ({ municipality: municipality.code, step }));
}

function familyHistory(municipality: Municipality, m: number, i: number, registered: number, now: Date) {
  const familyId = randomUUID();
  const [sourceChannel, sourceDetail] = CHANNELS[(i + m) % CHANNELS.length]!;
  const registration: RegistrationDetails = {
    familyId,
    sourceChannel,
    sourceDetail,
    adults: [{ adultId: 'a1', fullName: NAMES[(i + m) % NAMES.length]! }],
    contact: { street: `Historievej ${i + 1}`, postalCode: municipality.postalCode, city: municipality.city, phone: `+45 30 00 ${String(i).padStart(2, '0')} ${municipality.code.slice(2)}`, email: `history-${i + 1}@demo.example` },
    region: municipality.region,
    languages: ['da'],
    competences: i % 2 ? ['teenagers'] : ['adhd'],
    interestedIn: ['respite'],
  };
  const family = (offset: number, command: FamilyCommand): Step => ({ day: on(registered + offset * DAY), target: { aggregate: 'family', id: familyId, command } });
  const contactOn = on(registered + (5 + (i % 4) * 3) * DAY);
  const steps: Step[] = [family(0, { type: 'RegisterFamily', data: registration })];
  const outcome = i % 4;
  if (outcome === 3 && i > 8) return timeline(municipality, steps, now); // a recent lead, not contacted yet
  steps.push(family(5 + (i % 4) * 3, { type: 'RecordFirstContact', data: { on: contactOn, channel: 'phone' } }));
  if (outcome === 1) {
    steps.push(family(30, { type: 'RecordScreening', data: { on: on(registered + 30 * DAY) } }), family(40, { type: 'RejectFamily', data: { reason: 'withdrew-interest' } }));
    return timeline(municipality, steps, now);
  }
  const approveAt = 80 + (i % 3) * 20;
  const validFor = outcome === 2 ? 330 : 365;
  const checks = (['child-protection', 'criminal-record'] as const).map((kind) => family(approveAt - 10, { type: 'RecordBackgroundCheckResult', data: { adultId: 'a1', kind, outcome: 'clear', receivedOn: on(registered + (approveAt - 10) * DAY) } }));
  steps.push(
    family(20, { type: 'RecordScreening', data: { on: on(registered + 20 * DAY) } }),
    family(35, { type: 'RecordInterview', data: { on: on(registered + 35 * DAY), interviewers: ['Demo caseworker'] } }),
    family(40, { type: 'RequestBackgroundChecks', data: { on: on(registered + 40 * DAY) } }),
    ...checks,
    family(approveAt, { type: 'ApproveFamily', data: approval(registered + (approveAt + validFor) * DAY) }),
    family(approveAt + 3, { type: 'DeclareAvailability', data: { capacity: 1, periods: [], patterns: ['weekends'] } }),
  );
  for (let confirm = approveAt + 50 + i * 3; confirm < approveAt + validFor - 20; confirm += 75 + m * 10) steps.push(family(confirm, { type: 'ConfirmAvailability', data: {} }));
  if (i % 3 === 0) steps.push(family(approveAt + 60, { type: 'RecordSupport', data: { kind: 'emergency-call', on: on(registered + (approveAt + 60) * DAY) } }));
  // A placement of one of its own children (before own placements were recorded on requests), ended with the family's wish.
  const assignmentId = `history-${familyId.slice(0, 8)}`;
  steps.push(
    family(approveAt + 30, { type: 'ReserveFamily', data: { assignmentId, requester: { municipality: municipality.code, requestId: `history-${i}` }, period: { from: on(registered + (approveAt + 30) * DAY), to: on(registered + (approveAt + 150) * DAY) }, children: 1 } }),
    family(approveAt + 150, { type: 'EndAssignment', data: { assignmentId, reason: 'The period ended', wantsNewAssignment: i % 2 === 0 } }),
  );
  // Most approvals are renewed before they run out; every other one of outcome 2 is let expire.
  const lastDay = approveAt + validFor;
  if (outcome === 2 && i % 8 === 2) steps.push(family(lastDay + 1, { type: 'ExpireApproval', data: {} }));
  else steps.push(family(lastDay - 14, { type: 'RenewApproval', data: approval(registered + (lastDay + 365 - (i % 5) * 60) * DAY) }));
  return timeline(municipality, steps, now);
}

function approval(validUntil: number): Extract<FamilyCommand, { type: 'ApproveFamily' }>['data'] {
  return { careTypes: ['respite'], capacity: 2, ageRange: { min: 4, max: 14 }, validUntil: on(validUntil), conditions: [], authority: 'socialtilsyn' };
}

/** A request every quarter; most end as withdrawn (placed by other means), the last ones still wait. */
function requestHistory(municipality: Municipality, i: number, opened: number, now: Date) {
  const requestId = `history-${municipality.code}-${i + 1}`;
  const period = { from: on(opened + 45 * DAY), to: on(opened + 180 * DAY) };
  const request = (offset: number, command: RequestCommand): Step => ({ day: on(opened + offset * DAY), target: { aggregate: 'request', id: requestId, command } });
  const steps = [
    request(0, {
      type: 'OpenRequest',
      data: {
        requestId,
        caseReference: `HIST-${municipality.code}-${i + 1}`,
        needs: { careType: 'respite', childAge: 6 + (i % 8), siblings: 0, requiredCompetences: [], wishedCompetences: [], languages: ['da'], schedule: { patterns: ['weekends'], period }, region: municipality.region, networkExplored: true, networkCandidates: [], startDate: period.from },
        responseDeadline: on(now.getTime() + 60 * DAY),
      },
    }),
  ];
  if (i < 6) steps.push(request(20 + i * 11, { type: 'WithdrawRequest', data: { reason: 'Placed by other means' } }));
  return timeline(municipality, steps, now);
}
