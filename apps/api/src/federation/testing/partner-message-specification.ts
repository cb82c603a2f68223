import { expect } from '@jest/globals';
import type { Envelope } from '@familybank/contracts';
import type { PartnerCommand, PartnerMessageMapper } from '../partner-message-dispatcher';

/** A verified envelope from `source`; the mappers read its source, message id and time, never its payload. */
export function envelopeFrom(source: string, type: string, messageId = `msg-${type}`): Envelope {
  return { messageId, type, schemaVersion: 1, occurredAt: '2026-03-09T10:00:00.000Z', source, correlationId: `corr-${messageId}`, payload: {}, signature: 'verified by the consumer' };
}

/**
 * given(own, source).when(message).then(commands) | .thenNothing(): the shape of the deciders'
 * specifications, for a pure partner message → command mapper.
 */
export function partnerMessageSpecification<Message extends { type: string }>(mapper: PartnerMessageMapper<Message> | undefined) {
  if (!mapper) throw new Error('The capability registers no mapper for this topic');
  return {
    given(own: string, source: string) {
      return {
        when(message: Message, messageId?: string) {
          const run = () => mapper(own, envelopeFrom(source, message.type, messageId), message);
          return {
            then(expected: PartnerCommand[]) {
              expect(run()).toEqual(expected);
            },
            thenNothing() {
              expect(run()).toEqual([]);
            },
          };
        },
      };
    },
  };
}
