import { DomainError, type Message } from '@familybank/domain-core';
import { FamilyErrors, familyDecider, familyStreamId, type FamilyCommand } from '@familybank/domain-family';
import { OfferErrors, completeOfferCommand, offerDecider, offerStreamId, type OfferCommand, type OfferEvent, type OfferLookups, type OfferState } from '@familybank/domain-offer';
import { decidePartnership, evolvePartnership, initialPartnershipState, partnershipStreamId, type PartnershipCommand } from '@familybank/domain-partnership';
import { RequestErrors, requestDecider, requestStreamId, type RequestCommand } from '@familybank/domain-request';
import type { AggregateCommand } from '@familybank/domain-workflows';
import type { EventStore } from '@familybank/event-store';
import type { Clock } from '../../infrastructure/tokens';
import { executeOnStream, type StreamAddress, type StreamDecider } from '../../shared/stream-command';
import type { CommandGateway, CommandMeta, CommandResult } from '../command-gateway';

/**
 * A command gateway for tests, on the same `executeOnStream` cycle and the real deciders; the offer's
 * handler completes a disclosure with the requester's announced key, as the real gateway must.
 * Records every call, so a test can see what a workflow asked for and as whom.
 */
export class TestCommandGateway implements CommandGateway {
  readonly calls: Array<{ target: AggregateCommand; meta: CommandMeta }> = [];

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly lookups: OfferLookups = { encryptionKeyFingerprintOf: () => undefined },
  ) {}

  async execute(target: AggregateCommand, meta: CommandMeta): Promise<CommandResult> {
    this.calls.push({ target, meta });
    switch (target.aggregate) {
      case 'family':
        return this.on(familyDecider, address<FamilyCommand>(familyStreamId(target.id), 'RegisterFamily', () => FamilyErrors.notFound(target.id)), target.command, meta, 'FAMILY');
      case 'offer':
        return this.on(this.offerHandler(), address<OfferCommand>(offerStreamId(target.id), 'MakeOffer', OfferErrors.notFound), target.command, meta, 'OFFER');
      case 'request':
        return this.on(requestDecider, address<RequestCommand>(requestStreamId(target.id), 'OpenRequest', () => RequestErrors.notFound(target.id)), target.command, meta, 'REQUEST');
      case 'partnership': {
        const own = meta.municipality;
        const decider = { decide: (c: PartnershipCommand, s: ReturnType<typeof initialPartnershipState>, context: { now: Date }) => decidePartnership(c, s, { ...context, own }), evolve: evolvePartnership, initialState: initialPartnershipState };
        const notFound = () => new DomainError('PARTNERSHIP.NOT_FOUND', 'not-found', 'No such partnership');
        return this.on(decider, address<PartnershipCommand>(partnershipStreamId(own, target.id), ['ProposePartnership', 'RecordPartnerProposal'], notFound), target.command, meta, 'PARTNERSHIP');
      }
    }
  }

  /** The offer decider behind the handler's lookups. */
  private offerHandler(): StreamDecider<OfferCommand, OfferEvent, OfferState> {
    return { ...offerDecider, decide: (command, state, context) => offerDecider.decide(completeOfferCommand(command, state, this.lookups), state, context) };
  }

  private async on<C extends Message, E extends Message, S>(decider: StreamDecider<C, E, S>, where: StreamAddress<C>, command: C, meta: CommandMeta, aggregate: string): Promise<CommandResult> {
    const result = await executeOnStream(this.store, decider, where, command, { ...meta, aggregate, schemaVersion: 1, now: this.clock() });
    return { streamId: where.streamId, ...result };
  }
}

function address<C extends Message>(streamId: string, creators: C['type'] | Array<C['type']>, notFound: () => DomainError): StreamAddress<C> {
  return { streamId, creates: (command) => ([] as string[]).concat(creators).includes(command.type), notFound };
}
