import { assertNever } from '@familybank/domain-core';
import { z } from '../zod';
import { DirectoryTopic } from './directory.topic';
import { DisclosuresTopic } from './disclosures.topic';
import { OffersTopic } from './offers.topic';
import { PoolTopic } from './pool.topic';
import { RequestsTopic, type RequestsTopicMessage } from './requests.topic';
import { defineMessage, defineTopic, definitionOf, type TopicMessage } from './topic';

const typesOf = (topic: { payloads: Readonly<Record<string, Readonly<Record<number, unknown>>>> }) =>
  Object.fromEntries(Object.entries(topic.payloads).map(([type, versions]) => [type, Object.keys(versions).map(Number)]));

describe('topic modules', () => {
  // Nodes of the previous release still run: the names and versions on the wire must not change.
  it('keep every message type of the previous release at schema version 1', () => {
    expect(typesOf(RequestsTopic)).toEqual({ RequestPublished: [1], RequestClosed: [1], AcceptanceRequested: [1], OfferDeclined: [1], ProfilesViewed: [1] });
    expect(typesOf(OffersTopic)).toEqual({ OfferMade: [1], NoMatch: [1], OfferWithdrawn: [1], AssignmentConfirmed: [1], AssignmentEnded: [1] });
    expect(typesOf(DisclosuresTopic)).toEqual({ ContactDetailsDisclosed: [1] });
    expect(typesOf(PoolTopic)).toEqual({ SharedProfilePublished: [1] });
    expect(typesOf(DirectoryTopic)).toEqual({
      MunicipalityAnnounced: [1],
      PartnershipProposed: [1],
      PartnershipAccepted: [1],
      PartnershipDeclined: [1],
      PartnershipRevoked: [1],
      // Added with signing-key rotation; a node of an earlier release dead-letters them as unknown types.
      SigningKeySuccessorAnnounced: [1],
      SigningKeyRetired: [1],
    });
  });

  it('refuse a message type and version defined twice', () => {
    const Payload = z.strictObject({ id: z.string() });
    expect(() =>
      defineTopic({ kind: 'offers', key: z.string(), messages: [defineMessage('X', 1, Payload, (p) => p.id), defineMessage('X', 1, Payload, (p) => p.id)] }),
    ).toThrow('X v1 is defined twice');
  });

  describe('a topic with two versions of one type', () => {
    const Topic = defineTopic({
      kind: 'offers',
      key: z.string(),
      messages: [
        defineMessage('Thing', 1, z.strictObject({ id: z.string() }), (p) => p.id),
        defineMessage('Thing', 2, z.strictObject({ id: z.string(), size: z.number() }), (p) => p.id),
      ],
    });

    it('knows both versions, and names them when asked for another', () => {
      expect(typesOf(Topic)).toEqual({ Thing: [1, 2] });
      expect(definitionOf(Topic, 'Thing', 2)).toMatchObject({ ok: true, definition: { type: 'Thing', schemaVersion: 2 } });
      expect(definitionOf(Topic, 'Thing', 3)).toEqual({ ok: false, reason: 'unknown-version', detail: 'Thing has no schema version 3 here (known: 1, 2)' });
    });

    it('calls an unknown type unknown, also one that is a property of every object', () => {
      expect(definitionOf(Topic, 'Other', 1)).toMatchObject({ ok: false, reason: 'unknown-type' });
      expect(definitionOf(Topic, 'toString', 1)).toMatchObject({ ok: false, reason: 'unknown-type' });
    });

    it('types a message by its type and version', () => {
      const size = (message: TopicMessage<typeof Topic>) => (message.schemaVersion === 2 ? message.payload.size : 0);
      expect(size({ type: 'Thing', schemaVersion: 2, payload: { id: 'a', size: 3 } })).toBe(3);
    });
  });

  it('let a consumer switch exhaustively over a topic’s messages', () => {
    // Compiles only while every message type is handled: a new type is a compile error here first.
    const subjectOf = (message: RequestsTopicMessage): string => {
      switch (message.type) {
        case 'RequestPublished':
        case 'RequestClosed':
        case 'AcceptanceRequested':
        case 'OfferDeclined':
          return message.payload.requestId;
        case 'ProfilesViewed':
          return message.payload.owner;
        default:
          return assertNever(message);
      }
    };
    expect(subjectOf({ type: 'AcceptanceRequested', schemaVersion: 1, payload: { requestId: 'r-1', offerId: 'o-1', to: '0101', acceptanceId: 'a-1' } })).toBe('r-1');
  });
});
