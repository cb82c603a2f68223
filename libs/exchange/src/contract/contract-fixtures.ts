import { randomUUID } from 'node:crypto';
import type { DeliveredMessage, Exchange, ExchangeSubscription, Message, MessageHandler, SubscribeOptions } from '../exchange.port';

export interface ExchangeHarness {
  open(): Promise<Exchange>;
  /** Close the exchange and open the same underlying storage (or broker) again, like a restarted process. */
  reopen?(exchange: Exchange): Promise<Exchange>;
  cleanup?(): Promise<void>;
}

/** Shared by the contract's parts: the exchange under test is opened in the suite's beforeAll. */
export interface ContractContext {
  harness: ExchangeHarness;
  exchange(): Exchange;
  /** Reopens through `harness.reopen` (or keeps the same exchange without it); later tests use the result. */
  reopen(): Promise<Exchange>;
  /** Subscribes and registers the subscription so it is closed after the test. */
  subscribe(options: SubscribeOptions, handler: MessageHandler, exchange?: Exchange): Promise<ExchangeSubscription>;
}

/** Unique per call, so the suite can run against a shared broker that already holds other topics. */
export function uniqueName(prefix: string): string {
  return `familybank-contract.${prefix}.${randomUUID()}`;
}

export async function newTopic(exchange: Exchange, prefix: string, compacted = false): Promise<string> {
  const topic = uniqueName(prefix);
  await exchange.ensureTopic(topic, { compacted });
  return topic;
}

export function messagesOf(topic: string, count: number, key: (n: number) => string = (n) => `k${n}`): Message[] {
  return Array.from({ length: count }, (_, n) => ({ topic, key: key(n), value: `v${n}` }));
}

/** Collects deliveries; `onMessage` runs after recording, so a failing handler's message is recorded too. */
export function collector(onMessage: MessageHandler = () => undefined) {
  const received: DeliveredMessage[] = [];
  const handler: MessageHandler = async (message) => {
    received.push(message);
    await onMessage(message);
  };
  return { received, handler, values: () => received.map((message) => message.value) };
}

/** A promise with its resolve exposed, to hold a handler until the test lets it go. */
export function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Longer than any adapter's poll interval, so a delivery that should not happen would show up. */
export const QUIET_PERIOD_MS = 500;
