import { randomUUID } from 'node:crypto';
import type { ChildNeeds, SharedProfile } from '@familybank/contracts';
import type { RecordedEvent } from '@familybank/event-store';
import { generateEncryptionKeys, openSealedBox, type SealedBox } from '@familybank/exchange';
import type { OfferDocument, RequestDocument } from '@familybank/read-models';

/** Vejle (0630) asks; Horsens (0265) owns the family; København (0101) is a third partner. */
export const REQUESTER = '0630';
export const OWNER = '0265';
export const OTHER = '0101';
export const PSEUDONYM = 'Vx3kQ9aPz_Lm2Rt8Yw4NcB';
export const ACTOR = 'anna.caseworker@vejle';

/** The requester's X25519 keys: what the owner seals the contact details to. */
export const requesterKeys = generateEncryptionKeys();
export const ownerKeys = generateEncryptionKeys();

let position = 0;
/** An event as the store hands it to the relay, written by `municipality`. */
export function recorded<Event extends { type: string; data: unknown }>(streamId: string, municipality: string, event: Event): RecordedEvent & Event {
  position += 1;
  return {
    eventId: randomUUID(),
    ...event,
    metadata: { actor: ACTOR, municipality, correlationId: 'corr-1', causationId: 'cmd-1', occurredAt: '2026-03-10T09:00:00.000Z', schemaVersion: 1 },
    streamId,
    revision: position,
    position,
    recordedAt: '2026-03-10T09:00:00.000Z',
  };
}

export const needs: ChildNeeds = {
  careType: 'respite',
  childAge: 9,
  siblings: 1,
  requiredCompetences: ['adhd'],
  wishedCompetences: ['trauma'],
  languages: ['da'],
  schedule: { patterns: ['weekends'], period: { from: '2026-04-01', to: '2026-09-30' } },
  region: 'DK-83',
  networkExplored: true,
  networkCandidates: [],
  startDate: '2026-04-01',
};

export const CASE_REFERENCE = 'VEJ-2026-0042';

/** The requester's request after it was shared with 0265 and 0101, with one offer from each. */
export const request: RequestDocument = {
  requestId: 'req-1',
  municipality: REQUESTER,
  caseReference: CASE_REFERENCE,
  needs,
  responseDeadline: '2026-03-20',
  status: 'open',
  openedAt: '2026-03-10T09:00:00.000Z',
  sharedWith: [OWNER, OTHER],
  answeredBy: [OWNER],
  // A third party of the child's network on the map: nothing of it may ever be published.
  network: { explored: true, persons: [{ personId: 'p-1', name: 'Inge Mortensen', relation: 'grandparent', outcome: 'declined', reason: 'Ill since May', on: '2026-03-05' }] },
  offers: [
    { offerId: 'offer-1', partner: OWNER, pseudonym: PSEUDONYM, status: 'received' },
    { offerId: 'offer-2', partner: OTHER, pseudonym: 'Kd8sLp2Qx_Zr5Tn1Vb7MwA', status: 'received' },
  ],
  recruitmentStarted: false,
  introductionVisits: [],
  revision: 4,
};

/** The owner's offer of its family for req-1. */
export const offer: OfferDocument = {
  offerId: 'offer-1',
  requester: REQUESTER,
  requestId: 'req-1',
  familyId: 'fam-7',
  pseudonym: PSEUDONYM,
  period: { from: '2026-04-01', to: '2026-09-30' },
  children: 2,
  status: 'confirmed',
  madeAt: '2026-03-11T10:00:00.000Z',
  assignmentId: 'as-offer-1',
  disclosedTo: [],
  revision: 3,
};

export const familyContact = {
  contact: { street: 'Søndergade 1', postalCode: '7100', city: 'Vejle', phone: '+45 12345678', email: 'mette@example.dk' },
  householdName: 'Mette and Lars Hansen',
};

export const sharedProfile: SharedProfile = {
  pseudonym: PSEUDONYM,
  municipality: OWNER,
  region: 'DK-82',
  careTypes: ['respite'],
  freeCapacity: 1,
  ageRange: { min: 4, max: 12 },
  competences: ['adhd'],
  languages: ['da'],
  availability: { weeks: [{ from: '2026-W14', to: '2026-W39' }], patterns: ['weekends'] },
  availabilityConfirmed: '2026-03',
  approvalValidUntil: '2027-02',
  experience: '1-3-years',
  version: 12,
};

/** Opens a sealed box as its recipient would, or throws. */
export function openAs(privateKey: string, sealed: SealedBox, associatedData: string): unknown {
  return JSON.parse(openSealedBox(sealed, privateKey, associatedData).toString('utf8'));
}

export const longReason = 'x'.repeat(250);
