import { assertNever, type IsoDate } from '@familybank/domain-core';
import type { FamilyEvent, FamilyRegistered } from './family.events';
import type { Adult, ApprovalTerms, AvailabilityTerms, BackgroundCheckResult, ContactPerson, NetworkTie, ProfileFields, Reservation } from './family.types';
import { APPROVED_STAGES, type CheckKind, type FamilyStage } from './vocabulary';

export interface CheckState {
  adultId: string;
  kind: CheckKind;
  requestedOn: IsoDate;
  result?: BackgroundCheckResult;
  assessment?: { acceptable: boolean; assessment: string };
}

export interface RegisteredFamily extends ProfileFields {
  status: FamilyStage;
  familyId: string;
  adults: Adult[];
  checks: CheckState[];
  approval: ApprovalTerms | null;
  /** The declared availability and the day the family last declared or confirmed it. */
  availability: ConfirmedAvailability | null;
  consentToShare: boolean;
  reservations: Reservation[];
  /** Absent until one is assigned (optional, so states folded before contact persons existed stay valid). */
  contactPerson?: ContactPerson;
  /** Only for a network family; `provisionalUntil` while its approval is provisional (or lapsed before a full one). */
  network?: NetworkState;
  /** Its personal data was erased: the stream stays, nothing more is decided for it. */
  erased?: true;
}

export type NetworkState = NetworkTie & { provisionalUntil?: IsoDate };

export type ConfirmedAvailability = AvailabilityTerms & { confirmedOn: IsoDate };

export type FamilyState = { status: 'unregistered' } | RegisteredFamily;

export const initialFamilyState = (): FamilyState => ({ status: 'unregistered' });

export const checkKey = (adultId: string, kind: CheckKind): string => `${adultId}/${kind}`;

export function evolveFamily(state: FamilyState, event: FamilyEvent): FamilyState {
  if (event.type === 'FamilyRegistered') return registered(event.data);
  if (state.status === 'unregistered') return state;
  return evolveRegistered(state, event);
}

function registered(data: FamilyRegistered['data']): RegisteredFamily {
  return {
    status: 'lead',
    familyId: data.familyId,
    adults: data.adults,
    contact: data.contact,
    region: data.region,
    languages: data.languages,
    competences: data.competences,
    interestedIn: data.interestedIn,
    checks: [],
    approval: null,
    availability: null,
    consentToShare: false,
    reservations: [],
    ...(data.network && { network: data.network }),
  };
}

function evolveRegistered(state: RegisteredFamily, event: FamilyEvent): RegisteredFamily {
  switch (event.type) {
    case 'FamilyRegistered':
      return state;
    case 'FirstContactMade':
      return { ...state, status: 'contacted' };
    case 'FamilyScreened':
      return { ...state, status: 'screened' };
    case 'FamilyInterviewed':
      return { ...state, status: 'interviewed' };
    case 'BackgroundChecksRequested':
      return { ...state, status: 'background-checks', checks: withRequestedChecks(state.checks, event.data.checks, event.data.on) };
    case 'BackgroundCheckReceived':
      return { ...state, checks: updateCheck(state.checks, event.data.adultId, event.data.kind, { result: event.data, assessment: undefined }) };
    case 'BackgroundCheckRemarksAssessed': {
      const { adultId, kind, acceptable, assessment } = event.data;
      return { ...state, checks: updateCheck(state.checks, adultId, kind, { assessment: { acceptable, assessment } }) };
    }
    case 'FamilyApproved': {
      const { approvedOn: _approvedOn, ...terms } = event.data;
      // Only a provisionally approved network family is approved in an approved stage: it keeps that stage.
      const status = APPROVED_STAGES.includes(state.status) ? state.status : 'approved';
      return { ...state, status, approval: terms, ...(state.network && { network: withoutProvisional(state.network) }) };
    }
    case 'FamilyProvisionallyApproved': {
      const { approvedOn: _approvedOn, requestId: _requestId, ...terms } = event.data;
      return { ...state, status: 'approved', approval: terms, ...(state.network && { network: { ...state.network, provisionalUntil: terms.validUntil } }) };
    }
    case 'FamilyRejected':
      return { ...state, status: 'rejected' };
    case 'AvailabilityDeclared':
      return { ...state, status: 'available', availability: event.data };
    case 'AvailabilityConfirmed':
      return state.availability ? { ...state, availability: { ...state.availability, confirmedOn: event.data.confirmedOn } } : state;
    case 'AvailabilityWithdrawn':
      return { ...state, status: 'approved', availability: null };
    case 'FamilySuspended':
      return { ...state, status: 'suspended', availability: null };
    case 'FamilyReinstated':
      return { ...state, status: 'approved' };
    case 'ApprovalRenewed': {
      const { renewedOn: _renewedOn, ...terms } = event.data;
      const status = state.status === 'approval-expired' ? 'approved' : state.status;
      return { ...state, status, approval: terms };
    }
    case 'ApprovalExpired':
      return { ...state, status: 'approval-expired', availability: null };
    case 'FamilyRetired':
      return { ...state, status: 'retired', availability: null };
    case 'ConsentToShareGiven':
      return { ...state, consentToShare: true };
    case 'ConsentToShareWithdrawn':
      return { ...state, consentToShare: false };
    case 'ProfileUpdated':
      return { ...state, ...givenProfileFields(event.data) };
    case 'SupportRecorded':
      return state;
    case 'FamilyReserved':
      return { ...state, reservations: [...state.reservations, event.data] };
    case 'AssignmentEnded':
      return { ...state, reservations: state.reservations.filter((reservation) => reservation.assignmentId !== event.data.assignmentId) };
    case 'ContactPersonAssigned':
      return { ...state, contactPerson: event.data.contactPerson };
    case 'FamilyErased':
      return { ...state, erased: true, availability: null, consentToShare: false };
    default:
      return assertNever(event);
  }
}

function withoutProvisional({ provisionalUntil: _until, ...network }: NetworkState): NetworkState {
  return network;
}

const PROFILE_FIELDS = ['contact', 'region', 'languages', 'competences', 'interestedIn'] as const satisfies ReadonlyArray<keyof ProfileFields>;

/** Only the profile fields actually given: an undefined value or a foreign key never overwrites the state. */
function givenProfileFields(update: Partial<ProfileFields>): Partial<ProfileFields> {
  return Object.fromEntries(PROFILE_FIELDS.filter((field) => update[field] !== undefined).map((field) => [field, update[field]]));
}

function withRequestedChecks(checks: CheckState[], requested: Array<{ adultId: string; kind: CheckKind }>, on: IsoDate): CheckState[] {
  const byKey = new Map(checks.map((check) => [checkKey(check.adultId, check.kind), check]));
  for (const { adultId, kind } of requested) byKey.set(checkKey(adultId, kind), { adultId, kind, requestedOn: on });
  return [...byKey.values()];
}

function updateCheck(checks: CheckState[], adultId: string, kind: CheckKind, change: Partial<CheckState>): CheckState[] {
  return checks.map((check) => (check.adultId === adultId && check.kind === kind ? { ...check, ...change } : check));
}
