import { recordedFact, type RawFact } from './workflow-input';

const raw = (streamId: string, type = 'Something'): RawFact => ({ eventId: 'e-1', streamId, type, data: { x: 1 }, municipality: '0265', occurredAt: '2026-03-10T08:00:00.000Z' });

describe('recorded facts', () => {
  it.each([
    ['family-fam-1', 'family', 'fam-1'],
    ['offer-3f1c', 'offer', '3f1c'],
    ['request-req-1', 'request', 'req-1'],
    ['partner-request-0265-0630-req-1', 'partner-request', '0265-0630-req-1'],
  ])('an event on %s is typed as a %s fact of %s', (streamId, aggregate, aggregateId) => {
    expect(recordedFact(raw(streamId))).toEqual({ ...raw(streamId), kind: 'event', aggregate, aggregateId });
  });

  it.each(['partnership-0265-0630', 'answer-0630-req-1', 'profile-views-0630'])('an event on %s is no workflow’s input', (streamId) => {
    expect(recordedFact(raw(streamId))).toBeUndefined();
  });
});
