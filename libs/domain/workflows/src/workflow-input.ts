import type { Message } from '@familybank/domain-core';
import { familyStreamId, type FamilyEvent } from '@familybank/domain-family';
import { offerStreamId, type OfferEvent } from '@familybank/domain-offer';
import { requestStreamId, type RequestEvent } from '@familybank/domain-request';
import type { AggregateCommand } from './aggregate-command';
import { PARTNER_REQUEST_STREAM_PREFIX, type PartnerRequestEvent } from './partner-request.events';

/** One of our own recorded events, in the shape the event log gives it, without any framework type. */
export interface RawFact {
  eventId: string;
  streamId: string;
  type: string;
  data: unknown;
  /** The municipality that owns the stream. */
  municipality: string;
  occurredAt: string;
}

/** A recorded event of one kind of stream, typed by that stream's events; `aggregateId` is the stream id without its prefix. */
export type FactOf<Aggregate extends string, Event extends Message> = Event extends Message
  ? Event & { kind: 'event'; aggregate: Aggregate; aggregateId: string; eventId: string; streamId: string; municipality: string; occurredAt: string }
  : never;

export type FamilyFact = FactOf<'family', FamilyEvent>;
export type OfferFact = FactOf<'offer', OfferEvent>;
export type RequestFact = FactOf<'request', RequestEvent>;
export type PartnerRequestFact = FactOf<'partner-request', PartnerRequestEvent>;
export type RecordedFact = FamilyFact | OfferFact | RequestFact | PartnerRequestFact;

/** The gateway refused a command this manager emitted; the runner hands the refusal back to the same instance. */
export interface CommandRefused {
  kind: 'refused';
  command: AggregateCommand;
  code: string;
  message: string;
}

/** Time passed: reaches every instance of a manager that handles ticks (sweeps). */
export interface Tick {
  kind: 'tick';
  now: Date;
}

export type WorkflowInput = RecordedFact | CommandRefused | Tick;

const STREAM_PREFIXES: ReadonlyArray<readonly [RecordedFact['aggregate'], string]> = [
  ['family', familyStreamId('')],
  ['offer', offerStreamId('')],
  ['request', requestStreamId('')],
  ['partner-request', PARTNER_REQUEST_STREAM_PREFIX],
];

/**
 * Types a recorded event by its stream, or undefined for streams no workflow reads. The event log is
 * our own and written only through the deciders, so an event of a known stream has that stream's shape.
 */
export function recordedFact(raw: RawFact): RecordedFact | undefined {
  const known = STREAM_PREFIXES.find(([, prefix]) => raw.streamId.startsWith(prefix));
  if (!known) return undefined;
  const [aggregate, prefix] = known;
  return { ...raw, kind: 'event', aggregate, aggregateId: raw.streamId.slice(prefix.length) } as RecordedFact;
}

export const isFact = (input: WorkflowInput): input is RecordedFact => input.kind === 'event';
