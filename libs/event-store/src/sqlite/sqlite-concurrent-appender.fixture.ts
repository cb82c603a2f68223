/**
 * Child process for the multi-process test in sqlite-event-store.int.spec.ts, run with
 * `node --import tsx`. It prints "ready", waits for a line on stdin so that all children start
 * together, then races the others and prints one JSON line with what happened.
 * Usage: <filename> <raceStreamId> <sharedStreamId> <appends>
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision, NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

export interface AppenderReport {
  wonRace: boolean;
  appended: number;
  conflicts: number;
  unexpectedErrors: string[];
}

const [filename, raceStreamId, sharedStreamId, appends] = process.argv.slice(2);

function event(): NewEvent {
  const ids = { correlationId: randomUUID(), causationId: randomUUID() };
  const metadata = { actor: `system:appender-${process.pid}`, municipality: '0630', ...ids, occurredAt: new Date().toISOString(), schemaVersion: 1 };
  return { eventId: randomUUID(), type: 'Appended', data: { pid: process.pid }, metadata };
}

async function main(): Promise<AppenderReport> {
  const store = SqliteEventStore.open({ filename });
  const report: AppenderReport = { wonRace: false, appended: 0, conflicts: 0, unexpectedErrors: [] };
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  try {
    report.wonRace = await appendOnce(store, raceStreamId, 'no-stream');
    let expected: ExpectedRevision = 'no-stream';
    while (report.appended < Number(appends)) {
      try {
        expected = (await store.appendToStream(sharedStreamId, [event()], { expectedRevision: expected })).nextExpectedRevision;
        report.appended += 1;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        report.conflicts += 1;
        expected = error.actual === -1 ? 'no-stream' : error.actual;
      }
    }
  } catch (error) {
    report.unexpectedErrors.push(String(error));
  }
  await store.close();
  return report;
}

async function appendOnce(store: SqliteEventStore, streamId: string, expected: ExpectedRevision): Promise<boolean> {
  try {
    await store.appendToStream(streamId, [event()], { expectedRevision: expected });
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return false;
    throw error;
  }
}

void main().then((report) => {
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.stdin.destroy();
});
