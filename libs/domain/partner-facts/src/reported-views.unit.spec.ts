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

  it('later reports are recorded beside earlier ones (a redelivered one is recognised by its command id)', () => {
    spec.given([{ type: 'ProfileViewsReported', data: report() }]).when({ type: 'RecordProfileViews', data: report({ messageId: 'msg-2' }) }).then([{ type: 'ProfileViewsReported', data: report({ messageId: 'msg-2' }) }]);
  });

  it('is one stream per owner and viewer', () => {
    expect(reportedViewsStreamId(OWN, '0630')).toBe('views-reported-0265-0630');
  });
});
