import type { CourseView, DevelopmentPlan, EmergencyCallMonth, EmergencyCallsPerMonth, EmergencyCallView, FollowUpDue, SupervisionMeetingView } from '@familybank/contracts';
import { ofFamily, type DocumentStore, type ListOptions, type Page } from '../document-store';
import type { PageRequest } from '../families/family-queries';
import { coursesProjection } from './courses.projection';
import { developmentPlansProjection } from './development-plans.projection';
import { emergencyCallsPerMonthProjection, emergencyCallsProjection } from './emergency-calls.projection';
import { supervisionMeetingsProjection } from './supervision-meetings.projection';

type Where = NonNullable<ListOptions['where']>;

/** Conditions joined with AND; none → no filter. */
function allOf(conditions: Array<Where | undefined>): Where | undefined {
  const given = conditions.filter((condition): condition is Where => condition !== undefined);
  if (given.length === 0) return undefined;
  return { sql: given.map((condition) => `(${condition.sql})`).join(' AND '), params: given.flatMap((condition) => condition.params) };
}

const field = (path: string, operator: string, value: unknown): Where | undefined => (value === undefined ? undefined : { sql: `json_extract(body, '${path}') ${operator} ?`, params: [value] });
const listsFamily = (familyId: string | undefined): Where | undefined =>
  familyId === undefined ? undefined : { sql: "EXISTS (SELECT 1 FROM json_each(body, '$.familyIds') WHERE value = ?)", params: [familyId] };

/** Reads of support after approval; every query takes the caller's municipality. */
export class SupportQueries {
  constructor(private readonly documents: DocumentStore) {}

  developmentPlan(municipality: string, familyId: string): DevelopmentPlan | undefined {
    return this.owned<DevelopmentPlan>(developmentPlansProjection.collection, municipality, familyId);
  }

  /** Plans with an open goal's follow-up on or before `dueBy`, with those goals, earliest first; newest plan first. */
  followUpsDue(municipality: string, query: PageRequest & { dueBy: string }): Page<FollowUpDue> {
    const page = this.documents.page<DevelopmentPlan>(developmentPlansProjection.collection, municipality, { ...query, where: field('$.nextFollowUpDue', '<=', query.dueBy) });
    const items = page.items.map((plan) => ({
      familyId: plan.familyId,
      nextFollowUpDue: plan.nextFollowUpDue!,
      goals: plan.goals
        .filter((goal) => goal.status === 'open' && goal.followUpOn !== undefined && goal.followUpOn <= query.dueBy)
        .map((goal) => ({ goalId: goal.goalId, title: goal.title, followUpOn: goal.followUpOn! }))
        .sort((a, b) => a.followUpOn.localeCompare(b.followUpOn)),
    }));
    return { items, nextCursor: page.nextCursor };
  }

  emergencyCall(municipality: string, familyId: string, callId: string): EmergencyCallView | undefined {
    return this.owned<EmergencyCallView>(emergencyCallsProjection.collection, municipality, `${familyId}/${callId}`);
  }

  /** Calls, the latest recorded first, optionally of one family, in a period of days received, of one category. */
  emergencyCalls(municipality: string, query: PageRequest & { familyId?: string; from?: string; to?: string; category?: string }): Page<EmergencyCallView> {
    const where = allOf([query.familyId === undefined ? undefined : ofFamily(query.familyId), field('$.receivedOn', '>=', query.from), field('$.receivedOn', '<=', query.to), field('$.category', '=', query.category)]);
    return this.documents.page<EmergencyCallView>(emergencyCallsProjection.collection, municipality, { limit: query.limit, before: query.before, where });
  }

  /** Every month from `from` to `to` (YYYY-MM), oldest first, a month without calls as zero, and the period's total. */
  emergencyCallsPerMonth(municipality: string, from: string, to: string): EmergencyCallsPerMonth {
    const where = allOf([field('$.month', '>=', from), field('$.month', '<=', to)]);
    const counted = new Map(this.documents.list<EmergencyCallMonth>(emergencyCallsPerMonthProjection.collection, municipality, { where, limit: -1 }).map((row) => [row.body.month, row.body]));
    const months = monthsFrom(from, to).map((month) => counted.get(month) ?? { month, calls: 0, minutes: 0, byCategory: {} });
    const total = months.reduce(
      (sum, month) => ({
        calls: sum.calls + month.calls,
        minutes: sum.minutes + month.minutes,
        byCategory: Object.fromEntries(
          [...new Set([...Object.keys(sum.byCategory), ...Object.keys(month.byCategory)])].sort().map((category) => [category, (sum.byCategory[category] ?? 0) + (month.byCategory[category] ?? 0)]),
        ),
      }),
      { calls: 0, minutes: 0, byCategory: {} as Record<string, number> },
    );
    return { from, to, months, total };
  }

  supervisionMeeting(municipality: string, meetingId: string): SupervisionMeetingView | undefined {
    return this.owned<SupervisionMeetingView>(supervisionMeetingsProjection.collection, municipality, meetingId);
  }

  supervisionMeetings(municipality: string, query: PageRequest & { familyId?: string; format?: string }): Page<SupervisionMeetingView> {
    const where = allOf([listsFamily(query.familyId), field('$.format', '=', query.format)]);
    return this.documents.page<SupervisionMeetingView>(supervisionMeetingsProjection.collection, municipality, { limit: query.limit, before: query.before, where });
  }

  course(municipality: string, courseId: string): CourseView | undefined {
    return this.owned<CourseView>(coursesProjection.collection, municipality, courseId);
  }

  courses(municipality: string, query: PageRequest & { familyId?: string }): Page<CourseView> {
    return this.documents.page<CourseView>(coursesProjection.collection, municipality, { limit: query.limit, before: query.before, where: listsFamily(query.familyId) });
  }

  private owned<Doc>(collection: string, municipality: string, id: string): Doc | undefined {
    const found = this.documents.get<Doc>(collection, id);
    return found && found.municipality === municipality ? found.body : undefined;
  }
}

/** YYYY-MM from `from` to `to`, both included. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let current = from; current <= to; current = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}
