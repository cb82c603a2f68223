import type { FamilyEvent } from '@familybank/domain-family';
import { available, networkAvailable, networkChecksClear, networkRegistered, provisionallyApprovedFamily } from '@familybank/domain-family/testing';
import { evolveFamilyFacts, type FamilyFacts } from '../figures/family-facts.projection';
import { recorded } from '../testing';
import { evolveFamilyDetail, familyDetailProjection, type FamilyDetailDocument } from './family-detail.projection';
import { evolvePipelineEntry, type PipelineEntry } from './recruitment-pipeline.projection';

const foldDetail = (events: FamilyEvent[]) => recorded(events).reduce<FamilyDetailDocument | null>(evolveFamilyDetail, null)!;
const foldPipeline = (events: FamilyEvent[]) => recorded(events).reduce<PipelineEntry | null>(evolvePipelineEntry, null)!;
const foldFacts = (events: FamilyEvent[]) => recorded(events).reduce<FamilyFacts | null>(evolveFamilyFacts, null)!;
const fullApproval: FamilyEvent = {
  type: 'FamilyApproved',
  data: { careTypes: ['respite'], capacity: 1, ageRange: { min: 8, max: 12 }, validUntil: '2028-06-01', conditions: [], authority: 'municipality', approvedOn: '2026-05-20' },
};
const lapse: FamilyEvent = { type: 'ApprovalExpired', data: { validUntil: '2026-06-07', expiredOn: '2026-06-08' } };
const tie = { requestId: 'req-1', relation: 'grandparent', relationNote: 'Mother’s mother', child: { careType: 'respite', age: 9, places: 1 } };

describe('family detail of a network family', () => {
  it('handles the provisional approval, and its version moved on so documents are rebuilt', () => {
    expect(familyDetailProjection.handles.has('FamilyProvisionallyApproved')).toBe(true);
    expect(familyDetailProjection.version).toBeGreaterThanOrEqual(6);
  });

  it('a registered network family shows its request, relation and child, contacted, checks pending', () => {
    expect(foldDetail(networkRegistered)).toMatchObject({ stage: 'contacted', sourceChannel: 'child-network', network: { ...tie, status: 'registered' } });
    expect(foldDetail(networkChecksClear).network!.status).toBe('registered');
  });

  it('a provisional approval shows the deadline of the full assessment, and the approval limited to the child', () => {
    const doc = foldDetail(provisionallyApprovedFamily);
    expect(doc.stage).toBe('approved');
    expect(doc.network).toMatchObject({ status: 'provisionally-approved', provisionalApproval: { approvedOn: '2026-03-09', deadline: '2026-06-07' } });
    expect(doc.approval).toEqual({ careTypes: ['respite'], capacity: 1, ageRange: { min: 9, max: 9 }, validUntil: '2026-06-07', conditions: [], authority: 'municipality', approvedOn: '2026-03-09' });
  });

  it('a full approval while available keeps the family available and says when', () => {
    const doc = foldDetail([...networkAvailable, fullApproval]);
    expect(doc.stage).toBe('available');
    expect(doc.network).toMatchObject({ status: 'approved', fullyApprovedOn: '2026-05-20' });
    expect(doc.approval!.validUntil).toBe('2028-06-01');
  });

  it('no full approval by the deadline: the provisional approval lapsed', () => {
    const doc = foldDetail([...networkAvailable, lapse]);
    expect(doc).toMatchObject({ stage: 'approval-expired', network: { status: 'provisional-lapsed' } });
    expect(doc.availability).toBeUndefined();
  });

  it('a family of any other channel has no network tie', () => {
    expect(foldDetail(available).network).toBeUndefined();
  });
});

describe('pipeline and figures of a network family', () => {
  it('the pipeline counts a provisional approval as approved, and a full approval while available stays available', () => {
    expect(foldPipeline(provisionallyApprovedFamily)).toMatchObject({ stage: 'approved', reachedApproval: true, sourceChannel: 'child-network' });
    expect(foldPipeline([...networkAvailable, fullApproval]).stage).toBe('available');
  });

  it('family facts count the provisional approval as a term expiring at the deadline, the full approval as the approval', () => {
    expect(foldFacts(provisionallyApprovedFamily)).toMatchObject({ approvedOn: null, approvals: [{ validUntil: '2026-06-07', outcome: 'current' }] });
    expect(foldFacts([...networkAvailable, fullApproval])).toMatchObject({
      approvedOn: '2026-05-20',
      approvals: [
        { validUntil: '2026-06-07', outcome: 'renewed' },
        { validUntil: '2028-06-01', outcome: 'current' },
      ],
    });
    expect(foldFacts([...networkAvailable, lapse]).approvals).toEqual([{ validUntil: '2026-06-07', outcome: 'expired' }]);
  });
});
