import { deciderSpecification } from '@familybank/domain-core/testing';
import { developmentPlanDecider, type AddGoal, type DevelopmentPlanEvent } from './development-plan';
import { NOW } from './testing/support.fixtures';

const spec = deciderSpecification(developmentPlanDecider, { now: NOW });
const addGoal = (change: Partial<AddGoal['data']> = {}): AddGoal => ({
  type: 'AddGoal',
  data: { familyId: 'fam-1', goalId: 'g1', title: 'Read a book with the child every day', setOn: '2026-06-01', followUpOn: '2026-09-01', family: 'approved', ...change },
});
const goalAdded: DevelopmentPlanEvent = {
  type: 'GoalAdded',
  data: { familyId: 'fam-1', goalId: 'g1', title: 'Read a book with the child every day', setOn: '2026-06-01', followUpOn: '2026-09-01' },
};
const achieved: DevelopmentPlanEvent = { type: 'GoalAchieved', data: { goalId: 'g1', on: '2026-06-05' } };

describe('goals of a development plan', () => {
  it('add a goal, for an approved family, records it with its first follow-up date', () => {
    spec.given([]).when(addGoal()).then([goalAdded]);
  });

  it('add a goal, for a family without approval, is refused: only approved families get a plan', () => {
    spec.given([]).when(addGoal({ family: 'not-approved' })).thenThrows('SUPPORT.FAMILY_NOT_APPROVED');
  });

  it('add a goal, for a family that is not ours, is refused as not found', () => {
    spec.given([]).when(addGoal({ family: 'unknown' })).thenThrows('FAMILY.NOT_FOUND');
  });

  it.each(['2026-06-01', '2026-05-31'])('add a goal, with its follow-up on %s (not after the day it was set), is refused', (followUpOn) => {
    spec.given([]).when(addGoal({ followUpOn })).thenThrows('SUPPORT.FOLLOW_UP_NOT_AFTER', { followUpOn, after: '2026-06-01' });
  });

  it('add a goal, set on a day still to come, is refused', () => {
    spec.given([]).when(addGoal({ setOn: '2026-06-11', followUpOn: '2026-07-01' })).thenThrows('SUPPORT.DATE_IN_FUTURE');
  });

  it('add a goal, with an id already in the plan, is refused', () => {
    spec.given([goalAdded]).when(addGoal()).thenThrows('SUPPORT.GOAL_EXISTS');
  });

  it('revise a goal records only what changed', () => {
    spec
      .given([goalAdded])
      .when({ type: 'ReviseGoal', data: { goalId: 'g1', title: 'Read a book with the child every day', followUpOn: '2026-08-15' } })
      .then([{ type: 'GoalRevised', data: { goalId: 'g1', followUpOn: '2026-08-15' } }]);
  });

  it('revise a goal, changing nothing, is refused', () => {
    spec.given([goalAdded]).when({ type: 'ReviseGoal', data: { goalId: 'g1', title: 'Read a book with the child every day' } }).thenThrows('SUPPORT.EMPTY_REVISION');
  });

  it('revise a goal, moving its follow-up before the day it was set, is refused', () => {
    spec.given([goalAdded]).when({ type: 'ReviseGoal', data: { goalId: 'g1', followUpOn: '2026-05-20' } }).thenThrows('SUPPORT.FOLLOW_UP_NOT_AFTER');
  });

  it('revise a goal that is not in the plan is refused as not found', () => {
    spec.given([goalAdded]).when({ type: 'ReviseGoal', data: { goalId: 'g9', title: 'x' } }).thenThrows('SUPPORT.GOAL_NOT_FOUND');
  });
});

describe('following up a goal', () => {
  it('record a follow-up, with the next one later, records both', () => {
    const data = { goalId: 'g1', on: '2026-06-09', note: 'Reads most evenings', nextFollowUpOn: '2026-09-09' };
    spec.given([goalAdded]).when({ type: 'RecordGoalFollowUp', data }).then([{ type: 'GoalFollowedUp', data }]);
  });

  it('record a follow-up, dated before the goal was set, is refused', () => {
    spec
      .given([goalAdded])
      .when({ type: 'RecordGoalFollowUp', data: { goalId: 'g1', on: '2026-05-30', note: 'x' } })
      .thenThrows('SUPPORT.BEFORE_GOAL_SET', { on: '2026-05-30', setOn: '2026-06-01' });
  });

  it('record a follow-up, with the next one not after it, is refused', () => {
    spec
      .given([goalAdded])
      .when({ type: 'RecordGoalFollowUp', data: { goalId: 'g1', on: '2026-06-09', note: 'x', nextFollowUpOn: '2026-06-09' } })
      .thenThrows('SUPPORT.FOLLOW_UP_NOT_AFTER');
  });

  it('record a follow-up, of an achieved goal, is refused', () => {
    spec.given([goalAdded, achieved]).when({ type: 'RecordGoalFollowUp', data: { goalId: 'g1', on: '2026-06-09', note: 'x' } }).thenThrows('SUPPORT.GOAL_CLOSED', { status: 'achieved' });
  });
});

describe('closing a goal', () => {
  it('achieve an open goal records it', () => {
    spec.given([goalAdded]).when({ type: 'AchieveGoal', data: { goalId: 'g1', on: '2026-06-05' } }).then([achieved]);
  });

  it('drop an open goal records the reason', () => {
    const data = { goalId: 'g1', on: '2026-06-05', reason: 'The child moved on' };
    spec.given([goalAdded]).when({ type: 'DropGoal', data }).then([{ type: 'GoalDropped', data }]);
  });

  it('drop a goal that is already achieved is refused', () => {
    spec.given([goalAdded, achieved]).when({ type: 'DropGoal', data: { goalId: 'g1', on: '2026-06-06', reason: 'x' } }).thenThrows('SUPPORT.GOAL_CLOSED');
  });

  it('achieve a goal before it was set is refused', () => {
    spec.given([goalAdded]).when({ type: 'AchieveGoal', data: { goalId: 'g1', on: '2026-05-01' } }).thenThrows('SUPPORT.BEFORE_GOAL_SET');
  });

  it('a closed goal has no follow-up due any more', () => {
    const state = [goalAdded, achieved].reduce(developmentPlanDecider.evolve, developmentPlanDecider.initialState());
    expect(state.goals.g1).toMatchObject({ status: 'achieved', followUpOn: undefined });
  });
});
