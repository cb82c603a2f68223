import { Logger } from '@nestjs/common';
import type { RequestsTopicMessage } from '@familybank/contracts';
import { DomainError } from '@familybank/domain-core';
import type { AggregateCommand } from '@familybank/domain-workflows';
import type { CommandExecutor, CommandMeta } from '../platform/commands/command-gateway';
import { PartnerMessageDispatcher, type PartnerMessageMappers } from './partner-message-dispatcher';
import { needs, OWNER, REQUESTER } from './testing/federation-message.fixtures';
import { envelopeFrom } from './testing/partner-message-specification';

const message: RequestsTopicMessage = { type: 'RequestPublished', schemaVersion: 1, payload: { requestId: 'req-1', audience: [OWNER], needs, responseDeadline: '2026-03-20' } };
const close = (id: string): AggregateCommand => ({ aggregate: 'partner-request', id, command: { type: 'RecordPartnerRequestClosed', data: { requester: REQUESTER, requestId: id, reason: 'filled' } } });
const first: PartnerMessageMappers = { requests: () => [{ step: 'one', target: close('a') }] };
const second: PartnerMessageMappers = { requests: () => [{ step: 'two', target: close('b') }], offers: () => [{ step: 'never', target: close('c') }] };

/** A gateway that records what it is asked and refuses what `refuse` says. */
function executor(refuse: (target: AggregateCommand) => Error | undefined = () => undefined) {
  const executed: Array<{ target: AggregateCommand; meta: CommandMeta }> = [];
  const gateway: CommandExecutor = {
    async execute(target, meta) {
      executed.push({ target, meta });
      const error = refuse(target);
      if (error) throw error;
      return { streamId: target.id, revision: 0, position: 1, appended: 1 };
    },
  };
  return { gateway, executed };
}

describe('the partner-message dispatcher (transport only)', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('executes what every registered mapper of the topic returns, in the partner’s name, with ids from message, receiver and step', async () => {
    const { gateway, executed } = executor();
    const envelope = envelopeFrom(REQUESTER, 'RequestPublished', 'msg-1');
    await new PartnerMessageDispatcher(gateway, [first, second]).onRequestMessage(OWNER, envelope, message);
    expect(executed.map(({ target }) => target.id)).toEqual(['a', 'b']);
    expect(executed[0]!.meta).toMatchObject({ municipality: OWNER, actor: `partner:${REQUESTER}`, correlationId: 'msg-1' });
    const again = executor();
    await new PartnerMessageDispatcher(again.gateway, [first, second]).onRequestMessage(OWNER, envelope, message);
    expect(again.executed.map(({ meta }) => meta.commandId)).toEqual(executed.map(({ meta }) => meta.commandId));
    expect(new Set(executed.map(({ meta }) => meta.commandId)).size).toBe(2);
  });

  it('a command the aggregate refuses is not retried, and the next one still runs', async () => {
    const { gateway, executed } = executor((target) => (target.id === 'a' ? new DomainError('INBOX.CLOSED', 'conflict', 'closed') : undefined));
    await new PartnerMessageDispatcher(gateway, [first, second]).onRequestMessage(OWNER, envelopeFrom(REQUESTER, 'RequestPublished'), message);
    expect(executed.map(({ target }) => target.id)).toEqual(['a', 'b']);
  });

  it('a failure that is not a refusal (storage) stops the message, so the exchange redelivers it', async () => {
    const { gateway } = executor(() => new Error('disk full'));
    await expect(new PartnerMessageDispatcher(gateway, [first]).onRequestMessage(OWNER, envelopeFrom(REQUESTER, 'RequestPublished'), message)).rejects.toThrow('disk full');
  });
});
