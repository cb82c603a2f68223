import { randomUUID } from 'node:crypto';
import { DomainError } from '@familybank/domain-core';
import {
  decidePartnership,
  evolvePartnership,
  initialPartnershipState,
  partnershipStreamId,
  type PartnershipCommand,
  type PartnershipEvent,
  type PartnershipState,
} from '@familybank/domain-partnership';
import type { EventStore } from '@familybank/event-store';
import type { Clock } from '../infrastructure/tokens';
import { executeOnStream, type StreamCommandResult } from '../shared/stream-command';

export const PARTNERSHIP_EVENT_SCHEMA_VERSION = 1;

export interface PartnershipCommandContext {
  actor: string;
  commandId?: string;
  correlationId?: string;
}

/** Runs a partnership command on `own`'s view of its partnership with `partner`. */
export async function executePartnershipCommand(
  store: EventStore,
  clock: Clock,
  own: string,
  partner: string,
  command: PartnershipCommand,
  context: PartnershipCommandContext,
): Promise<StreamCommandResult> {
  const decider = {
    decide: (c: PartnershipCommand, state: PartnershipState, ctx: { now: Date }) => decidePartnership(c, state, { ...ctx, own }),
    evolve: evolvePartnership,
    initialState: initialPartnershipState,
  };
  const address = {
    streamId: partnershipStreamId(own, partner),
    creates: (candidate: PartnershipCommand) => candidate.type === 'ProposePartnership' || candidate.type === 'RecordPartnerProposal',
    notFound: () => new DomainError('PARTNERSHIP.NOT_FOUND', 'not-found', `No partnership between ${own} and ${partner}`, { partner }),
  };
  const commandId = context.commandId ?? randomUUID();
  return executeOnStream<PartnershipCommand, PartnershipEvent, PartnershipState>(store, decider, address, command, {
    aggregate: 'PARTNERSHIP',
    commandId,
    actor: context.actor,
    municipality: own,
    correlationId: context.correlationId ?? commandId,
    schemaVersion: PARTNERSHIP_EVENT_SCHEMA_VERSION,
    now: clock(),
  });
}
