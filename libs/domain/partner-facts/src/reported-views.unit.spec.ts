import { deciderSpecification } from '@familybank/domain-core/testing';
import { reportedViewsDecider, reportedViewsStreamId, type ProfileViewsReport } from './reported-views';

const OWN = '0265';
// The gateway passes the acting municipality with the time.
const context = { now: new Date('2026-03-10T09:00:00.000Z'), municipality: OWN };
const spec = deciderSpecification(reportedViewsDecider, context);
const report = (overrides: Partial<ProfileViewsReport> = {}): ProfileViewsReport => ({
  viewer: '0630',
  messageId: 'msg-1',
  pseudonyms: ['ps-1', 'ps-2'],
  viewedAt: '2026-03-09T10:00:00.000Z',
  ...overrides,
});

describe('views of our shared profiles reported by a partner', () => {
  it('are recorded with the viewer, its message and when its caseworker looked', () => {
    spec.given([]).when({ type: 'RecordProfileViews', data: report() }).then([{ type: 'ProfileViewsReported', data: report() }]);
  });

  it('name each family once, however often the report lists it', () => {
    spec
      .given([])
      .when({ type: 'RecordProfileViews', data: report({ pseudonyms: ['ps-1', 'ps-2', 'ps-1'] }) })
      .then([{ type: 'ProfileViewsReported', data: report({ pseudonyms: ['ps-1', 'ps-2'] }) }]);
  });

  it('a report of our own municipality, or of no family, records nothing', () => {
    spec.given([]).when({ type: 'RecordProfileViews', data: report({ viewer: OWN }) }).then([]);
    spec.given([]).when({ type: 'RecordProfileViews', data: report({ pseudonyms: [] }) }).then([]);
  });

  it('a later report of other families, or of another day, is recorded beside the earlier one', () => {
    const earlier = { type: 'ProfileViewsReported' as const, data: report() };
    spec.given([earlier]).when({ type: 'RecordProfileViews', data: report({ messageId: 'msg-2', pseudonyms: ['ps-3'] }) }).then([{ type: 'ProfileViewsReported', data: report({ messageId: 'msg-2', pseudonyms: ['ps-3'] }) }]);
    const nextDay = report({ messageId: 'msg-3', viewedAt: '2026-03-10T08:00:00.000Z' });
    spec.given([earlier]).when({ type: 'RecordProfileViews', data: nextDay }).then([{ type: 'ProfileViewsReported', data: nextDay }]);
  });

  it('families already reported as viewed that day are coalesced: only the new ones are recorded, or nothing', () => {
    const earlier = { type: 'ProfileViewsReported' as const, data: report() };
    spec.given([earlier]).when({ type: 'RecordProfileViews', data: report({ messageId: 'msg-2', viewedAt: '2026-03-09T23:00:00.000Z' }) }).then([]);
    spec
      .given([earlier])
      .when({ type: 'RecordProfileViews', data: report({ messageId: 'msg-2', pseudonyms: ['ps-2', 'ps-3'] }) })
      .then([{ type: 'ProfileViewsReported', data: report({ messageId: 'msg-2', pseudonyms: ['ps-3'] }) }]);
  });

  it('only the latest seven days of views are remembered, so the state stays bounded', () => {
    const days = Array.from({ length: 10 }, (_, index) => ({ type: 'ProfileViewsReported' as const, data: report({ viewedAt: `2026-03-${String(index + 1).padStart(2, '0')}T10:00:00.000Z` }) }));
    const state = days.reduce(reportedViewsDecider.evolve, reportedViewsDecider.initialState());
    expect({ reports: state.reports, days: [...state.seen.keys()] }).toEqual({ reports: 10, days: ['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10'] });
  });

  it('is one stream per owner and viewer', () => {
    expect(reportedViewsStreamId(OWN, '0630')).toBe('views-reported-0265-0630');
  });
});
