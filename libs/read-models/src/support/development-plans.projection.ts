import type { DevelopmentPlan, GoalView } from '@familybank/contracts';
import { assertNever } from '@familybank/domain-core';
import type { DevelopmentPlanEvent } from '@familybank/domain-support';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

export type RecordedPlanEvent = RecordedEvent & DevelopmentPlanEvent;

const PREFIX = 'development-plan-';

/**
 * One document per family's plan. Its size grows with the goals, not with their follow-ups (the
 * last one and a count; every follow-up is in the plan's stream). `nextFollowUpDue` is the earliest
 * follow-up of an open goal, so "follow-ups due by a day" is one indexed comparison.
 */
export const developmentPlansProjection: Projection<DevelopmentPlan> = {
  name: 'development-plans',
  version: 1,
  collection: 'development-plans',
  streamPrefix: PREFIX,
  handles: new Set<DevelopmentPlanEvent['type']>(['GoalAdded', 'GoalRevised', 'GoalFollowedUp', 'GoalAchieved', 'GoalDropped']),
  documentId: (event) => event.streamId.slice(PREFIX.length),
  evolve: (document, event) => evolveDevelopmentPlan(document, event as RecordedPlanEvent),
};

export function evolveDevelopmentPlan(document: DevelopmentPlan | null, event: RecordedPlanEvent): DevelopmentPlan | null {
  const plan = document ?? { familyId: event.streamId.slice(PREFIX.length), goals: [], openGoals: 0, revision: event.revision };
  const goals = withEvent(plan.goals, event);
  const open = goals.filter((goal) => goal.status === 'open');
  const due = open.map((goal) => goal.followUpOn).filter((on): on is string => on !== undefined).sort();
  const { nextFollowUpDue: _previous, ...rest } = plan;
  return { ...rest, goals, openGoals: open.length, ...(due[0] !== undefined && { nextFollowUpDue: due[0] }), revision: event.revision };
}

function withEvent(goals: GoalView[], event: RecordedPlanEvent): GoalView[] {
  const by = event.metadata.actor;
  const at = event.metadata.occurredAt;
  const update = (goalId: string, change: (goal: GoalView) => GoalView) => goals.map((goal) => (goal.goalId === goalId ? { ...change(goal), updatedAt: at } : goal));
  switch (event.type) {
    case 'GoalAdded': {
      const { goalId, title, description, setOn, followUpOn } = event.data;
      return [...goals, { goalId, title, ...(description !== undefined && { description }), setOn, status: 'open', followUpOn, followUps: 0, addedBy: by, updatedAt: at }];
    }
    case 'GoalRevised': {
      const { goalId, ...change } = event.data;
      return update(goalId, (goal) => ({ ...goal, ...definedOnly(change) }));
    }
    case 'GoalFollowedUp': {
      const { goalId, on, note, nextFollowUpOn } = event.data;
      return update(goalId, ({ followUpOn: _done, ...goal }) => ({
        ...goal,
        ...(nextFollowUpOn !== undefined && { followUpOn: nextFollowUpOn }),
        followUps: goal.followUps + 1,
        lastFollowUp: { on, note, recordedBy: by },
      }));
    }
    case 'GoalAchieved':
      return update(event.data.goalId, ({ followUpOn: _none, ...goal }) => ({
        ...goal,
        status: 'achieved',
        closed: { on: event.data.on, ...(event.data.note !== undefined && { note: event.data.note }), recordedBy: by },
      }));
    case 'GoalDropped':
      return update(event.data.goalId, ({ followUpOn: _none, ...goal }) => ({ ...goal, status: 'dropped', closed: { on: event.data.on, note: event.data.reason, recordedBy: by } }));
    default:
      return assertNever(event);
  }
}

const definedOnly = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
