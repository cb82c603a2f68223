import { ReviseGoalBody } from '@familybank/contracts';
import { toBody, type FieldSpec } from '../../forms/form-model';
import { goalRevision, revisionInitial } from './goal-model';

const goal = { title: 'Reads with the child every day', description: 'Ten minutes at bedtime', followUpOn: '2027-03-01' };
const fields: FieldSpec[] = [
  { name: 'title', kind: 'text' },
  { name: 'description', kind: 'textarea' },
  { name: 'followUpOn', kind: 'date' },
];

describe('revising a development goal', () => {
  it('starts from the goal as it stands; a goal without description or follow-up starts with those empty', () => {
    expect(revisionInitial(goal)).toEqual(goal);
    expect(revisionInitial({ title: 'Swims' })).toEqual({ title: 'Swims', description: '', followUpOn: '' });
  });

  it('sends only what the caseworker changed, in the shape the API’s schema takes', () => {
    const body = goalRevision(goal)(toBody(fields, { ...revisionInitial(goal), followUpOn: '2027-04-15' }));
    expect(body).toEqual({ followUpOn: '2027-04-15' });
    expect(ReviseGoalBody.safeParse(body).success).toBe(true);
  });

  it('an unchanged form is an empty revision (the API names the rule); an emptied description is left as it was', () => {
    expect(goalRevision(goal)(toBody(fields, revisionInitial(goal)))).toEqual({});
    expect(goalRevision(goal)(toBody(fields, { ...revisionInitial(goal), description: '  ', title: 'Reads aloud' }))).toEqual({ title: 'Reads aloud' });
  });
});
