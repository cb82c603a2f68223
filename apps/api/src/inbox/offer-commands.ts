import { randomUUID } from 'node:crypto';
import { OfferErrors, offerDecider, offerStreamId, type OfferCommand } from '@familybank/domain-offer';
import type { EventStore } from '@familybank/event-store';
import type { Clock } from '../infrastructure/tokens';
import { executeOnStream, type StreamCommandResult } from '../shared/stream-command';

export interface OwnerCommandContext {
  actor: string;
  commandId?: string;
  correlationId?: string;
}

const meta = (own: string, aggregate: string, clock: Clock, context: OwnerCommandContext) => {
  const commandId = context.commandId ?? randomUUID();
  return { aggregate, commandId, actor: context.actor, municipality: own, correlationId: context.correlationId ?? commandId, schemaVersion: 1, now: clock() };
};

/** Runs a command on one of `own`'s offers. */
export function executeOfferCommand(store: EventStore, clock: Clock, own: string, offerId: string, command: OfferCommand, context: OwnerCommandContext): Promise<StreamCommandResult> {
  const address = { streamId: offerStreamId(offerId), creates: (c: OfferCommand) => c.type === 'MakeOffer', notFound: () => OfferErrors.notFound() };
  return executeOnStream(store, offerDecider, address, command, meta(own, 'OFFER', clock, context));
}
