import { deciderSpecification } from '@familybank/domain-core/testing';
import { requestDecider } from './request.decider';
import type { IntroductionVisit, RequestEvent } from './request.types';
import { NOW, expired, filled, needs, opened, withOffers, withdrawn } from './testing/request.fixtures';

const spec = deciderSpecification(requestDecider, { now: NOW });

const planned: IntroductionVisit = { visitId: 'visit-1', on: '2026-03-25', status: 'planned', note: 'At the child’s home, one hour' };
const recorded = (visit: IntroductionVisit): RequestEvent => ({ type: 'IntroductionVisitRecorded', data: visit });

describe('introduction visits', () => {
  it('record introduction visit, on a filled request, records the planned visit', () => {
    spec.given(filled).when({ type: 'RecordIntroductionVisit', data: planned }).then([recorded(planned)]);
  });

  it('record introduction visit, with the same visitId and another status, records the new status', () => {
    const held = { ...planned, status: 'held' as const };
    spec.given([...filled, recorded(planned)]).when({ type: 'RecordIntroductionVisit', data: held }).then([recorded(held)]);
  });

  it('record introduction visit, cancelling a planned visit, records the cancellation', () => {
    const cancelled = { visitId: 'visit-1', on: '2026-03-25', status: 'cancelled' as const };
    spec.given([...filled, recorded(planned)]).when({ type: 'RecordIntroductionVisit', data: cancelled }).then([recorded(cancelled)]);
  });

  it('record introduction visit, exactly as already recorded, changes nothing', () => {
    spec.given([...filled, recorded(planned)]).when({ type: 'RecordIntroductionVisit', data: planned }).then([]);
  });

  it('record introduction visit, a second visit beside the first, records it', () => {
    const second: IntroductionVisit = { visitId: 'visit-2', on: '2026-03-28', status: 'planned' };
    spec.given([...filled, recorded(planned)]).when({ type: 'RecordIntroductionVisit', data: second }).then([recorded(second)]);
  });

  it('record introduction visit, on the last day of the assignment’s period, records it', () => {
    const onLastDay = { ...planned, on: needs.schedule.period.to };
    spec.given(filled).when({ type: 'RecordIntroductionVisit', data: onLastDay }).then([recorded(onLastDay)]);
  });

  it('record introduction visit, after the assignment’s period ends, is refused', () => {
    spec
      .given(filled)
      .when({ type: 'RecordIntroductionVisit', data: { ...planned, on: '2026-10-01' } })
      .thenThrows('REQUEST.VISIT_AFTER_PERIOD', { on: '2026-10-01', periodEnd: '2026-09-30' });
  });

  it.each([
    ['open, just opened', 'open', opened],
    ['open, with offers', 'open', withOffers],
    ['withdrawn', 'withdrawn', withdrawn],
    ['expired', 'expired', expired],
  ] as const)('record introduction visit, on a request that is %s, is refused as not filled', (_label, status, events) => {
    spec.given(events).when({ type: 'RecordIntroductionVisit', data: planned }).thenThrows('REQUEST.NOT_FILLED', { status });
  });

  it('record introduction visit, on a request that was never opened, is refused as not found', () => {
    spec.given([]).when({ type: 'RecordIntroductionVisit', data: planned }).thenThrows('REQUEST.NOT_FOUND');
  });

  it('the request state keeps one entry per visit, with its latest status', () => {
    const held = { ...planned, status: 'held' as const };
    const other: IntroductionVisit = { visitId: 'visit-2', on: '2026-03-28', status: 'planned' };
    const state = [...filled, recorded(planned), recorded(other), recorded(held)].reduce(requestDecider.evolve, requestDecider.initialState());
    expect(state.introductionVisits).toEqual([held, other]);
  });
});
