/**
 * Network families (DESIGN §4, seed 003): a person from the child's own network (kin, friends) is
 * registered for that child's request, gets a provisional approval limited to that child once the
 * records checks allow it, with a deadline for the full assessment. At the deadline without a full
 * approval, the provisional approval lapses (the approval-expiry sweep: it is an approval valid
 * until the deadline). A network family is never shared and never placed for another request.
 */
import { ensure, isoDate, type IsoDate, type Message } from '@familybank/domain-core';
import type { FamilyEvent } from './family.events';
import { ensureChecksAllowApproval, ensureUniqueAdults, inStage } from './family.rules';
import type { RegisteredFamily } from './family.state';
import type { Adult, ApprovalTerms, FirstContact, NetworkChild, NetworkTie, ProfileFields } from './family.types';
import { NetworkFamilyErrors } from './network.errors';
import { APPROVED_STAGES, RECRUITMENT_STAGES, type ApprovingAuthority, type FamilyStage } from './vocabulary';

/** The longest a provisional approval may run: the full assessment is not to be put off indefinitely. */
export const MAX_PROVISIONAL_DAYS = 366;

/** The request a network person is registered for, as the handler looks it up among the caller's own. */
export type NetworkRequestLookup = { status: 'unknown' } | { status: 'closed'; requestStatus: string } | { status: 'open'; child: NetworkChild };

export type RegisterNetworkFamily = Message<
  'RegisterNetworkFamily',
  Pick<ProfileFields, 'contact' | 'region' | 'languages'> &
    Omit<NetworkTie, 'child'> & { familyId: string; adults: Adult[]; firstContact: FirstContact; request: NetworkRequestLookup }
>;

export interface ProvisionalApprovalTerms {
  /** The last day of the provisional approval: the full assessment is due by then. */
  deadline: IsoDate;
  authority: ApprovingAuthority;
  decisionReference?: string;
  conditions: string[];
}
export type ApproveProvisionally = Message<'ApproveProvisionally', ProvisionalApprovalTerms>;

/** An approval limited to the one child (its care type, its age, its places), valid until the deadline. */
export type FamilyProvisionallyApproved = Message<'FamilyProvisionallyApproved', ApprovalTerms & { approvedOn: IsoDate; requestId: string }>;

export function networkFamilyRegistered(data: RegisterNetworkFamily['data'], now: Date): FamilyEvent[] {
  const { request, firstContact, familyId, adults, contact, region, languages, requestId, relation, relationNote, personId } = data;
  if (request.status === 'unknown') throw NetworkFamilyErrors.requestNotFound(requestId);
  if (request.status === 'closed') throw NetworkFamilyErrors.requestNotOpen(requestId, request.requestStatus);
  ensureUniqueAdults(adults);
  const network: NetworkTie = { requestId, relation, ...(relationNote !== undefined && { relationNote }), ...(personId !== undefined && { personId }), child: request.child };
  const registration = { familyId, sourceChannel: 'child-network' as const, adults, contact, region, languages, competences: [], interestedIn: [request.child.careType], network };
  // The caseworker met the person while exploring the child's network: the first contact is made.
  return [
    { type: 'FamilyRegistered', data: { ...registration, registeredAt: now.toISOString() } },
    { type: 'FirstContactMade', data: firstContact },
  ];
}

export function provisionallyApproved(family: RegisteredFamily, terms: ProvisionalApprovalTerms, today: IsoDate): FamilyEvent[] {
  const network = family.network;
  ensure(network !== undefined, NetworkFamilyErrors.notNetworkFamily);
  inStage(family, 'provisionally approve', ['background-checks']);
  // The records checks apply before any approval, provisional or not.
  ensureChecksAllowApproval(family);
  ensure(terms.deadline > today, () => NetworkFamilyErrors.deadlineNotAhead(terms.deadline, today));
  const latest = addDays(today, MAX_PROVISIONAL_DAYS);
  ensure(terms.deadline <= latest, () => NetworkFamilyErrors.deadlineTooLate(terms.deadline, latest));
  const { child } = network;
  const approval: ApprovalTerms = {
    careTypes: [child.careType],
    capacity: child.places,
    ageRange: { min: child.age, max: child.age },
    validUntil: terms.deadline,
    conditions: terms.conditions,
    authority: terms.authority,
    ...(terms.decisionReference !== undefined && { decisionReference: terms.decisionReference }),
  };
  return [{ type: 'FamilyProvisionallyApproved', data: { ...approval, approvedOn: today, requestId: network.requestId } }];
}

/** A network family's checks may be asked for as soon as it is registered: the provisional approval waits for them. */
export const checkStagesOf = (family: RegisteredFamily): readonly FamilyStage[] => (family.network ? RECRUITMENT_STAGES : ['interviewed', 'background-checks']);

/** A provisional approval (current or lapsed) may become a full one; otherwise approval follows the checks. */
export const approvalStagesOf = (family: RegisteredFamily): readonly FamilyStage[] =>
  family.network?.provisionalUntil !== undefined ? ['background-checks', ...APPROVED_STAGES, 'approval-expired'] : ['background-checks'];

export function ensureNotProvisional(family: RegisteredFamily): void {
  const deadline = family.network?.provisionalUntil;
  ensure(deadline === undefined, () => NetworkFamilyErrors.provisionalNotRenewed(deadline!));
}

export function ensureShareable(family: RegisteredFamily): void {
  ensure(family.network === undefined, NetworkFamilyErrors.neverShared);
}

export function ensureReservableFor(family: RegisteredFamily, requestId: string): void {
  const network = family.network;
  ensure(network === undefined || network.requestId === requestId, () => NetworkFamilyErrors.otherRequest(requestId, network!.requestId));
}

const addDays = (day: IsoDate, days: number): IsoDate => isoDate(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
