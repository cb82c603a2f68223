import { CONTEXT, fixtureSource } from '../worklist.fixtures';
import { inboxRequestRule } from './inbox-request.rule';

describe('worklist rule: partners’ requests in the inbox', () => {
  it('open requests neither answered “no match” nor offered for (a withdrawn offer no longer answers), due on their deadline', () => {
    // p2 answered no match, p3 has our live offer, p5 is closed.
    expect(inboxRequestRule.items(fixtureSource, CONTEXT)).toEqual([
      { kind: 'inbox-request', dueOn: '2026-06-20', subject: { type: 'partner-request', id: 'p1', municipality: '0265', name: 'respite, child aged 8' }, note: expect.stringContaining('0265'), reason: { code: 'inbox-request.answer', params: { requester: '0265', responseDeadline: '2026-06-20', careType: 'respite', childAge: 8 } } },
      { kind: 'inbox-request', dueOn: '2026-06-09', subject: { type: 'partner-request', id: 'p4', municipality: '0101', name: 'respite, child aged 8' }, note: expect.any(String), reason: { code: 'inbox-request.answer', params: { requester: '0101', responseDeadline: '2026-06-09', careType: 'respite', childAge: 8 } } },
    ]);
  });
});
