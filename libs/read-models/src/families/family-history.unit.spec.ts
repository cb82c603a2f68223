import type { AssignmentRecord, SupportRecordView } from '@familybank/contracts';
import { available } from '@familybank/domain-family/testing';
import type { FamilyEvent } from '@familybank/domain-family';
import { recorded } from '../testing';
import { evolveAssignment, familyAssignmentsProjection } from './assignments.projection';
import { evolveAvailability, type AvailabilityTracking } from './available-families.projection';
import { evolveFamilyDetail, type FamilyDetailDocument } from './family-detail.projection';
import { supportRecordsProjection } from './support-records.projection';

const foldDetail = (events: FamilyEvent[]) => recorded(events).reduce<FamilyDetailDocument | null>(evolveFamilyDetail, null)!;
const sizeOf = (document: unknown) => Buffer.byteLength(JSON.stringify(document));

const support = (index: number, on = '2026-04-01'): FamilyEvent => ({
  type: 'SupportRecorded',
  data: { kind: 'supervision', on, note: `Supervision visit number ${index}: talked about routines` },
});
const supportEvents = (count: number) => Array.from({ length: count }, (_, index) => support(index));

const reservation = (assignmentId: string, from = '2026-04-01', to = '2026-06-30') => ({
  assignmentId,
  requester: { municipality: '0265', requestId: `rq-${assignmentId}` },
  period: { from, to },
  children: 1,
});
const reserved = (assignmentId: string): FamilyEvent => ({ type: 'FamilyReserved', data: reservation(assignmentId) });
const ended = (assignmentId: string): FamilyEvent => ({
  type: 'AssignmentEnded',
  data: { assignmentId, reason: 'The child moved back home', wantsNewAssignment: true, endedOn: '2026-05-01' },
});

describe('support in the family detail', () => {
  it('1,500 support records leave the detail (and the available-families working copy) no bigger than a handful do', () => {
    const few = foldDetail([...available, ...supportEvents(10)]);
    const many = foldDetail([...available, ...supportEvents(1_500)]);
    // Only counters and revision numbers gain digits; no record is added to the document.
    expect(sizeOf(many)).toBeLessThanOrEqual(sizeOf(few) + 64);
    const tracking = recorded([...available, ...supportEvents(1_500)]).reduce<AvailabilityTracking | null>(evolveAvailability, null)!;
    expect(sizeOf(tracking)).toBeLessThanOrEqual(sizeOf(many) + sizeOf(tracking.available) + 64);
  });

  it('summarises the count and the five most recently recorded, newest first, with who recorded them', () => {
    const detail = foldDetail([...available, ...supportEvents(1_500)]);
    const last = available.length + 1_499;
    expect(detail.support.count).toBe(1_500);
    expect(detail.support.recent.map((record) => record.revision)).toEqual([last, last - 1, last - 2, last - 3, last - 4]);
    expect(detail.support.recent[0]).toEqual({
      familyId: 'f1',
      revision: last,
      position: last + 1,
      kind: 'supervision',
      on: '2026-04-01',
      note: 'Supervision visit number 1499: talked about routines',
      recordedBy: 'anna@0630',
      recordedAt: recorded([...available, ...supportEvents(1_500)])[last]!.recordedAt,
    });
  });

  it('the last day of support is the latest date given, also when an older visit is recorded late', () => {
    const detail = foldDetail([...available, support(0, '2026-04-10'), support(1, '2026-03-20')]);
    expect(detail.support).toMatchObject({ count: 2, lastOn: '2026-04-10' });
    expect(detail.support.recent.map((record) => record.on)).toEqual(['2026-03-20', '2026-04-10']);
  });

  it('a family without support has a count of zero and no last day', () => {
    expect(foldDetail(available).support).toEqual({ count: 0, recent: [] });
  });
});

describe('support records projection', () => {
  it('keeps every record as a document of its own, identified by family and revision', () => {
    const events = recorded([...available, ...supportEvents(3)]).filter((event) => supportRecordsProjection.handles.has(event.type));
    const documents = new Map(events.map((event) => [supportRecordsProjection.documentId(event), supportRecordsProjection.evolve(null, event)]));
    expect([...documents.keys()]).toEqual([`f1/${available.length}`, `f1/${available.length + 1}`, `f1/${available.length + 2}`]);
    expect(documents.get(`f1/${available.length + 2}`)).toMatchObject<Partial<SupportRecordView>>({ familyId: 'f1', kind: 'supervision', note: 'Supervision visit number 2: talked about routines' });
  });
});

describe('assignments', () => {
  it('the detail keeps the assignments not ended and counts the ended ones', () => {
    const detail = foldDetail([...available, reserved('as-1'), ended('as-1'), reserved('as-2')]);
    expect(detail.assignments).toEqual([reservation('as-2')]);
    expect(detail.endedAssignmentCount).toBe(1);
  });

  it('the assignments projection keeps an ended assignment, with its ending and who ended it', () => {
    const events = recorded([...available, reserved('as-1'), ended('as-1')]).filter((event) => familyAssignmentsProjection.handles.has(event.type));
    expect(new Set(events.map(familyAssignmentsProjection.documentId))).toEqual(new Set(['f1/as-1']));
    const active = evolveAssignment(null, events[0]!);
    expect(active).toEqual<AssignmentRecord>({ ...reservation('as-1'), familyId: 'f1', status: 'active', reservedAt: events[0]!.recordedAt });
    expect(evolveAssignment(active, events[1]!)).toEqual<AssignmentRecord>({
      ...active!,
      status: 'ended',
      ending: { endedOn: '2026-05-01', reason: 'The child moved back home', wantsNewAssignment: true, endedBy: 'anna@0630', recordedAt: events[1]!.recordedAt },
    });
  });

  it('an ending of an assignment it never saw reserved creates nothing', () => {
    const [ending] = recorded([...available, ended('as-9')]).slice(-1);
    expect(evolveAssignment(null, ending!)).toBeNull();
  });
});
