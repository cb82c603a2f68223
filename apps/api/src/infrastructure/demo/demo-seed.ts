import { randomUUID } from 'node:crypto';
import { isoDate } from '@familybank/domain-core';
import type { FamilyCommand, FamilyStage, RegistrationDetails } from '@familybank/domain-family';
import type { EventStore } from '@familybank/event-store';
import type { CommandGateway } from '../../platform/commands/command-gateway';
import { seedDemoHistory } from './demo-history';
import { DEMO_MUNICIPALITIES } from './demo-municipalities';
import { seedSupportDemo } from './demo-support';

export { DEMO_MUNICIPALITIES };

const HOUSEHOLDS = [
  ['Mette Hansen', 'Jens Hansen'],
  ['Sofie Nielsen'],
  ['Anders Jensen', 'Lars Pedersen'],
  ['Camilla Larsen', 'Peter Sørensen'],
  ['Fatima Ali', 'Omar Ali'],
  ['Ida Christensen'],
  ['Henrik Møller', 'Louise Møller'],
  ['Emma Kristensen', 'Mads Kristensen'],
  ['Birgitte Olsen'],
  ['Karin Thomsen', 'Niels Thomsen'],
];

/** Stages the demo shows, and the steps that take a new lead there. */
const TARGET_STAGES: FamilyStage[] = ['lead', 'contacted', 'screened', 'interviewed', 'background-checks', 'approved', 'available', 'available', 'suspended', 'rejected'];

/**
 * Demo data through the real command path (so every fact is an event with an actor), once:
 * only when the event store is empty.
 */
export async function seedDemoData(gateway: CommandGateway, store: EventStore, now: Date): Promise<boolean> {
  if ((await store.lastPosition()) > 0) return false;
  await seedDemoHistory(store, now);
  for (const municipality of DEMO_MUNICIPALITIES) {
    for (const [index, stage] of TARGET_STAGES.entries()) {
      const adults = HOUSEHOLDS[(index + Number(municipality.code)) % HOUSEHOLDS.length]!.map((fullName, n) => ({ adultId: `a${n + 1}`, fullName }));
      const familyId = randomUUID();
      const registration: RegistrationDetails = {
        familyId,
        sourceChannel: (['campaign', 'social-media', 'municipality-website', 'event', 'other'] as const)[index % 5]!,
        adults,
        contact: {
          street: `Demovej ${index + 1}`,
          postalCode: municipality.postalCode,
          city: municipality.city,
          phone: `+45 20 00 ${String(index).padStart(2, '0')} ${municipality.code.slice(2)}`,
          email: `demo-family-${index + 1}@${municipality.name.toLowerCase().replace('ø', 'oe').replace('å', 'aa')}.example`,
        },
        region: municipality.region,
        languages: index % 3 === 0 ? ['da', 'en'] : ['da'],
        competences: index % 2 === 0 ? ['adhd', 'siblings'] : ['teenagers'],
        interestedIn: index % 4 === 0 ? ['foster', 'respite'] : ['respite'],
      };
      const steps = [{ type: 'RegisterFamily', data: registration } as FamilyCommand, ...stepsTo(stage, adults.map((adult) => adult.adultId), now)];
      for (const command of steps) {
        const commandId = randomUUID();
        await gateway.execute({ aggregate: 'family', id: familyId, command }, { actor: `system:demo-seed`, municipality: municipality.code, commandId, correlationId: `demo-seed-${familyId}` });
      }
    }
  }
  await seedSupportDemo(gateway, store, now);
  return true;
}

function stepsTo(stage: FamilyStage, adultIds: string[], now: Date): FamilyCommand[] {
  const on = isoDate(now);
  const validUntil = isoDate(new Date(now.getTime() + 365 * 86_400_000));
  const ladder: FamilyCommand[] = [
    { type: 'RecordFirstContact', data: { on, channel: 'phone' } },
    { type: 'RecordScreening', data: { on } },
    { type: 'RecordInterview', data: { on, interviewers: ['Demo caseworker'] } },
    { type: 'RequestBackgroundChecks', data: { on } },
    ...adultIds.flatMap((adultId) =>
      (['child-protection', 'criminal-record'] as const).map((kind): FamilyCommand => ({ type: 'RecordBackgroundCheckResult', data: { adultId, kind, outcome: 'clear', receivedOn: on } })),
    ),
    { type: 'ApproveFamily', data: { careTypes: ['respite', 'contact'], capacity: 2, ageRange: { min: 3, max: 14 }, validUntil, conditions: [], authority: 'socialtilsyn' } },
    { type: 'GiveConsentToShare', data: { on } },
    { type: 'DeclareAvailability', data: { capacity: 1, periods: [], patterns: ['weekends', 'holidays'] } },
  ];
  const upTo = (type: FamilyCommand['type']) => ladder.slice(0, ladder.findIndex((command) => command.type === type) + 1);
  switch (stage) {
    case 'lead':
      return [];
    case 'contacted':
      return upTo('RecordFirstContact');
    case 'screened':
      return upTo('RecordScreening');
    case 'interviewed':
      return upTo('RecordInterview');
    case 'background-checks':
      return upTo('RequestBackgroundChecks');
    case 'approved':
      return upTo('GiveConsentToShare');
    case 'available':
      return ladder;
    case 'suspended':
      return [...upTo('ApproveFamily'), { type: 'SuspendFamily', data: { reason: 'Family asked for a break (demo)' } }];
    case 'rejected':
      return [...upTo('RecordScreening'), { type: 'RejectFamily', data: { reason: 'withdrew-interest' } }];
    default:
      return [];
  }
}
