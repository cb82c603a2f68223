import {
  ApprovalTerms,
  AssessRemarksBody,
  ConsentBody,
  DeclareAvailabilityBody,
  EmptyBody,
  OptionalReasonBody,
  ProvisionalApprovalBody,
  RecordBackgroundCheckResultBody,
  RecordFirstContactBody,
  RecordInterviewBody,
  RecordScreeningBody,
  RejectFamilyBody,
  RequestBackgroundChecksBody,
} from '@familybank/contracts';
import { APPROVING_AUTHORITIES, AVAILABILITY_PATTERNS, CARE_TYPES, CHECK_KINDS, CHECK_OUTCOMES, CONTACT_CHANNELS, REJECTION_REASONS, REMARK_CATEGORIES } from '@familybank/domain-family';
import type { Schemas } from '@familybank/api-client';
import type { ZodType } from 'zod';
import type { FieldSpec, FormValues } from '../../forms/form-model';
import { inDays, inMonths, today } from '../../forms/vocabulary';

export type Family = Schemas['FamilyDetail'];

/** One recorded step of a family's life, as a form: the API path, the contract's schema and the controls. */
export interface FamilyStep {
  id: string;
  path: string;
  schema: ZodType;
  approverOnly?: boolean;
  fields(family: Family): FieldSpec[];
  initial?(family: Family): FormValues;
  finalize?(body: Record<string, unknown>): Record<string, unknown>;
  /** Tells repeated uses of the step apart (each background check gets a fresh form). */
  instance?(family: Family): string;
}

const adultOptions = (family: Family) => ({
  options: family.adults.map((adult) => adult.adultId),
  optionText: Object.fromEntries(family.adults.map((adult) => [adult.adultId, adult.fullName])),
});

const onToday = () => ({ on: today() });

export const STEPS = {
  firstContact: {
    id: 'firstContact',
    path: '/first-contact',
    schema: RecordFirstContactBody,
    fields: () => [
      { name: 'on', kind: 'date' },
      { name: 'channel', kind: 'select', options: CONTACT_CHANNELS, optionLabels: 'vocab.contactChannel' },
      { name: 'summary', kind: 'textarea' },
    ],
    initial: () => ({ on: today(), channel: 'phone' }),
  },
  screening: { id: 'screening', path: '/screening', schema: RecordScreeningBody, fields: () => [{ name: 'on', kind: 'date' }, { name: 'notes', kind: 'textarea' }], initial: onToday },
  interview: {
    id: 'interview',
    path: '/interview',
    schema: RecordInterviewBody,
    fields: () => [
      { name: 'on', kind: 'date' },
      { name: 'interviewers', kind: 'lines', description: 'fields.onePerLine' },
      { name: 'notes', kind: 'textarea' },
    ],
    initial: onToday,
  },
  checksRequest: { id: 'checksRequest', path: '/background-checks/requests', schema: RequestBackgroundChecksBody, fields: () => [{ name: 'on', kind: 'date' }], initial: onToday },
  checkResult: {
    id: 'checkResult',
    path: '/background-checks/results',
    schema: RecordBackgroundCheckResultBody,
    fields: (family) => [
      { name: 'adultId', kind: 'select', ...adultOptions(family) },
      { name: 'kind', kind: 'select', options: CHECK_KINDS, optionLabels: 'vocab.checkKind' },
      { name: 'outcome', kind: 'select', options: CHECK_OUTCOMES, optionLabels: 'vocab.checkOutcome' },
      { name: 'remarkCategory', kind: 'select', options: REMARK_CATEGORIES, optionLabels: 'vocab.remarkCategory' },
      { name: 'receivedOn', kind: 'date' },
    ],
    // The first check still waiting for its result.
    initial: (family) => {
      const pending = family.checks.find((check) => !check.outcome);
      return { adultId: pending?.adultId ?? '', kind: pending?.kind ?? '', outcome: 'clear', receivedOn: today() };
    },
    instance: (family) => String(family.checks.filter((check) => check.outcome).length),
  },
  assessRemarks: {
    id: 'assessRemarks',
    path: '/background-checks/assessments',
    schema: AssessRemarksBody,
    approverOnly: true,
    fields: (family) => [
      { name: 'adultId', kind: 'select', ...adultOptions(family) },
      { name: 'kind', kind: 'select', options: CHECK_KINDS, optionLabels: 'vocab.checkKind' },
      { name: 'acceptable', kind: 'boolean' },
      { name: 'assessment', kind: 'textarea' },
    ],
  },
  approve: {
    id: 'approve',
    path: '/approval',
    schema: ApprovalTerms,
    approverOnly: true,
    fields: () => [
      { name: 'careTypes', kind: 'multi', options: CARE_TYPES, optionLabels: 'vocab.careType' },
      { name: 'capacity', kind: 'number' },
      { name: 'ageRange.min', kind: 'number' },
      { name: 'ageRange.max', kind: 'number' },
      { name: 'validUntil', kind: 'date' },
      { name: 'authority', kind: 'select', options: APPROVING_AUTHORITIES, optionLabels: 'vocab.authority' },
      { name: 'decisionReference', kind: 'text' },
      { name: 'conditions', kind: 'lines', description: 'fields.onePerLine' },
    ],
    initial: (family) => ({ careTypes: family.interestedIn, capacity: '1', 'ageRange.min': '0', 'ageRange.max': '17', validUntil: inMonths(24), authority: 'municipality' }),
  },
  reject: {
    id: 'reject',
    path: '/rejection',
    schema: RejectFamilyBody,
    approverOnly: true,
    fields: () => [
      { name: 'reason', kind: 'select', options: REJECTION_REASONS, optionLabels: 'vocab.rejectionReason' },
      { name: 'note', kind: 'textarea' },
    ],
  },
  provisionalApproval: {
    id: 'provisionalApproval',
    path: '/provisional-approval',
    schema: ProvisionalApprovalBody,
    approverOnly: true,
    fields: () => [
      { name: 'deadline', kind: 'date' },
      { name: 'authority', kind: 'select', options: APPROVING_AUTHORITIES, optionLabels: 'vocab.authority' },
      { name: 'decisionReference', kind: 'text' },
      { name: 'conditions', kind: 'lines', description: 'fields.onePerLine' },
    ],
    // The API's default deadline is 90 days ahead; shown, so the caseworker sees what will be recorded.
    initial: () => ({ deadline: inDays(90), authority: 'municipality' }),
  },
  consent: { id: 'consent', path: '/consent', schema: ConsentBody, fields: () => [{ name: 'on', kind: 'date' }], initial: onToday },
  availability: {
    id: 'availability',
    path: '/availability',
    schema: DeclareAvailabilityBody,
    fields: (family) => [
      { name: 'careTypes', kind: 'multi', options: family.approval?.careTypes ?? CARE_TYPES, optionLabels: 'vocab.careType' },
      { name: 'capacity', kind: 'number' },
      { name: 'periods.0.from', kind: 'date', label: 'fields.periodFrom' },
      { name: 'periods.0.to', kind: 'date', label: 'fields.periodTo' },
      { name: 'patterns', kind: 'multi', options: AVAILABILITY_PATTERNS, optionLabels: 'vocab.pattern' },
    ],
    initial: (family) => ({ careTypes: family.approval?.careTypes ?? [], capacity: String(family.approval?.capacity ?? 1), 'periods.0.from': today(), 'periods.0.to': inMonths(6) }),
    // The period is optional: both dates empty means "no dated period".
    finalize: (body) => {
      const periods = (body['periods'] as Array<{ from?: string; to?: string }> | undefined)?.filter((period) => period.from || period.to);
      return { ...body, periods: periods ?? [] };
    },
  },
  confirmAvailability: { id: 'confirmAvailability', path: '/availability/confirmation', schema: EmptyBody, fields: () => [] },
  withdrawAvailability: { id: 'withdrawAvailability', path: '/availability/withdrawal', schema: OptionalReasonBody, fields: () => [{ name: 'reason', kind: 'text' }] },
} satisfies Record<string, FamilyStep>;

export type StepId = keyof typeof STEPS;

/**
 * A network family (seed 003) is contacted when registered and goes straight to its records checks;
 * it is approved provisionally for its one child and never shared, so it gives no consent.
 */
function nextNetworkStep(family: Family): FamilyStep | undefined {
  if (family.stage === 'contacted') return STEPS.checksRequest;
  if (family.stage === 'background-checks') {
    const checked = nextStep({ ...family, network: undefined });
    return checked === STEPS.approve && family.network?.status === 'registered' ? STEPS.provisionalApproval : checked;
  }
  if (family.stage === 'approved') return STEPS.availability;
  if (family.stage === 'available') return undefined;
  return nextStep({ ...family, network: undefined });
}

/** The one step that moves the family on from where it is; undefined when nothing is due. */
export function nextStep(family: Family): FamilyStep | undefined {
  if (family.network) return nextNetworkStep(family);
  switch (family.stage) {
    case 'lead':
      return STEPS.firstContact;
    case 'contacted':
      return STEPS.screening;
    case 'screened':
      return STEPS.interview;
    case 'interviewed':
      return STEPS.checksRequest;
    case 'background-checks': {
      if (family.checks.length === 0) return STEPS.checksRequest;
      if (family.checks.some((check) => !check.outcome)) return STEPS.checkResult;
      if (family.checks.some((check) => check.outcome === 'remarks' && !check.assessment)) return STEPS.assessRemarks;
      return STEPS.approve;
    }
    case 'approved':
      return family.consentToShare ? STEPS.availability : STEPS.consent;
    case 'available':
      return family.consentToShare ? undefined : STEPS.consent;
    default:
      return undefined;
  }
}

/** Every step that applies now, the next one first: the family page offers them all. */
export function applicableSteps(family: Family): FamilyStep[] {
  // Nothing more can be recorded for an erased family: the API refuses it (FAMILY.ERASED).
  if (family.erased) return [];
  const steps: FamilyStep[] = [];
  const next = nextStep(family);
  if (next) steps.push(next);
  const recruiting = ['lead', 'contacted', 'screened', 'interviewed', 'background-checks'].includes(family.stage);
  if (recruiting) steps.push(STEPS.reject);
  // A provisionally approved network family still gets its full assessment by the deadline.
  if (family.network?.status === 'provisionally-approved') steps.push(STEPS.approve);
  if (family.stage === 'available') steps.push(STEPS.availability, STEPS.confirmAvailability, STEPS.withdrawAvailability);
  return steps.filter((step, index) => steps.indexOf(step) === index);
}
