import type { Schemas } from '@familybank/api-client';

type Item = Schemas['WorklistItem'];
export const WORKLIST_GROUPS = ['overdue', 'today', 'week', 'later'] as const;
export type WorklistGroup = (typeof WORKLIST_GROUPS)[number];

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Which heading an item goes under: the API's overdue flag wins, then how many days are left until it is due. */
export function groupOf(item: Pick<Item, 'dueOn' | 'overdue'>, today: string): WorklistGroup {
  const left = daysBetween(today, item.dueOn);
  if (item.overdue || left < 0) return 'overdue';
  if (left === 0) return 'today';
  return left <= 7 ? 'week' : 'later';
}

/** The items under their headings, each group in the API's order (most overdue first); empty groups left out. */
export function groupWorklist(items: readonly Item[], today: string): Array<{ group: WorklistGroup; items: Item[] }> {
  return WORKLIST_GROUPS.map((group) => ({ group, items: items.filter((item) => groupOf(item, today) === group) })).filter((entry) => entry.items.length > 0);
}

/** Where an item's subject is worked on in the console. */
export function subjectLink(subject: Item['subject']): string {
  switch (subject.type) {
    case 'family':
      return `/families/${subject.id}`;
    case 'request':
      return `/requests/${subject.id}`;
    default:
      return `/inbox#${subject.municipality ?? ''}-${subject.id}`;
  }
}
