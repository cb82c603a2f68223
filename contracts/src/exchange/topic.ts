import type { z } from '../zod';

/** The kinds of topic on the exchange: the shared directory and each municipality's four outbound topics. */
export type TopicKind = 'directory' | 'pool' | 'requests' | 'offers' | 'disclosures';

/**
 * One version of one message type on a topic: the envelope's `type` and `schemaVersion` select
 * `payload`. The key is derived from the payload, so a message can never travel under the key of
 * another request, family or assignment.
 */
export interface MessageDefinition<Type extends string = string, Version extends number = number, Payload extends z.ZodType = z.ZodType> {
  readonly type: Type;
  readonly schemaVersion: Version;
  readonly payload: Payload;
  // A method, not a property, so that a definition with a narrower payload is still a MessageDefinition.
  key(payload: z.output<Payload>): string;
}

export function defineMessage<const Type extends string, const Version extends number, Payload extends z.ZodType>(
  type: Type,
  schemaVersion: Version,
  payload: Payload,
  key: (payload: z.output<Payload>) => string,
): MessageDefinition<Type, Version, Payload> {
  return { type, schemaVersion, payload, key };
}

/** What an untyped envelope decoder needs: the payload schema per message type and schema version. */
export type PayloadRegistry = Readonly<Record<string, Readonly<Record<number, z.ZodType>>>>;

export interface TopicModule<Kind extends TopicKind = TopicKind, Definition extends MessageDefinition = MessageDefinition> {
  readonly kind: Kind;
  /** What the exchange key of a message on this topic is (e.g. a request id), for documentation and checks. */
  readonly key: z.ZodType<string>;
  readonly messages: readonly Definition[];
  readonly payloads: PayloadRegistry;
}

/** The message a definition describes, as a consumer receives it (defaults applied). */
export type MessageOf<D> = D extends MessageDefinition<infer Type, infer Version, infer Payload> ? { type: Type; schemaVersion: Version; payload: z.output<Payload> } : never;
/** The message a definition describes, as a sender writes it (before defaults). */
export type MessageInputOf<D> = D extends MessageDefinition<infer Type, infer Version, infer Payload> ? { type: Type; schemaVersion: Version; payload: z.input<Payload> } : never;

/** The discriminated union of every message (type and version) of a topic. */
export type TopicMessage<Topic extends TopicModule> = MessageOf<Topic['messages'][number]>;
export type TopicMessageInput<Topic extends TopicModule> = MessageInputOf<Topic['messages'][number]>;

/**
 * A topic's contract: its key and every message type and version it carries. A (type, version)
 * pair may be defined once; a new version of a type is a new definition beside the old one, so
 * nodes of the previous release keep understanding what they understood.
 */
export function defineTopic<const Kind extends TopicKind, const Definitions extends readonly MessageDefinition[]>(spec: {
  kind: Kind;
  key: z.ZodType<string>;
  messages: Definitions;
}): TopicModule<Kind, Definitions[number]> {
  const payloads: Record<string, Record<number, z.ZodType>> = {};
  for (const definition of spec.messages) {
    const versions = (payloads[definition.type] ??= {});
    if (versions[definition.schemaVersion]) throw new Error(`${spec.kind}: ${definition.type} v${definition.schemaVersion} is defined twice`);
    versions[definition.schemaVersion] = definition.payload;
  }
  return { kind: spec.kind, key: spec.key, messages: spec.messages, payloads };
}

/** The definition of (type, schemaVersion) on a topic, or why there is none. */
export function definitionOf<Topic extends TopicModule>(
  topic: Topic,
  type: string,
  schemaVersion: number,
): { ok: true; definition: Topic['messages'][number] } | { ok: false; reason: 'unknown-type' | 'unknown-version'; detail: string } {
  const versions = topic.messages.filter((definition) => definition.type === type);
  if (versions.length === 0) return { ok: false, reason: 'unknown-type', detail: `Unknown message type ${type}` };
  const definition = versions.find((candidate) => candidate.schemaVersion === schemaVersion);
  if (!definition) {
    const known = versions.map((candidate) => candidate.schemaVersion).join(', ');
    return { ok: false, reason: 'unknown-version', detail: `${type} has no schema version ${schemaVersion} here (known: ${known})` };
  }
  return { ok: true, definition };
}
