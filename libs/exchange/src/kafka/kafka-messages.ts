import type { IHeaders, KafkaMessage, Message as KafkaOutgoingMessage, logCreator, LogEntry } from 'kafkajs';
import { logLevel } from 'kafkajs';
import type { DeliveredMessage, Message } from '../exchange.port';

/** Kafka's record as the port delivers it: UTF-8 key and value, string headers, a numeric offset. */
export function toDeliveredMessage(topic: string, message: KafkaMessage): DeliveredMessage {
  return {
    topic,
    key: message.key?.toString('utf8') ?? '',
    value: message.value === null ? null : message.value.toString('utf8'),
    headers: headersOf(message.headers),
    offset: Number(message.offset),
    timestamp: new Date(Number(message.timestamp)).toISOString(),
  };
}

/** Kafka allows a header name to repeat (kafkajs then gives an array): the last one wins. */
function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) result[name] = last.toString();
  }
  return result;
}

export function toKafkaMessage({ key, value, headers }: Message): KafkaOutgoingMessage {
  return headers && Object.keys(headers).length > 0 ? { key, value, headers } : { key, value };
}

/** Groups messages per topic, keeping their order within each topic. */
export function groupByTopic(messages: readonly Message[]): Array<{ topic: string; messages: KafkaOutgoingMessage[] }> {
  const byTopic = new Map<string, KafkaOutgoingMessage[]>();
  for (const message of messages) {
    const list = byTopic.get(message.topic) ?? [];
    list.push(toKafkaMessage(message));
    byTopic.set(message.topic, list);
  }
  return [...byTopic].map(([topic, grouped]) => ({ topic, messages: grouped }));
}

export type KafkaLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface KafkaLogEntry {
  level: KafkaLogLevel;
  /** The kafkajs component: Consumer, Producer, Admin, Connection, ... */
  namespace: string;
  message: string;
  extra: Record<string, unknown>;
}

const LEVELS: Record<KafkaLogLevel, logLevel> = { error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO, debug: logLevel.DEBUG };

/** kafkajs logs nothing unless a callback is given, and then only from `level` up (warn by default). */
export function kafkaLogging(log: ((entry: KafkaLogEntry) => void) | undefined, level: KafkaLogLevel = 'warn'): { logLevel: logLevel; logCreator: logCreator } {
  const creator: logCreator = () => (entry: LogEntry) => {
    const { message, timestamp: _timestamp, ...extra } = entry.log;
    log?.({ level: entry.label.toLowerCase() as KafkaLogLevel, namespace: entry.namespace, message, extra });
  };
  return { logLevel: log ? LEVELS[level] : logLevel.NOTHING, logCreator: creator };
}
