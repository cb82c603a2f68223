import { recordedOn } from '../testing';
import { caseHoldersProjection, evolveCaseHolder } from './case-holders.projection';
import { buildWorklist } from './worklist';
import { CONTEXT, EXPECTED, NOW, fixtureHolderOf, fixtureSource } from './worklist.fixtures';


const summary = (items: ReturnType<typeof buildWorklist>['items']) => items.map((item) => [item.dueOn, item.kind, item.subject.id, item.overdue, item.assignee]);

describe('the worklist', () => {
  it('every rule’s items, sorted by due date (then kind, then subject), overdue before today, with who holds each subject', () => {
    const worklist = buildWorklist(fixtureSource, fixtureHolderOf, NOW, CONTEXT.policy);
    expect(worklist.asOf).toBe(NOW.toISOString());
    expect(summary(worklist.items)).toEqual(EXPECTED);
  });

  it('per user: only the items whose subject the user holds; `null`: the items nobody holds', () => {
    expect(summary(buildWorklist(fixtureSource, fixtureHolderOf, NOW, CONTEXT.policy, { assignee: 'anna' }).items)).toEqual(EXPECTED.filter(([, , , , who]) => who === 'anna'));
    expect(summary(buildWorklist(fixtureSource, fixtureHolderOf, NOW, CONTEXT.policy, { assignee: null }).items)).toEqual(EXPECTED.filter(([, , , , who]) => who === null));
    expect(buildWorklist(fixtureSource, fixtureHolderOf, NOW, CONTEXT.policy, { assignee: 'nobody' }).items).toEqual([]);
  });

  it('one kind only', () => {
    expect(summary(buildWorklist(fixtureSource, fixtureHolderOf, NOW, CONTEXT.policy, { kind: 'inbox-request' }).items)).toEqual(EXPECTED.filter(([, kind]) => kind === 'inbox-request'));
  });
});

describe('case holders (the worklist’s assignee)', () => {
  it('the actor of a family’s registration or a request’s opening holds it; later actors do not change that', () => {
    const registered = { ...recordedOn('family-f1', { type: 'FamilyRegistered', data: {} }, '0630'), metadata: { ...recordedOn('x', { type: 'X', data: {} }, '0630').metadata, actor: 'anna' } };
    const opened = { ...recordedOn('request-r1', { type: 'RequestOpened', data: {} }, '0630'), metadata: { ...registered.metadata, actor: 'bo' } };
    expect(caseHoldersProjection.documentId(registered)).toBe('family-f1');
    expect(evolveCaseHolder(null, registered)).toEqual({ streamId: 'family-f1', holder: 'anna' });
    expect(evolveCaseHolder(null, opened)).toEqual({ streamId: 'request-r1', holder: 'bo' });
    expect(caseHoldersProjection.handles.has('FirstContactMade')).toBe(false);
  });
});
