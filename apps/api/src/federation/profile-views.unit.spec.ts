import type { EventStore, NewEvent } from '@familybank/event-store';
import { DocumentStore } from '@familybank/read-models';
import type { RequestContext } from '../http/request-context';
import { MAX_VIEWS_PER_FAMILY, PROFILE_VIEWS, ProfileViewRecorder, profileViewDocumentId, recordProfileViews, type ProfileViewDocument } from './profile-views';

const OWNER = '0265';
const P1 = 'p'.repeat(43);
const P2 = 'q'.repeat(43);

describe('recording views on the owner’s side', () => {
  let documents: DocumentStore;
  beforeEach(() => (documents = new DocumentStore(':memory:')));
  afterEach(() => documents.close());
  const viewsOf = (pseudonym: string) => documents.get<ProfileViewDocument>(PROFILE_VIEWS, profileViewDocumentId(OWNER, pseudonym))?.body.views ?? [];

  it('adds one view per named family; the same message again adds nothing', () => {
    const data = { owner: OWNER, pseudonyms: [P1, P2], viewedAt: '2026-11-27T09:00:00.000Z' };
    expect(recordProfileViews(documents, OWNER, '0630', 'm1', data)).toBe(2);
    expect(recordProfileViews(documents, OWNER, '0630', 'm1', data)).toBe(0);
    expect(viewsOf(P1)).toEqual([{ municipality: '0630', viewedAt: data.viewedAt, messageId: 'm1' }]);
    expect(viewsOf(P2)).toHaveLength(1);
  });

  it('ignores views of another owner’s families', () => {
    expect(recordProfileViews(documents, OWNER, '0630', 'm1', { owner: '0101', pseudonyms: [P1], viewedAt: '2026-11-27T09:00:00.000Z' })).toBe(0);
    expect(viewsOf(P1)).toEqual([]);
  });

  it('keeps the newest views, newest first, up to the cap', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    for (let minute = 0; minute < MAX_VIEWS_PER_FAMILY + 5; minute++) recordProfileViews(documents, OWNER, '0630', `m${minute}`, { owner: OWNER, pseudonyms: [P1], viewedAt: at(minute) });
    const views = viewsOf(P1);
    expect(views).toHaveLength(MAX_VIEWS_PER_FAMILY);
    expect(views[0]!.viewedAt).toBe(at(MAX_VIEWS_PER_FAMILY + 4));
    expect(views[views.length - 1]!.viewedAt).toBe(at(5));
  });
});

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
