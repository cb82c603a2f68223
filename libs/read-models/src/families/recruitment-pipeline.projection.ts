import { APPROVED_STAGES, type FamilyStage, type SourceChannel } from '@familybank/domain-family';
import type { Projection } from '../projection';
import { FAMILY_EVENT_TYPES, familyIdOf, householdName, type RecordedFamilyEvent } from './family-events';

/** One row per family: enough to count stages, time in stage, channel yield and overdue first contacts. */
export interface PipelineEntry {
  familyId: string;
  householdName: string;
  stage: FamilyStage;
  stageSince: string;
  registeredAt: string;
  sourceChannel: SourceChannel;
  reachedApproval: boolean;
}

const STAGE_AFTER: Partial<Record<RecordedFamilyEvent['type'], FamilyStage>> = {
  FirstContactMade: 'contacted',
  FamilyScreened: 'screened',
  FamilyInterviewed: 'interviewed',
  BackgroundChecksRequested: 'background-checks',
  FamilyApproved: 'approved',
  FamilyProvisionallyApproved: 'approved',
  FamilyRejected: 'rejected',
  AvailabilityDeclared: 'available',
  AvailabilityWithdrawn: 'approved',
  FamilySuspended: 'suspended',
  FamilyReinstated: 'approved',
  ApprovalExpired: 'approval-expired',
  FamilyRetired: 'retired',
};

export const recruitmentPipelineProjection: Projection<PipelineEntry> = {
  name: 'recruitment-pipeline',
  version: 2,
  collection: 'recruitment-pipeline',
  streamPrefix: 'family-',
  handles: FAMILY_EVENT_TYPES,
  documentId: familyIdOf,
  evolve: (entry, event) => evolvePipelineEntry(entry, event as RecordedFamilyEvent),
};

export function evolvePipelineEntry(entry: PipelineEntry | null, event: RecordedFamilyEvent): PipelineEntry | null {
  if (event.type === 'FamilyRegistered') {
    const { familyId, adults, sourceChannel, registeredAt } = event.data;
    return { familyId, householdName: householdName(adults), stage: 'lead', stageSince: event.metadata.occurredAt, registeredAt, sourceChannel, reachedApproval: false };
  }
  if (entry === null) return null;
  const stage = event.type === 'ApprovalRenewed' && entry.stage === 'approval-expired' ? 'approved' : stageAfter(entry, event);
  if (stage === undefined || stage === entry.stage) return entry;
  return { ...entry, stage, stageSince: event.metadata.occurredAt, reachedApproval: entry.reachedApproval || stage === 'approved' };
}

/** A provisionally approved network family approved fully while available (or suspended) keeps that stage, as the decider does. */
function stageAfter(entry: PipelineEntry, event: RecordedFamilyEvent): FamilyStage | undefined {
  if (event.type === 'FamilyApproved' && (APPROVED_STAGES as readonly string[]).includes(entry.stage)) return entry.stage;
  return STAGE_AFTER[event.type];
}
