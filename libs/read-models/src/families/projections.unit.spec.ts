import { approved, available, checksClear, contacted, lead, registeredEvent } from '@familybank/domain-family/testing';
import type { FamilyEvent } from '@familybank/domain-family';
import { recorded } from '../testing';
import { evolveAvailability, type AvailabilityTracking } from './available-families.projection';
import { evolveFamilyDetail, type FamilyDetailDocument } from './family-detail.projection';
import { pipelineReport } from './pipeline-report';
import { evolvePipelineEntry, type PipelineEntry } from './recruitment-pipeline.projection';

const foldDetail = (events: FamilyEvent[]) => recorded(events).reduce<FamilyDetailDocument | null>(evolveFamilyDetail, null);
const foldAvailability = (events: FamilyEvent[]) => recorded(events).reduce<AvailabilityTracking | null>(evolveAvailability, null);
const foldPipeline = (events: FamilyEvent[], options = {}) => recorded(events, options).reduce<PipelineEntry | null>(evolvePipelineEntry, null);

describe('family detail projection', () => {
  it('a registration creates the detail in stage lead, owned by the event’s municipality', () => {
    expect(foldDetail(lead)).toMatchObject({ familyId: 'fam-1', municipality: '0630', stage: 'lead', revision: 0, checks: [], consentToShare: false });
  });

  it('follows the family to available, with checks, approval, availability and the time it entered its stage', () => {
    const detail = foldDetail(available)!;
    expect(detail).toMatchObject({ stage: 'available', revision: available.length - 1, firstContactOn: '2026-03-02' });
    expect(detail.checks).toHaveLength(4);
    expect(detail.checks.every((check) => check.outcome === 'clear')).toBe(true);
    expect(detail.approval).toMatchObject({ capacity: 2, approvedOn: '2026-03-08' });
    expect(detail.availability).toMatchObject({ capacity: 1, patterns: ['weekends'] });
    expect(detail.stageSince).toBe(recorded(available).at(-1)!.metadata.occurredAt);
  });

  it('an erased family shows erased, with no contact details, names or availability: it is no longer available either', () => {
    const erasure: FamilyEvent = { type: 'FamilyErased', data: { reason: 'Asked to be forgotten', erasedOn: '2026-03-10', atStage: 'available' } };
    const detail = foldDetail([...available, erasure])!;
    expect(detail).toMatchObject({ erased: true, erasedOn: '2026-03-10', stage: 'available', consentToShare: false, adults: [{ adultId: 'a1', fullName: '[erased]' }, { adultId: 'a2', fullName: '[erased]' }] });
    expect(detail).not.toHaveProperty('contact');
    expect(detail).not.toHaveProperty('sourceDetail');
    expect(detail.availability).toBeUndefined();
    expect(foldAvailability([...available, erasure])!.available).toBeNull();
  });

  it('records who assessed remarks', () => {
    const events: FamilyEvent[] = [
      ...checksClear.slice(0, -1),
      { type: 'BackgroundCheckReceived', data: { adultId: 'a2', kind: 'criminal-record', outcome: 'remarks', remarkCategory: 'traffic', receivedOn: '2026-03-06' } },
      { type: 'BackgroundCheckRemarksAssessed', data: { adultId: 'a2', kind: 'criminal-record', acceptable: true, assessment: 'Old speeding fine' } },
    ];
    expect(foldDetail(events)!.checks.find((check) => check.adultId === 'a2' && check.kind === 'criminal-record')).toMatchObject({
      outcome: 'remarks',
      assessment: { acceptable: true, assessedBy: 'anna@0630' },
    });
  });

  it('a profile update changes only the fields it names; suspension clears availability', () => {
    const detail = foldDetail([...available, { type: 'ProfileUpdated', data: { languages: ['da', 'ar'] } }, { type: 'FamilySuspended', data: { reason: 'break' } }])!;
    expect(detail).toMatchObject({ stage: 'suspended', languages: ['da', 'ar'], region: 'DK-83' });
    expect(detail.availability).toBeUndefined();
  });

  it('a confirmation of availability moves only its confirmation date, not the stage or its start', () => {
    const before = foldDetail(available)!;
    const after = foldDetail([...available, { type: 'AvailabilityConfirmed', data: { confirmedOn: '2026-05-01' } }])!;
    expect(after.availability).toEqual({ ...before.availability, confirmedOn: '2026-05-01' });
    expect(after).toMatchObject({ stage: 'available', stageSince: before.stageSince, revision: available.length });
  });

  it('ignores events of a family it never saw registered', () => {
    expect(foldDetail(contacted.slice(1))).toBeNull();
  });
});

describe('available families projection', () => {
  it('lists a family only while it is available', () => {
    expect(foldAvailability(approved)!.available).toBeNull();
    expect(foldAvailability(available)!.available).toMatchObject({ familyId: 'fam-1', capacity: 1, ageRange: { min: 4, max: 12 }, householdName: 'Mette Hansen & Jens Hansen' });
    expect(foldAvailability([...available, { type: 'AvailabilityWithdrawn', data: {} }])!.available).toBeNull();
    expect(foldAvailability([...available, { type: 'FamilyRetired', data: { reason: 'moved' } }])!.available).toBeNull();
  });

  it('shows when the availability was last confirmed', () => {
    expect(foldAvailability(available)!.available).toMatchObject({ availabilityConfirmedOn: '2026-03-09' });
    expect(foldAvailability([...available, { type: 'AvailabilityConfirmed', data: { confirmedOn: '2026-05-01' } }])!.available).toMatchObject({ availabilityConfirmedOn: '2026-05-01' });
  });
});

describe('recruitment pipeline', () => {
  it('tracks stage, stage start and whether the family ever reached approval', () => {
    expect(foldPipeline(available)).toMatchObject({ stage: 'available', reachedApproval: true, sourceChannel: 'campaign' });
    expect(foldPipeline(contacted)).toMatchObject({ stage: 'contacted', reachedApproval: false });
    expect(foldPipeline([...approved, { type: 'ApprovalExpired', data: { validUntil: '2027-03-01', expiredOn: '2027-03-02' } }])).toMatchObject({ stage: 'approval-expired', reachedApproval: true });
  });

  it('reports stages, channel yield and first contacts overdue after N working days', () => {
    const registered = registeredEvent as Extract<FamilyEvent, { type: 'FamilyRegistered' }>;
    const waiting = foldPipeline([{ ...registered, data: { ...registered.data, registeredAt: '2026-11-16T09:00:00.000Z' } }])!;
    const fresh = { ...waiting, familyId: 'fam-2', registeredAt: '2026-11-26T09:00:00.000Z' };
    const approvedEntry = foldPipeline(approved, { familyId: 'fam-3' })!;
    const report = pipelineReport('0630', [waiting, fresh, approvedEntry], new Date('2026-11-27T12:00:00.000Z'), 3);
    expect(report.stages.find((stage) => stage.stage === 'lead')).toMatchObject({ count: 2 });
    expect(report.channels.find((channel) => channel.channel === 'campaign')).toEqual({ channel: 'campaign', leads: 3, approved: 1 });
    expect(report.firstContactOverdue).toEqual([{ familyId: 'fam-1', householdName: 'Mette Hansen & Jens Hansen', registeredAt: '2026-11-16T09:00:00.000Z', workingDaysWaiting: 9 }]);
  });
});
