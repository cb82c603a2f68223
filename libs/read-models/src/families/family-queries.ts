import type { AvailabilityReminders, AvailableFamily, FamilyDetail, Pipeline } from '@familybank/contracts';
import { daysBetween } from '@familybank/domain-core';
import type { DocumentStore } from '../document-store';
import type { AvailabilityTracking } from './available-families.projection';
import { availableFamiliesProjection } from './available-families.projection';
import { availabilityReminders, remindConfirmedOnOrBefore, type StalenessPolicy } from './availability-reminders';
import { familyDetailProjection, type FamilyDetailDocument } from './family-detail.projection';
import { pipelineReport } from './pipeline-report';
import { recruitmentPipelineProjection, type PipelineEntry } from './recruitment-pipeline.projection';

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sequence number of the last item, base64url-encoded. */
export const encodeCursor = (seq: number): string => Buffer.from(JSON.stringify({ seq })).toString('base64url');
export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const seq = (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { seq?: unknown }).seq;
    return typeof seq === 'number' && Number.isInteger(seq) ? seq : Number.NaN;
  } catch {
    return Number.NaN;
  }
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

  listFamilies(municipality: string, query: { stage?: string; limit: number; before?: number }): Page<FamilyDetail> {
    const where = query.stage ? { sql: "json_extract(body, '$.stage') = ?", params: [query.stage] } : undefined;
    return this.page(familyDetailProjection.collection, municipality, query, where, (doc: FamilyDetailDocument) => this.withDaysInStage(doc));
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
    return this.page(availableFamiliesProjection.collection, municipality, query, where, (doc: AvailabilityTracking) => doc.available!);
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

  /** Families whose approval ran out before `today` but are still in an approved stage (system use). */
  approvalsToExpire(today: string): Array<{ municipality: string; familyId: string }> {
    const where = {
      sql: "json_extract(body, '$.stage') IN ('approved', 'available', 'suspended') AND json_extract(body, '$.approval.validUntil') < ?",
      params: [today],
    };
    return this.documents
      .findAcrossMunicipalities<FamilyDetailDocument>(familyDetailProjection.collection, where)
      .map(({ municipality, body }) => ({ municipality, familyId: body.familyId }));
  }

  private page<Doc, Item>(
    collection: string,
    municipality: string,
    query: { limit: number; before?: number },
    where: { sql: string; params: unknown[] } | undefined,
    toItem: (doc: Doc) => Item,
  ): Page<Item> {
    const rows = this.documents.list<Doc>(collection, municipality, { where, before: query.before, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    const nextCursor = rows.length > query.limit ? encodeCursor(items[items.length - 1]!.seq) : null;
    return { items: items.map((row) => toItem(row.body)), nextCursor };
  }

  private withDaysInStage(document: FamilyDetailDocument): FamilyDetail {
    return { ...document, daysInStage: daysBetween(new Date(document.stageSince), this.clock()) };
  }
}
