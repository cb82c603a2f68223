import { assertNever, ensure, isoDate, type DecisionContext, type IsoDate, type Message } from '@familybank/domain-core';
import { SupportErrors } from './support.errors';
import { ensureApprovedFamily, type FamilyLookup } from './support.lookups';
import { MAX_GROUP_FAMILIES, type SupervisionFormat } from './vocabulary';

/**
 * A supervision meeting, individual (one family) or group (several families of the municipality),
 * with a theme (seed 004: one theme a quarter, in group and individual supervision alike).
 *
 * Why its own aggregate (stream `supervision-meeting-<meetingId>`) and not an event on each
 * family's stream: a group meeting is one thing that several families attend. Its theme, date,
 * participants and cancellation are facts of the meeting; written on every family's stream they
 * would need one write per family with nothing to keep them consistent (a stream is the unit of
 * consistency; no transaction spans streams). The rules (only invited families' attendance, none
 * before the meeting, no cancelling a meeting that took place) need the meeting's state, not the
 * families'. Per-family views come from projections; individual meetings take the same shape so
 * that one list shows a family's supervision.
 */
export const supervisionMeetingStreamId = (meetingId: string) => `supervision-meeting-${meetingId}`;

export interface SupervisionMeetingTerms {
  meetingId: string;
  format: SupervisionFormat;
  theme: string;
  on: IsoDate;
  /** The supervisors (e.g. the family-care consultant and the institution's family consultant). */
  leaders: string[];
}

export type PlanSupervisionMeeting = Message<'PlanSupervisionMeeting', SupervisionMeetingTerms & { families: FamilyLookup[] }>;
export type RecordSupervisionAttendance = Message<'RecordSupervisionAttendance', { familyId: string; attended: boolean; note?: string }>;
export type CancelSupervisionMeeting = Message<'CancelSupervisionMeeting', { reason: string }>;
export type SupervisionMeetingCommand = PlanSupervisionMeeting | RecordSupervisionAttendance | CancelSupervisionMeeting;

export type SupervisionMeetingPlanned = Message<'SupervisionMeetingPlanned', SupervisionMeetingTerms & { familyIds: string[] }>;
export type SupervisionAttendanceRecorded = Message<'SupervisionAttendanceRecorded', { familyId: string; attended: boolean; note?: string }>;
export type SupervisionMeetingCancelled = Message<'SupervisionMeetingCancelled', { reason: string }>;
export type SupervisionMeetingEvent = SupervisionMeetingPlanned | SupervisionAttendanceRecorded | SupervisionMeetingCancelled;

export type SupervisionMeetingState =
  | { status: 'none' }
  | { status: 'planned' | 'cancelled'; on: IsoDate; familyIds: string[]; attendance: Record<string, boolean> };

export const initialSupervisionMeetingState = (): SupervisionMeetingState => ({ status: 'none' });

export function decideSupervisionMeeting(command: SupervisionMeetingCommand, state: SupervisionMeetingState, { now }: DecisionContext): SupervisionMeetingEvent[] {
  if (command.type === 'PlanSupervisionMeeting') {
    const { families, ...terms } = command.data;
    ensure(state.status === 'none', () => SupportErrors.meetingExists(terms.meetingId));
    return [{ type: 'SupervisionMeetingPlanned', data: { ...terms, familyIds: validParticipants(terms.format, families) } }];
  }
  ensure(state.status !== 'none', () => SupportErrors.meetingNotFound('(none)'));
  ensure(state.status !== 'cancelled', SupportErrors.meetingCancelled);
  switch (command.type) {
    case 'RecordSupervisionAttendance': {
      const { familyId, attended } = command.data;
      ensure(state.familyIds.includes(familyId), () => SupportErrors.notAParticipant(familyId));
      ensure(state.on <= isoDate(now), () => SupportErrors.meetingNotHeldYet(state.on));
      if (state.attendance[familyId] === attended && command.data.note === undefined) return [];
      return [{ type: 'SupervisionAttendanceRecorded', data: command.data }];
    }
    case 'CancelSupervisionMeeting':
      ensure(Object.keys(state.attendance).length === 0, SupportErrors.attendanceAlreadyRecorded);
      return [{ type: 'SupervisionMeetingCancelled', data: command.data }];
    default:
      return assertNever(command);
  }
}

/** Individual: one family; group: two or more; each once, each approved. */
function validParticipants(format: SupervisionFormat, families: FamilyLookup[]): string[] {
  const count = families.length;
  const fits = format === 'individual' ? count === 1 : count >= 2 && count <= MAX_GROUP_FAMILIES;
  ensure(fits, () => SupportErrors.wrongParticipantCount(format, count));
  const seen = new Set<string>();
  for (const family of families) {
    ensure(!seen.has(family.familyId), () => SupportErrors.duplicateFamily(family.familyId));
    seen.add(family.familyId);
    ensureApprovedFamily(family);
  }
  return [...seen];
}

export function evolveSupervisionMeeting(state: SupervisionMeetingState, event: SupervisionMeetingEvent): SupervisionMeetingState {
  switch (event.type) {
    case 'SupervisionMeetingPlanned':
      return { status: 'planned', on: event.data.on, familyIds: event.data.familyIds, attendance: {} };
    case 'SupervisionAttendanceRecorded':
      return state.status === 'none' ? state : { ...state, attendance: { ...state.attendance, [event.data.familyId]: event.data.attended } };
    case 'SupervisionMeetingCancelled':
      return state.status === 'none' ? state : { ...state, status: 'cancelled' };
    default:
      return assertNever(event);
  }
}

export const supervisionMeetingDecider = {
  decide: decideSupervisionMeeting,
  evolve: evolveSupervisionMeeting,
  initialState: initialSupervisionMeetingState,
};

