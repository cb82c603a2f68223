/**
 * The network map of a request (seed 003: the child's network is mapped first, with a genogram):
 * who of the child's network was explored, how they are related, what came of the contact and why,
 * and when. It names third parties, so it never leaves the municipality: no message carries it.
 * One entry per person, updated in place (same personId); a person registered as a network family
 * (recorded by the network-family workflow) stays so.
 */
import { ensure, type IsoDate } from '@familybank/domain-core';
import type { NetworkRelation } from '@familybank/domain-family';
import { RequestErrors } from './request.errors';

export const NETWORK_CONTACT_OUTCOMES = ['not-contacted', 'declined', 'not-suitable', 'assessed', 'registered-as-network-family'] as const;
export type NetworkContactOutcome = (typeof NETWORK_CONTACT_OUTCOMES)[number];
/** Outcomes that need a reason: why the person said no, or why they do not fit. */
export const OUTCOMES_WITH_REASON: readonly NetworkContactOutcome[] = ['declined', 'not-suitable'];
export const MAX_NETWORK_PERSONS = 100;

export interface NetworkPerson {
  personId: string;
  name: string;
  relation: NetworkRelation;
  outcome: NetworkContactOutcome;
  reason?: string;
  /** The day of the contact (or of the decision not to contact). */
  on: IsoDate;
  /** With outcome registered-as-network-family: the family registered for this request. */
  familyId?: string;
}

/** The events a RecordNetworkPerson gives on the map as it is: none when nothing changes. */
export function networkPersonRecorded(map: readonly NetworkPerson[], person: NetworkPerson, today: IsoDate): NetworkPerson[] {
  const { personId, outcome, familyId, reason, on } = person;
  ensure(on <= today, () => RequestErrors.networkDateInFuture(on, today));
  ensure(!OUTCOMES_WITH_REASON.includes(outcome) || (reason?.trim() ?? '') !== '', () => RequestErrors.networkReasonRequired(outcome));
  ensure(outcome !== 'registered-as-network-family' || familyId !== undefined, RequestErrors.networkFamilyRequired);
  ensure(outcome === 'registered-as-network-family' || familyId === undefined, RequestErrors.networkFamilyUnexpected);
  const known = map.find((entry) => entry.personId === personId);
  ensure(known?.familyId === undefined || known.familyId === familyId, () => RequestErrors.networkPersonRegistered(personId, known!.familyId!));
  ensure(known !== undefined || map.length < MAX_NETWORK_PERSONS, () => RequestErrors.networkMapFull(MAX_NETWORK_PERSONS));
  return known && samePerson(known, person) ? [] : [person];
}

/** Replaces the person with the same id in place, or appends a new one. */
export function withNetworkPerson(map: readonly NetworkPerson[], person: NetworkPerson): NetworkPerson[] {
  return map.some((entry) => entry.personId === person.personId) ? map.map((entry) => (entry.personId === person.personId ? person : entry)) : [...map, person];
}

const FIELDS = ['name', 'relation', 'outcome', 'reason', 'on', 'familyId'] as const;
const samePerson = (a: NetworkPerson, b: NetworkPerson) => FIELDS.every((field) => a[field] === b[field]);
