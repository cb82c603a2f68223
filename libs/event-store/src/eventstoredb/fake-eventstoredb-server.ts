import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type EventStoreDBClient,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';

/**
 * Test double of an EventStoreDB node, as far as the adapter uses it, so the adapter can run the
 * contract suite where no server is available. It models what the adapter depends on: log
 * positions (commit = prepare = record offset), system records interleaved in $all, inclusive
 * $all reads but exclusive subscriptions, and the server's idempotency rules, which recognise a
 * retry only at its original expected revision (or, for `any`, by the first event's id).
 */
export class FakeEventStoreDbServer {
  private readonly log: AllStreamResolvedEvent[] = [];
  private readonly streams = new Map<string, AllStreamResolvedEvent[]>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private nextPosition = 0n;
  private outage: Error | undefined;

  constructor() {
    this.record('$settings', '$settings', {});
  }

  /** Until called again without an error, every append and read fails with it (a client error such as UnavailableError). */
  failWith(error: Error | undefined): void {
    this.outage = error;
  }

  client(): EventStoreDBClient {
    const fake = {
      appendToStream: async (
        streamName: string,
        events: EventData | EventData[],
        options: { expectedRevision?: AppendExpectedRevision } = {},
      ) =>
        this.append(streamName, Array.isArray(events) ? events : [events], options.expectedRevision ?? 'any'),
      readStream: (streamName: string, options: ReadStreamOptions = {}) => this.readStream(streamName, options),
      readAll: (options: ReadAllOptions = {}) => this.readAll(options),
      subscribeToAll: (options: SubscribeToAllOptions = {}) => this.subscribe(options),
      dispose: async () => undefined,
    };
    return fake as unknown as EventStoreDBClient;
  }

  private append(streamName: string, events: EventData[], expected: AppendExpectedRevision): AppendResult {
    if (this.outage) throw this.outage;
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const retried = this.retriedRevision(stream, events, expected);
    if (retried !== undefined) return { success: true, nextExpectedRevision: BigInt(retried) };
    const wanted = expected === 'no_stream' ? -1n : expected;
    if (wanted !== 'any' && wanted !== 'stream_exists' && BigInt(current) !== wanted) {
      const versions = { streamName, expected, current: current === -1 ? ('no_stream' as const) : BigInt(current) };
      throw new WrongExpectedVersionError(undefined, versions);
    }
    const records = events.map((event) => this.record(streamName, event.type, event.data, event.id, event.metadata));
    this.record('$ce-fake', '$>', {}); // the category projection links every append
    this.appended.emit('append');
    const last = records[records.length - 1].event!;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  /** The server's idempotency check; a mismatch in an otherwise matching retry is a conflict. */
  private retriedRevision(stream: AllStreamResolvedEvent[], events: EventData[], expected: AppendExpectedRevision): number | undefined {
    const start =
      expected === 'any'
        ? stream.findIndex((resolved) => resolved.event?.id === events[0].id)
        : expected === 'no_stream' ? 0 : expected === 'stream_exists' ? -1 : Number(expected) + 1;
    if (start < 0 || start >= stream.length) return undefined;
    if (expected !== 'any' && stream[start].event?.id !== events[0].id) return undefined;
    const matches = events.every((event, index) => stream[start + index]?.event?.id === event.id);
    if (!matches) {
      throw new WrongExpectedVersionError(undefined, { streamName: stream[0].event!.streamId, expected, current: BigInt(stream.length - 1) });
    }
    return start + events.length - 1;
  }

  private record(streamId: string, type: string, data: unknown, id: string = randomUUID(), metadata?: unknown): AllStreamResolvedEvent {
    const stream = this.streams.get(streamId) ?? [];
    this.nextPosition += 100n + BigInt(Math.floor(Math.random() * 50));
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    // Through JSON, like the real client, so nothing is shared with the caller's objects.
    const [storedData, storedMetadata] = [viaJson(data), viaJson(metadata)];
    const revision = BigInt(stream.length);
    const event = { streamId, id, type, data: storedData, metadata: storedMetadata, isJson: true, revision, created: new Date(), position };
    const resolved = { event, commitPosition: position.commit } as AllStreamResolvedEvent;
    stream.push(resolved);
    this.streams.set(streamId, stream);
    this.log.push(resolved);
    return resolved;
  }

  private async *readStream(streamName: string, options: ReadStreamOptions): AsyncGenerator<AllStreamResolvedEvent> {
    if (this.outage) throw this.outage;
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    // Backwards reads start at the end, the only way the adapter reads backwards.
    const ordered =
      options.direction === 'backwards'
        ? [...stream].reverse()
        : stream.slice(typeof options.fromRevision === 'bigint' ? Number(options.fromRevision) : 0);
    yield* ordered.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
  }

  private async *readAll(options: ReadAllOptions): AsyncGenerator<AllStreamResolvedEvent> {
    if (this.outage) throw this.outage;
    const backwards = options.direction === 'backwards';
    const from = typeof options.fromPosition === 'object' ? options.fromPosition.commit : -1n;
    const ordered = backwards ? [...this.log].reverse() : this.log.filter((resolved) => resolved.event!.position.commit >= from);
    yield* ordered.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
  }

  private subscribe(options: SubscribeToAllOptions) {
    let cursor = typeof options.fromPosition === 'object' ? options.fromPosition.commit : -1n;
    let closed = false;
    const wake = new EventEmitter();
    const onAppend = () => wake.emit('wake');
    this.appended.on('append', onAppend);
    const log = this.log;
    async function* deliver(): AsyncGenerator<AllStreamResolvedEvent> {
      while (!closed) {
        const next = log.find((resolved) => resolved.event!.position.commit > cursor);
        if (next) {
          cursor = next.event!.position.commit;
          yield next;
        } else await new Promise((resolve) => wake.once('wake', resolve));
      }
    }
    const unsubscribe = async () => {
      closed = true;
      this.appended.off('append', onAppend);
      wake.emit('wake');
    };
    return Object.assign(deliver(), { unsubscribe });
  }
}

function viaJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
