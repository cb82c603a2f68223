import { WORKLIST_KINDS, type Worklist, type WorklistItem, type WorklistKind } from '@familybank/contracts';
import { isoDate } from '@familybank/domain-core';
import type { DocumentStore } from '../document-store';
import { CASE_HOLDERS, holderKey, type CaseHolder } from './case-holders.projection';
import { WORKLIST_RULES } from './rules';
import type { WorklistContext, WorklistPolicy, WorklistSource } from './worklist-rule';

export interface WorklistFilter {
  /** Only items whose subject this user holds; `null`: only items nobody holds. */
  assignee?: string | null;
  kind?: WorklistKind;
}

/**
 * Runs every rule (or the one asked for) over the read models, adds who holds each subject and
 * whether it is overdue, and sorts by due date (then kind, then subject), the most overdue first.
 */
export function buildWorklist(source: WorklistSource, holderOf: (key: string) => string | undefined, now: Date, policy: WorklistPolicy, filter: WorklistFilter = {}): Worklist {
  const context: WorklistContext = { now, today: isoDate(now), policy };
  const kinds = filter.kind ? [filter.kind] : WORKLIST_KINDS;
  const items = kinds
    .flatMap((kind) => WORKLIST_RULES[kind].items(source, context))
    .map((entry): WorklistItem => {
      const key = holderKey(entry.subject);
      return { ...entry, overdue: entry.dueOn < context.today, assignee: (key && holderOf(key)) ?? null };
    })
    .filter((item) => filter.assignee === undefined || item.assignee === filter.assignee)
    .sort(byDueDate);
  return { asOf: now.toISOString(), items };
}

function byDueDate(a: WorklistItem, b: WorklistItem): number {
  return compare(a.dueOn, b.dueOn) || WORKLIST_KINDS.indexOf(a.kind) - WORKLIST_KINDS.indexOf(b.kind) || compare(a.subject.id, b.subject.id);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The worklist of one municipality over the document store: each rule's narrowing runs in SQLite. */
export class WorklistQueries {
  constructor(
    private readonly documents: DocumentStore,
    private readonly clock: () => Date,
    private readonly policy: WorklistPolicy,
  ) {}

  worklist(municipality: string, filter: WorklistFilter = {}): Worklist {
    const source: WorklistSource = {
      documents: <Doc>(collection: string, narrowing?: { sql: string; params: unknown[] }) =>
        this.documents.list<Doc>(collection, municipality, { where: narrowing, limit: -1 }).map((row) => row.body),
    };
    const holderOf = (key: string) => {
      const found = this.documents.get<CaseHolder>(CASE_HOLDERS, key);
      return found?.municipality === municipality ? found.body.holder : undefined;
    };
    return buildWorklist(source, holderOf, this.clock(), this.policy, filter);
  }
}
