import { available } from '@familybank/domain-family/testing';
import { familyStreamId, type FamilyEvent } from '@familybank/domain-family';
import type { MakeOfferData, OfferCommand } from '@familybank/domain-offer';
import { processManagers, type AggregateCommand, type AnyProcessManager } from '@familybank/domain-workflows';
import { SqliteEventStore, type RecordedEvent } from '@familybank/event-store';
import { ProcessManagerRunner } from '../process-manager-runner';
import { WorkflowStore } from '../workflow-store';
import type { CommandExecutor } from '../../platform/commands/command-gateway';
import { TestCommandGateway } from './test-command-gateway';

/** Horsens (0265) owns the families and makes the offers; Vejle (0630) requests and announced its key. */
export const OWNER = '0265';
export const REQUESTER = '0630';
export const REQUESTER_KEY = 'SHA256:vejle-2026';
export const PERIOD = { from: '2026-04-01', to: '2026-09-30' };
/** The requester's request every offer here answers; the consumer names it as the sender of a message. */
export const FROM = { municipality: REQUESTER, requestId: 'req-1' };

/** An event store, the workflows' own store, a gateway on the real deciders and a runner over all managers. */
export class WorkflowFixture {
  readonly events = SqliteEventStore.open({ filename: ':memory:', pollIntervalMs: 20 });
  readonly workflows = new WorkflowStore(':memory:');
  now = new Date('2026-03-10T09:00:00.000Z');
  readonly clock = () => this.now;
  readonly gateway = new TestCommandGateway(this.events, this.clock, { encryptionKeyFingerprintOf: (code) => (code === REQUESTER ? REQUESTER_KEY : undefined) });
  runner = this.runnerOver(this.gateway);

  runnerOver(gateway: CommandExecutor, managers: readonly AnyProcessManager[] = processManagers): ProcessManagerRunner {
    return new ProcessManagerRunner(this.events, this.workflows, gateway, managers, this.clock, { batchSize: 50 });
  }

  /** A family approved until 2027-03-01 and available for `capacity` children, written as its recorded history. */
  async availableFamily(familyId: string, capacity = 1): Promise<void> {
    const history = available.map((event): FamilyEvent => {
      if (event.type === 'FamilyRegistered') return { ...event, data: { ...event.data, familyId } };
      return event.type === 'AvailabilityDeclared' ? { ...event, data: { ...event.data, capacity } } : event;
    });
    await this.events.appendToStream(
      familyStreamId(familyId),
      history.map((event, index) => ({ eventId: `${familyId}-${index}`, ...event, metadata: this.metadata('caseworker-1', `${familyId}-history`) })),
      { expectedRevision: 'no-stream' },
    );
  }

  /** Our caseworker offers the family for the requester's request. */
  makeOffer(offerId: string, familyId: string, children = 1): Promise<unknown> {
    const data: MakeOfferData = { offerId, requester: FROM, familyId, pseudonym: `ps-${familyId}`, partnerRequest: { status: 'open', period: PERIOD, children } };
    return this.command({ aggregate: 'offer', id: offerId, command: { type: 'MakeOffer', data } }, 'caseworker-1', `make-${offerId}`);
  }

  /** What the federation consumer records when the requester's message arrives. */
  fromRequester(offerId: string, command: OfferCommand, messageId: string): Promise<unknown> {
    return this.command({ aggregate: 'offer', id: offerId, command }, `partner:${REQUESTER}`, messageId);
  }

  command(target: AggregateCommand, actor: string, commandId: string): Promise<unknown> {
    return this.gateway.execute(target, { municipality: OWNER, actor, commandId, correlationId: `corr-${commandId}` });
  }

  async stream(streamId: string): Promise<RecordedEvent[]> {
    return this.events.readStream(streamId);
  }

  async types(streamId: string): Promise<string[]> {
    return (await this.stream(streamId)).map((event) => event.type);
  }

  metadata(actor: string, correlationId: string, municipality = OWNER) {
    return { actor, municipality, correlationId, causationId: correlationId, occurredAt: this.now.toISOString(), schemaVersion: 1 };
  }

  async close(): Promise<void> {
    this.workflows.close();
    await this.events.close();
  }
}
