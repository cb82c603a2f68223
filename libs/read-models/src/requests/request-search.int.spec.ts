import { DocumentStore } from '../document-store';
import { requestSearchWhere, type RequestSearch } from './request-search';
import { requestsProjection, type RequestDocument } from './requests.projection';

const request = (requestId: string, status: RequestDocument['status'], careType: RequestDocument['needs']['careType'], responseDeadline: string) =>
  ({ requestId, status, responseDeadline, needs: { careType } }) as RequestDocument;

/** Opened in this order, so listed newest first: r4, r3, r2, r1. */
const FIXTURE = [
  request('r1', 'open', 'respite', '2026-12-01'),
  request('r2', 'filled', 'respite', '2026-12-15'),
  request('r3', 'open', 'foster', '2027-01-10'),
  request('r4', 'expired', 'emergency', '2026-11-20'),
];

describe('request filters (SQL over the requests read model)', () => {
  let documents: DocumentStore;

  beforeAll(() => {
    documents = new DocumentStore(':memory:');
    for (const doc of FIXTURE) documents.put(requestsProjection.collection, doc.requestId, '0630', doc);
    documents.put(requestsProjection.collection, 'other', '0265', request('other', 'open', 'respite', '2026-12-01'));
  });
  afterAll(() => documents.close());

  const found = (search: RequestSearch) =>
    documents.page<RequestDocument>(requestsProjection.collection, '0630', { where: requestSearchWhere(search), limit: 50 }).items.map((doc) => doc.requestId);

  it('no filter: every request of the municipality, newest first', () => {
    expect(requestSearchWhere({})).toBeUndefined();
    expect(found({})).toEqual(['r4', 'r3', 'r2', 'r1']);
  });

  it('status and care type', () => {
    expect(found({ status: 'open' })).toEqual(['r3', 'r1']);
    expect(found({ careType: 'respite' })).toEqual(['r2', 'r1']);
    expect(found({ status: 'open', careType: 'respite' })).toEqual(['r1']);
    expect(found({ careType: 'contact' })).toEqual([]);
  });

  it('deadline after and before are exclusive, and combine into a window', () => {
    expect(found({ deadlineAfter: '2026-12-01' })).toEqual(['r3', 'r2']);
    expect(found({ deadlineBefore: '2026-12-01' })).toEqual(['r4']);
    expect(found({ deadlineAfter: '2026-11-30', deadlineBefore: '2026-12-16' })).toEqual(['r2', 'r1']);
    expect(found({ deadlineAfter: '2026-11-30', deadlineBefore: '2026-12-16', status: 'open' })).toEqual(['r1']);
  });
});
