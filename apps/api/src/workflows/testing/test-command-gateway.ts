import type { OfferLookups } from '@familybank/domain-offer';
import type { AggregateCommand } from '@familybank/domain-workflows';
import type { EventStore } from '@familybank/event-store';
import { aggregateRegistry } from '../../platform/commands/aggregate-registry';
import { CommandGateway, type CommandMeta, type CommandResult } from '../../platform/commands/command-gateway';
import type { Clock } from '../../platform/tokens';

/** The real command gateway, recording every call, so a test can see what a workflow asked for and as whom. */
export class TestCommandGateway extends CommandGateway {
  readonly calls: Array<{ target: AggregateCommand; meta: CommandMeta }> = [];

  constructor(store: EventStore, clock: Clock, lookups?: OfferLookups) {
    super(store, clock, aggregateRegistry(lookups));
  }

  override execute(target: AggregateCommand, meta: CommandMeta): Promise<CommandResult> {
    this.calls.push({ target, meta });
    return super.execute(target, meta);
  }
}
