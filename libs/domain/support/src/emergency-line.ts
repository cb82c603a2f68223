import { assertNever, ensure, isoDate, type DecisionContext, type Message } from '@familybank/domain-core';
import { notInFuture } from './development-plan';
import { SupportErrors } from './support.errors';
import { ensureApprovedFamily, type FamilyStanding } from './support.lookups';
import { MAX_CALL_MINUTES, type EmergencyCallCategory } from './vocabulary';

/**
 * Calls of one family to the 24-hour emergency line (seed 004), on stream
 * `emergency-line-<familyId>`: one fact per call, with its category and duration, for the family's
 * support history and the municipality's report of calls per month.
 */
export const emergencyLineStreamId = (familyId: string) => `emergency-line-${familyId}`;

export interface EmergencyCall {
  callId: string;
  familyId: string;
  /** When the call came in (ISO timestamp): calls are often entered after the night they came. */
  receivedAt: string;
  category: EmergencyCallCategory;
  durationMinutes: number;
  /** Who answered (e.g. the on-call worker of the residential institution), when not the recording user. */
  answeredBy?: string;
  note?: string;
}

export type RecordEmergencyCall = Message<'RecordEmergencyCall', EmergencyCall & { family: FamilyStanding }>;
export type EmergencyLineCommand = RecordEmergencyCall;
export type EmergencyCallRecorded = Message<'EmergencyCallRecorded', EmergencyCall>;
export type EmergencyLineEvent = EmergencyCallRecorded;

export interface EmergencyLineState {
  /** The ids of the family's calls: a call is recorded once. */
  callIds: readonly string[];
}

export function decideEmergencyLine(command: EmergencyLineCommand, state: EmergencyLineState, { now }: DecisionContext): EmergencyLineEvent[] {
  switch (command.type) {
    case 'RecordEmergencyCall': {
      const { family, ...call } = command.data;
      ensureApprovedFamily({ familyId: call.familyId, standing: family });
      ensure(!state.callIds.includes(call.callId), () => SupportErrors.callExists(call.callId));
      ensure(Number.isInteger(call.durationMinutes) && call.durationMinutes >= 1 && call.durationMinutes <= MAX_CALL_MINUTES, () =>
        SupportErrors.callTooLong(call.durationMinutes),
      );
      notInFuture('receivedAt', isoDate(new Date(call.receivedAt)), isoDate(now));
      return [{ type: 'EmergencyCallRecorded', data: call }];
    }
    default:
      return assertNever(command.type);
  }
}

export const emergencyLineDecider = {
  decide: decideEmergencyLine,
  evolve: (state: EmergencyLineState, event: EmergencyLineEvent): EmergencyLineState => ({ callIds: [...state.callIds, event.data.callId] }),
  initialState: (): EmergencyLineState => ({ callIds: [] }),
};
