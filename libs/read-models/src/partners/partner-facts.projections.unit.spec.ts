import type { ChildNeeds, SharedProfile } from '@familybank/contracts';
import { directoryStreamId, partnerPoolStreamId, partnerRequestStreamId, reportedViewsStreamId, type Announcement, type PartnerProfile } from '@familybank/domain-partner-facts';
import { foldProjection, recordedOn } from '../testing';
import { directoryProjection } from './directory.projection';
import { inboxProjection } from './inbox.projection';
import { partnerPoolProjection } from './partner-pool.projection';
import { MAX_VIEWS_PER_FAMILY, profileViewsProjection } from './profile-views.projection';

const [OWN, PARTNER] = ['0265', '0630'];

describe('the inbox projection', () => {
  const stream = partnerRequestStreamId(OWN, PARTNER, 'req-1');
  const ref = { requester: PARTNER, requestId: 'req-1' };
  const needs = { careType: 'respite', childAge: 8 } as unknown as ChildNeeds;
  const received = recordedOn(stream, { type: 'PartnerRequestReceived', data: { ...ref, needs, responseDeadline: '2026-12-15', receivedAt: '2026-03-09T10:00:00.000Z' } }, OWN);

  it('holds a received request, open, received when the requester published it (not when we recorded it)', () => {
    expect(foldProjection(inboxProjection, [received]).get(`${OWN}:${PARTNER}:req-1`)).toEqual({
      ...ref,
      needs,
      responseDeadline: '2026-12-15',
      status: 'open',
      receivedAt: '2026-03-09T10:00:00.000Z',
      answeredNoMatch: false,
    });
  });

  it('shows our “no match” answer and the closing with its reason', () => {
    const events = [received, recordedOn(stream, { type: 'NoMatchAnswered', data: ref }, OWN), recordedOn(stream, { type: 'PartnerRequestClosed', data: { ...ref, reason: 'withdrawn' as const } }, OWN)];
    expect(foldProjection(inboxProjection, events).get(`${OWN}:${PARTNER}:req-1`)).toMatchObject({ status: 'closed', closedReason: 'withdrawn', answeredNoMatch: true });
  });

  it('keeps each receiving municipality’s entry apart', () => {
    const other = recordedOn(partnerRequestStreamId('0751', PARTNER, 'req-1'), received, '0751');
    expect([...foldProjection(inboxProjection, [received, other]).keys()].sort()).toEqual([`0265:${PARTNER}:req-1`, `0751:${PARTNER}:req-1`]);
  });
});

describe('the partner pool projection', () => {
  const stream = partnerPoolStreamId(OWN, PARTNER);
  const profile = (pseudonym: string, version: number): PartnerProfile => ({ municipality: PARTNER, pseudonym, version, freeCapacity: 1 });
  const published = (pseudonym: string, version: number, receivedAt = '2026-03-09T10:00:00.000Z') =>
    recordedOn(stream, { type: 'PartnerProfilePublished', data: { profile: profile(pseudonym, version), receivedAt } }, OWN);

  it('holds the latest profile of each family with the time the partner published it', () => {
    const pool = foldProjection(partnerPoolProjection, [published('ps-1', 1), published('ps-2', 1), published('ps-1', 2, '2026-03-10T10:00:00.000Z')]);
    expect(pool.get(`${OWN}:ps-1`)).toEqual({ ...(profile('ps-1', 2) as SharedProfile), receivedAt: '2026-03-10T10:00:00.000Z' });
    expect(pool.size).toBe(2);
  });

  it('a withdrawn profile leaves the pool', () => {
    const withdrawn = recordedOn(stream, { type: 'PartnerProfileWithdrawn', data: { partner: PARTNER, pseudonym: 'ps-1' } }, OWN);
    expect([...foldProjection(partnerPoolProjection, [published('ps-1', 1), published('ps-2', 1), withdrawn]).keys()]).toEqual([`${OWN}:ps-2`]);
  });

  it('a dropped pool leaves no profile of that partner, and other partners’ profiles stay', () => {
    const other = recordedOn(partnerPoolStreamId(OWN, '0751'), { type: 'PartnerProfilePublished', data: { profile: { ...profile('ps-9', 1), municipality: '0751' }, receivedAt: 'x' } }, OWN);
    const dropped = recordedOn(stream, { type: 'PartnerPoolDropped', data: { partner: PARTNER, pseudonyms: ['ps-1', 'ps-2'] } }, OWN);
    expect([...foldProjection(partnerPoolProjection, [published('ps-1', 1), other, published('ps-2', 1), dropped]).keys()]).toEqual([`${OWN}:ps-9`]);
  });
});

describe('the directory projection', () => {
  const announcement = (overrides: Partial<Announcement> = {}): Announcement => ({
    code: '0265',
    name: 'Horsens',
    signingKey: 'sign',
    fingerprint: 'fp',
    encryptionKey: 'enc',
    announcedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  });

  it('holds each municipality’s latest recorded announcement, by code', () => {
    const events = [
      recordedOn(directoryStreamId('0265'), { type: 'MunicipalityAnnounced', data: announcement() }, '*'),
      recordedOn(directoryStreamId('0630'), { type: 'MunicipalityAnnounced', data: announcement({ code: '0630', name: 'Vejle' }) }, '*'),
      recordedOn(directoryStreamId('0265'), { type: 'MunicipalityAnnounced', data: announcement({ name: 'Horsens Kommune', announcedAt: '2026-03-02T08:00:00.000Z' }) }, '*'),
    ];
    const directory = foldProjection(directoryProjection, events);
    expect(directory.get('0265')).toEqual({ ...announcement({ name: 'Horsens Kommune', announcedAt: '2026-03-02T08:00:00.000Z' }), keys: [{ signingKey: announcement().signingKey, fingerprint: announcement().fingerprint, retired: false }] });
    expect(directory.get('0630')).toMatchObject({ name: 'Vejle' });
  });
});

describe('the profile views projection', () => {
  const report = (viewer: string, messageId: string, pseudonyms: string[], viewedAt: string) =>
    recordedOn(reportedViewsStreamId(OWN, viewer), { type: 'ProfileViewsReported', data: { viewer, messageId, pseudonyms, viewedAt } }, OWN);

  it('adds one view per reported family, newest first, whatever order the reports came in', () => {
    const views = foldProjection(profileViewsProjection, [
      report('0630', 'm-1', ['ps-1', 'ps-2'], '2026-03-10T09:00:00.000Z'),
      report('0751', 'm-2', ['ps-1'], '2026-03-11T09:00:00.000Z'),
      report('0630', 'm-0', ['ps-1'], '2026-03-09T09:00:00.000Z'),
    ]);
    expect(views.get(`${OWN}:ps-1`)).toEqual({
      owner: OWN,
      pseudonym: 'ps-1',
      views: [
        { municipality: '0751', viewedAt: '2026-03-11T09:00:00.000Z', messageId: 'm-2' },
        { municipality: '0630', viewedAt: '2026-03-10T09:00:00.000Z', messageId: 'm-1' },
        { municipality: '0630', viewedAt: '2026-03-09T09:00:00.000Z', messageId: 'm-0' },
      ],
    });
    expect(views.get(`${OWN}:ps-2`)?.views).toHaveLength(1);
  });

  it('counts a report once, even if it was recorded twice', () => {
    const twice = [report('0630', 'm-1', ['ps-1'], '2026-03-10T09:00:00.000Z'), report('0630', 'm-1', ['ps-1'], '2026-03-10T09:00:00.000Z')];
    expect(foldProjection(profileViewsProjection, twice).get(`${OWN}:ps-1`)?.views).toHaveLength(1);
  });

  it(`keeps the newest ${MAX_VIEWS_PER_FAMILY} views of a family`, () => {
    const reports = Array.from({ length: MAX_VIEWS_PER_FAMILY + 5 }, (_, n) => report('0630', `m-${n}`, ['ps-1'], new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()));
    const views = foldProjection(profileViewsProjection, reports).get(`${OWN}:ps-1`)!.views;
    expect(views).toHaveLength(MAX_VIEWS_PER_FAMILY);
    expect(views.at(-1)?.messageId).toBe('m-5');
  });
});
