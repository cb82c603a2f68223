import type { Schemas } from '@familybank/api-client';

type Family = Schemas['FamilyDetail'];
type Pipeline = Schemas['Pipeline'];

/** The stages a board shows, in pipeline order: recruitment, then the families ready for children. */
export const BOARD_STAGES = ['lead', 'contacted', 'screened', 'interviewed', 'background-checks', 'approved', 'available'] as const;
export type BoardStage = (typeof BOARD_STAGES)[number];

export interface BoardCard {
  family: Family;
  /** First contact is past its due date (working days), per the pipeline. */
  overdue: boolean;
  workingDaysWaiting?: number;
}

export interface BoardColumn {
  stage: BoardStage;
  /** Families in the stage in all (the loaded cards may be fewer). */
  count: number;
  averageDaysInStage: number;
  cards: BoardCard[];
}

/**
 * Cards per stage: overdue first contacts first (longest waiting first), then the families that
 * have waited longest in their stage, so the work that is late is the work that is seen.
 */
export function boardColumns(pipeline: Pipeline, families: Partial<Record<BoardStage, Family[]>>): BoardColumn[] {
  const overdue = new Map(pipeline.firstContactOverdue.map((entry) => [entry.familyId, entry.workingDaysWaiting]));
  return BOARD_STAGES.map((stage) => {
    const summary = pipeline.stages.find((entry) => entry.stage === stage);
    const cards = (families[stage] ?? [])
      .map((family) => ({ family, overdue: stage === 'lead' && overdue.has(family.familyId), workingDaysWaiting: overdue.get(family.familyId) }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (b.workingDaysWaiting ?? 0) - (a.workingDaysWaiting ?? 0) || b.family.daysInStage - a.family.daysInStage);
    return { stage, count: summary?.count ?? cards.length, averageDaysInStage: summary?.averageDaysInStage ?? 0, cards };
  });
}
