import { deciderSpecification } from '@familybank/domain-core/testing';
import { MAX_SUBJECTS_PER_READ, readAuditDecider, type ReadAuditCommand, type ReadAuditEvent, type ReadData, type ReadSubject } from './read-audit';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const spec = deciderSpecification(readAuditDecider, { now: NOW });
const family = (familyId: string, contactDetails = true): ReadSubject => ({ familyId, contactDetails });
const read = (subjects: ReadSubject[], overrides: Partial<ReadData> = {}): ReadData => ({ user: 'anna', what: 'family-detail', operation: 'getFamily', purpose: 'case-work', subjects, ...overrides });
const recordRead = (data: ReadData): ReadAuditCommand => ({ type: 'RecordRead', data });
const wasRead = (data: ReadData, readAt: string): ReadAuditEvent => ({ type: 'PersonalDataRead', data: { ...data, readAt } });
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

describe('recording who read a family', () => {
  it('record read, the first time today, records who read what, why and when', () => {
    spec.given([]).when(recordRead(read([family('f1')]))).then([wasRead(read([family('f1')]), NOW.toISOString())]);
  });

  it('record read, when the same reader read the same family for the same purpose five minutes ago, records nothing', () => {
    spec.given([wasRead(read([family('f1')]), minutesAgo(5))]).when(recordRead(read([family('f1')]))).then([]);
  });

  it('record read, when that read is more than ten minutes old, records it again', () => {
    spec.given([wasRead(read([family('f1')]), minutesAgo(11))]).when(recordRead(read([family('f1')]))).then([wasRead(read([family('f1')]), NOW.toISOString())]);
  });

  it('record read, by another reader, for another purpose or of another family, is recorded: coalescing never hides a reader', () => {
    const given = [wasRead(read([family('f1')]), minutesAgo(1))];
    spec.given(given).when(recordRead(read([family('f1')], { user: 'bo' }))).then([wasRead(read([family('f1')], { user: 'bo' }), NOW.toISOString())]);
    spec.given(given).when(recordRead(read([family('f1')], { purpose: 'complaint' }))).then([wasRead(read([family('f1')], { purpose: 'complaint' }), NOW.toISOString())]);
    spec.given(given).when(recordRead(read([family('f2')]))).then([wasRead(read([family('f2')]), NOW.toISOString())]);
  });

  it('record read, of a list page, keeps only the families not recorded in the window, each once', () => {
    const list = (subjects: ReadSubject[]) => read(subjects, { what: 'family-list', operation: 'listFamilies' });
    spec
      .given([wasRead(list([family('f1', false)]), minutesAgo(2))])
      .when(recordRead(list([family('f1', false), family('f2', false), family('f2', false)])))
      .then([wasRead(list([family('f2', false)]), NOW.toISOString())]);
  });

  it('record read, of more than 200 families, splits them over several events', () => {
    const many = Array.from({ length: 450 }, (_, index) => family(`f${index}`, false));
    const events = readAuditDecider.decide(recordRead(read(many)), readAuditDecider.initialState(), { now: NOW });
    expect(events.map((event) => (event.type === 'PersonalDataRead' ? event.data.subjects.length : 0))).toEqual([MAX_SUBJECTS_PER_READ, MAX_SUBJECTS_PER_READ, 50]);
  });

  it('the state forgets reads older than the window, so a busy day does not grow it without bound', () => {
    const state = [wasRead(read([family('f1')]), minutesAgo(30)), wasRead(read([family('f2')]), minutesAgo(1))].reduce(readAuditDecider.evolve, readAuditDecider.initialState());
    expect(state.lastRecorded.size).toBe(1);
  });
});

describe('recording a release of contact details', () => {
  it('record contact release records which family went to which municipality, for which assignment, when and by whom', () => {
    const release = { familyId: 'f1', recipient: '0630', offerId: 'o1', assignmentId: 'a1', releasedAt: NOW.toISOString(), releasedBy: 'system:owner-acceptance' };
    spec.given([]).when({ type: 'RecordContactRelease', data: release }).then([{ type: 'ContactDetailsReleased', data: release }]);
  });
});
