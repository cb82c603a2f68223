import type { AssignmentRecord, AvailabilityReminders, AvailableFamily, FamilyDetail, Pipeline, SupportRecordView } from '@familybank/contracts';
import { daysBetween } from '@familybank/domain-core';
import { ofFamily, type DocumentStore, type Page } from '../document-store';
import { familyAssignmentsProjection } from './assignments.projection';
import type { AvailabilityTracking } from './available-families.projection';
import { availableFamiliesProjection } from './available-families.projection';
import { availabilityReminders, remindConfirmedOnOrBefore, type StalenessPolicy } from './availability-reminders';
import { familyDetailProjection, type FamilyDetailDocument } from './family-detail.projection';
import { familySearchWhere, type FamilySearch } from './family-search';
import { pipelineReport } from './pipeline-report';
import { recruitmentPipelineProjection, type PipelineEntry } from './recruitment-pipeline.projection';
import { supportRecordsProjection } from './support-records.projection';

export interface PageRequest {
  limit: number;
  /** A decoded cursor. */
  before?: number;
}


/** Every query takes the caller's municipality: there is no way to read another's families. */
export class FamilyQueries {
  constructor(
    private readonly documents: DocumentStore,
    private readonly clock: () => Date,
  ) {}

  getFamily(municipality: string, familyId: string): FamilyDetail | undefined {
    const found = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
    return found && found.municipality === municipality ? this.withDaysInStage(found.body) : undefined;
  }

  /** The municipality's families, newest first, narrowed by a search (see familySearchWhere). */
  listFamilies(municipality: string, query: FamilySearch & PageRequest): Page<FamilyDetail> {
    const where = familySearchWhere(query);
    const page = this.documents.page<FamilyDetailDocument>(familyDetailProjection.collection, municipality, { limit: query.limit, before: query.before, where });
    return { ...page, items: page.items.map((doc) => this.withDaysInStage(doc)) };
  }

  /** The family's support records, newest first; undefined when the family is not one of the municipality's. */
  listSupport(municipality: string, familyId: string, query: PageRequest): Page<SupportRecordView> | undefined {
    if (!this.owns(municipality, familyId)) return undefined;
    return this.documents.page<SupportRecordView>(supportRecordsProjection.collection, municipality, { ...query, where: ofFamily(familyId) });
  }

  /** The family's assignments, the newest reservation first, optionally only active or ended ones. */
  listAssignments(municipality: string, familyId: string, query: PageRequest & { status?: AssignmentRecord['status'] }): Page<AssignmentRecord> | undefined {
    if (!this.owns(municipality, familyId)) return undefined;
    const family = ofFamily(familyId);
    const where = query.status ? { sql: `${family.sql} AND json_extract(body, '$.status') = ?`, params: [...family.params, query.status] } : family;
    return this.documents.page<AssignmentRecord>(familyAssignmentsProjection.collection, municipality, { limit: query.limit, before: query.before, where });
  }

  listAvailableFamilies(municipality: string, query: { careType?: string; region?: string; limit: number; before?: number }): Page<AvailableFamily> {
    const conditions = ["json_extract(body, '$.available') IS NOT NULL"];
    const params: unknown[] = [];
    if (query.careType) {
      conditions.push("EXISTS (SELECT 1 FROM json_each(body, '$.available.careTypes') WHERE value = ?)");
      params.push(query.careType);
    }
    if (query.region) {
      conditions.push("json_extract(body, '$.available.region') = ?");
      params.push(query.region);
    }
    const where = { sql: conditions.join(' AND '), params };
    const page = this.documents.page<AvailabilityTracking>(availableFamiliesProjection.collection, municipality, { ...query, where });
    return { ...page, items: page.items.map((doc) => doc.available!) };
  }

  pipeline(municipality: string, firstContactDueWithinWorkingDays: number): Pipeline {
    const entries = this.documents.all<PipelineEntry>(recruitmentPipelineProjection.collection, municipality);
    return pipelineReport(municipality, entries, this.clock(), firstContactDueWithinWorkingDays);
  }

  /** Available families whose availability is stale or goes stale within `policy.reminderDays`, the most overdue first. */
  availabilityReminders(municipality: string, policy: StalenessPolicy): AvailabilityReminders {
    const now = this.clock();
    const where = { sql: "json_extract(body, '$.available.availabilityConfirmedOn') <= ?", params: [remindConfirmedOnOrBefore(now, policy)] };
    const rows = this.documents.list<AvailabilityTracking>(availableFamiliesProjection.collection, municipality, { where, limit: -1 });
    return availabilityReminders(rows.map((row) => row.body.available!), now, policy);
  }

  private owns(municipality: string, familyId: string): boolean {
    return this.documents.get(familyDetailProjection.collection, familyId)?.municipality === municipality;
  }

  private withDaysInStage(document: FamilyDetailDocument): FamilyDetail {
    return { ...document, daysInStage: daysBetween(new Date(document.stageSince), this.clock()) };
  }
}
