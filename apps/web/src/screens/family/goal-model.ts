import type { Schemas } from '@familybank/api-client';
import type { FormValues } from '../../forms/form-model';

type Goal = Pick<Schemas['DevelopmentGoal'], 'title' | 'description' | 'followUpOn'>;

/** The revise form starts from the goal as it stands, so the caseworker changes what they mean to. */
export function revisionInitial(goal: Goal): FormValues {
  return { title: goal.title, description: goal.description ?? '', followUpOn: goal.followUpOn ?? '' };
}

/**
 * A revision names only what differs from the goal ("what changes", as the API's schema says): a
 * form sent unchanged becomes an empty revision, which the API refuses as SUPPORT.EMPTY_REVISION
 * and the form explains. An emptied optional field is left out by the form, so it stays as it was.
 */
export function goalRevision(goal: Goal): (body: Record<string, unknown>) => Record<string, unknown> {
  return (body) => Object.fromEntries(Object.entries(body).filter(([name, value]) => value !== goal[name as keyof Goal]));
}
