import { assertNever, ensure, isoDate, type DecisionContext, type IsoDate, type Message } from '@familybank/domain-core';
import { SupportErrors } from './support.errors';
import { ensureApprovedFamily, type FamilyStanding } from './support.lookups';
import type { GoalStatus } from './vocabulary';

/**
 * A family's development plan (seed 004: concrete goals for the foster parents' task, followed up):
 * stream `development-plan-<familyId>`, started by its first goal. Every goal has a next follow-up
 * date after the day it was set, so that "follow-ups due" can be listed.
 */
export const developmentPlanStreamId = (familyId: string) => `development-plan-${familyId}`;

export interface GoalTerms {
  title: string;
  description?: string;
  /** The next follow-up; absent when none is scheduled (e.g. the goal is about to be closed). */
  followUpOn?: IsoDate;
}

export type AddGoal = Message<'AddGoal', GoalTerms & { familyId: string; goalId: string; setOn: IsoDate; followUpOn: IsoDate; family: FamilyStanding }>;
export type ReviseGoal = Message<'ReviseGoal', Partial<GoalTerms> & { goalId: string }>;
export type RecordGoalFollowUp = Message<'RecordGoalFollowUp', { goalId: string; on: IsoDate; note: string; nextFollowUpOn?: IsoDate }>;
export type AchieveGoal = Message<'AchieveGoal', { goalId: string; on: IsoDate; note?: string }>;
export type DropGoal = Message<'DropGoal', { goalId: string; on: IsoDate; reason: string }>;
export type DevelopmentPlanCommand = AddGoal | ReviseGoal | RecordGoalFollowUp | AchieveGoal | DropGoal;

export type GoalAdded = Message<'GoalAdded', GoalTerms & { familyId: string; goalId: string; setOn: IsoDate; followUpOn: IsoDate }>;
export type GoalRevised = Message<'GoalRevised', Partial<GoalTerms> & { goalId: string }>;
export type GoalFollowedUp = Message<'GoalFollowedUp', { goalId: string; on: IsoDate; note: string; nextFollowUpOn?: IsoDate }>;
export type GoalAchieved = Message<'GoalAchieved', { goalId: string; on: IsoDate; note?: string }>;
export type GoalDropped = Message<'GoalDropped', { goalId: string; on: IsoDate; reason: string }>;
export type DevelopmentPlanEvent = GoalAdded | GoalRevised | GoalFollowedUp | GoalAchieved | GoalDropped;

export interface GoalState {
  setOn: IsoDate;
  status: GoalStatus;
  title: string;
  description?: string;
  followUpOn?: IsoDate;
}

export interface DevelopmentPlanState {
  goals: Record<string, GoalState>;
}

export const initialDevelopmentPlanState = (): DevelopmentPlanState => ({ goals: {} });

export function decideDevelopmentPlan(command: DevelopmentPlanCommand, state: DevelopmentPlanState, { now }: DecisionContext): DevelopmentPlanEvent[] {
  const today = isoDate(now);
  switch (command.type) {
    case 'AddGoal': {
      const { family, ...goal } = command.data;
      ensureApprovedFamily({ familyId: goal.familyId, standing: family });
      ensure(state.goals[goal.goalId] === undefined, () => SupportErrors.goalExists(goal.goalId));
      notInFuture('setOn', goal.setOn, today);
      ensure(goal.followUpOn > goal.setOn, () => SupportErrors.followUpNotAfter(goal.followUpOn, goal.setOn));
      return [{ type: 'GoalAdded', data: goal }];
    }
    case 'ReviseGoal': {
      const goal = openGoal(state, command.data.goalId);
      const { goalId, ...change } = command.data;
      const changed = (Object.keys(change) as Array<keyof GoalTerms>).filter((key) => change[key] !== undefined && change[key] !== goal[key]);
      ensure(changed.length > 0, SupportErrors.emptyRevision);
      if (change.followUpOn !== undefined) ensure(change.followUpOn > goal.setOn, () => SupportErrors.followUpNotAfter(change.followUpOn!, goal.setOn));
      return [{ type: 'GoalRevised', data: { goalId, ...Object.fromEntries(changed.map((key) => [key, change[key]])) } }];
    }
    case 'RecordGoalFollowUp': {
      const { goalId, on, nextFollowUpOn } = command.data;
      onOrAfterSet(openGoal(state, goalId), on, today);
      if (nextFollowUpOn !== undefined) ensure(nextFollowUpOn > on, () => SupportErrors.followUpNotAfter(nextFollowUpOn, on));
      return [{ type: 'GoalFollowedUp', data: command.data }];
    }
    case 'AchieveGoal':
      onOrAfterSet(openGoal(state, command.data.goalId), command.data.on, today);
      return [{ type: 'GoalAchieved', data: command.data }];
    case 'DropGoal':
      onOrAfterSet(openGoal(state, command.data.goalId), command.data.on, today);
      return [{ type: 'GoalDropped', data: command.data }];
    default:
      return assertNever(command);
  }
}

export function evolveDevelopmentPlan(state: DevelopmentPlanState, event: DevelopmentPlanEvent): DevelopmentPlanState {
  const update = (goalId: string, change: Partial<GoalState>) => ({ goals: { ...state.goals, [goalId]: { ...state.goals[goalId]!, ...change } } });
  switch (event.type) {
    case 'GoalAdded': {
      const { goalId, setOn, title, description, followUpOn } = event.data;
      return { goals: { ...state.goals, [goalId]: { setOn, status: 'open', title, description, followUpOn } } };
    }
    case 'GoalRevised': {
      const { goalId, ...change } = event.data;
      return update(goalId, change);
    }
    case 'GoalFollowedUp':
      return update(event.data.goalId, { followUpOn: event.data.nextFollowUpOn });
    case 'GoalAchieved':
      return update(event.data.goalId, { status: 'achieved', followUpOn: undefined });
    case 'GoalDropped':
      return update(event.data.goalId, { status: 'dropped', followUpOn: undefined });
    default:
      return assertNever(event);
  }
}

function openGoal(state: DevelopmentPlanState, goalId: string): GoalState {
  const goal = state.goals[goalId];
  ensure(goal !== undefined, () => SupportErrors.goalNotFound(goalId));
  ensure(goal.status === 'open', () => SupportErrors.goalClosed(goalId, goal.status));
  return goal;
}

/** A step on a goal happens on or after the day it was set, and not later than today. */
function onOrAfterSet(goal: GoalState, on: IsoDate, today: IsoDate): void {
  ensure(on >= goal.setOn, () => SupportErrors.beforeGoalSet(on, goal.setOn));
  notInFuture('on', on, today);
}

export function notInFuture(field: string, date: IsoDate, today: IsoDate): void {
  ensure(date <= today, () => SupportErrors.dateInFuture(field, date));
}

export const developmentPlanDecider = {
  decide: decideDevelopmentPlan,
  evolve: evolveDevelopmentPlan,
  initialState: initialDevelopmentPlanState,
};
