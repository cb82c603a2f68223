import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@familybank/event-store';
import { InProcessExchange, MessageContractError, topics } from '@familybank/exchange';
import { ALL_PROJECTIONS, DocumentStore, ProjectionRunner } from '@familybank/read-models';
import { MunicipalityIdentities } from './municipality-identities';
import { OutboxRelay } from './outbox-relay';
import { RelayStore } from './relay-store';
import { PoolPublication } from '../pool';
import { RequestMessages } from '../requests';
import { CASE_REFERENCE, needs, OWNER, recorded, REQUESTER } from './testing/federation-message.fixtures';

/** The relay publishes nothing it would not accept itself: a sender's bug stops at the sender. */
describe('OutboxRelay', () => {
  let dir: string;
  let events: EventStore;
  let documents: DocumentStore;
  let exchange: InProcessExchange;
  let relay: OutboxRelay;
  let relayStore: RelayStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-relay-'));
    events = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    documents = new DocumentStore(join(dir, 'read.sqlite'), { synchronous: 'NORMAL' });
    exchange = InProcessExchange.open({ filename: ':memory:' });
    const clock = () => new Date('2026-03-10T09:00:00.000Z');
    const requestMessages = new RequestMessages(documents, () => undefined);
    relayStore = new RelayStore(join(dir, 'outbox.sqlite'));
    const identities = new MunicipalityIdentities(dir);
    relay = new OutboxRelay(events, relayStore, new ProjectionRunner(events, documents, ALL_PROJECTIONS), exchange, identities, clock, () => 'Vejle', [requestMessages], new PoolPublication(documents, identities, relayStore));
  });
  afterEach(async () => {
    await exchange.close();
    await events.close();
    documents.close();
    relayStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Appends the request's events as a buggy command handler might have recorded them. */
  async function requestShared(childAge: number): Promise<void> {
    const opened = recorded('request-req-1', REQUESTER, { type: 'RequestOpened', data: { requestId: 'req-1', caseReference: CASE_REFERENCE, needs: { ...needs, childAge }, responseDeadline: '2026-03-20' } });
    const shared = recorded('request-req-1', REQUESTER, { type: 'RequestShared', data: { partners: [OWNER] } });
    const toAppend = [opened, shared].map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata }));
    await events.appendToStream('request-req-1', toAppend, { expectedRevision: 'no-stream' });
  }

  const published = () => exchange.read(topics.requests(REQUESTER));

  it('publishes a shared request on the requester’s requests topic and moves its checkpoint', async () => {
    await requestShared(9);
    await relay.run();
    expect(published().map((message) => JSON.parse(message.value!).type)).toEqual(['RequestPublished']);
    expect(relay.position()).toBe(await events.lastPosition());
  });

  it('stops at a message that breaks its contract: nothing is published, the checkpoint stays and /ready says why', async () => {
    await requestShared(19);
    await expect(relay.run()).rejects.toThrow(MessageContractError);
    expect(published()).toEqual([]);
    expect(relay.position()).toBe(0);
    relay.nudge();
    await relay.run().catch(() => undefined);
    expect(await relay.status()).toEqual({ status: 'degraded', detail: expect.stringMatching(/RequestPublished .*needs\.childAge.*2 events waiting/) });
  });
});
