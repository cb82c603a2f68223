import type { EventStore, NewEvent } from '@familybank/event-store';
import type { RequestContext } from '../http/request-context';
import { ProfileViewRecorder } from './profile-views';

const P1 = 'p'.repeat(43);
const P2 = 'q'.repeat(43);

describe('recording views on the viewer’s side', () => {
  const ctx = { principal: { subject: 'anna@0630', municipality: '0630', roles: ['caseworker'] }, commandId: 'c3b5a1f2-0e1d-4c2b-9a8f-7e6d5c4b3a21', correlationId: 'corr-1' } as RequestContext;
  const now = new Date('2026-11-27T09:00:00.000Z');

  function recorder() {
    const appends: Array<{ stream: string; events: readonly NewEvent[]; expectedRevision: unknown }> = [];
    const store = {
      appendToStream: async (stream: string, events: readonly NewEvent[], options: { expectedRevision: unknown }) => {
        appends.push({ stream, events, expectedRevision: options.expectedRevision });
        return { nextExpectedRevision: 0, lastPosition: 1 };
      },
    } as unknown as EventStore;
    const nudges: number[] = [];
    return { appends, nudges, recorder: new ProfileViewRecorder(store, () => now, () => nudges.push(1)) };
  }

  it('appends one ProfilesViewed per owner to the viewer’s stream, with the metadata of every event', async () => {
    const { appends, nudges, recorder: subject } = recorder();
    await subject.record(ctx, [
      { municipality: '0265', pseudonym: P1 },
      { municipality: '0751', pseudonym: P2 },
      { municipality: '0265', pseudonym: P2 },
      { municipality: '0265', pseudonym: P1 },
    ]);
    expect(appends).toHaveLength(1);
    expect(appends[0]).toMatchObject({ stream: 'profile-views-0630', expectedRevision: 'any' });
    expect(appends[0]!.events.map((event) => event.data)).toEqual([
      { owner: '0265', pseudonyms: [P1, P2], viewedAt: now.toISOString() },
      { owner: '0751', pseudonyms: [P2], viewedAt: now.toISOString() },
    ]);
    expect(appends[0]!.events[0]!.metadata).toEqual({ actor: 'anna@0630', municipality: '0630', correlationId: 'corr-1', causationId: ctx.commandId, occurredAt: now.toISOString(), schemaVersion: 1 });
    expect(nudges).toHaveLength(1);
  });

  it('appends nothing when no partner’s profile was shown', async () => {
    const { appends, nudges, recorder: subject } = recorder();
    await subject.record(ctx, []);
    expect(appends).toEqual([]);
    expect(nudges).toEqual([]);
  });

  it('splits more than 200 profiles of one owner over several events', async () => {
    const { appends, recorder: subject } = recorder();
    const profiles = Array.from({ length: 450 }, (_, index) => ({ municipality: '0265', pseudonym: `p${String(index).padStart(30, '0')}` }));
    await subject.record(ctx, profiles);
    expect(appends[0]!.events.map((event) => (event.data as { pseudonyms: string[] }).pseudonyms.length)).toEqual([200, 200, 50]);
    expect(new Set(appends[0]!.events.map((event) => event.eventId)).size).toBe(3);
  });
});
