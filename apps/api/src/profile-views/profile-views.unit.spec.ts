import type { AggregateCommand } from '@familybank/domain-workflows';
import type { CommandExecutor, CommandMeta } from '../platform/commands/command-gateway';
import type { RequestContext } from '../platform/http/request-context';
import { ProfileViewRecorder } from './profile-views';

const P1 = 'p'.repeat(43);

describe('recording views on the viewer’s side', () => {
  const ctx = { principal: { subject: 'anna@0630', municipality: '0630', roles: ['caseworker'] }, commandId: 'c3b5a1f2-0e1d-4c2b-9a8f-7e6d5c4b3a21', correlationId: 'corr-1' } as RequestContext;

  function recorder() {
    const calls: Array<{ target: AggregateCommand; meta: CommandMeta }> = [];
    const gateway: CommandExecutor = {
      execute: async (target, meta) => {
        calls.push({ target, meta });
        return { streamId: 'profile-views-0630', revision: 0, position: 1, appended: 1 };
      },
    };
    return { calls, recorder: new ProfileViewRecorder(gateway) };
  }

  it('sends the partners’ profiles shown as one command on the viewer’s stream, as the caseworker, derived from the request’s command id', async () => {
    const { calls, recorder: subject } = recorder();
    await subject.record(ctx, [
      { municipality: '0265', pseudonym: P1 },
      { municipality: '0630', pseudonym: P1 },
    ]);
    expect(calls).toEqual([
      {
        target: { aggregate: 'viewed-profiles', id: '0630', command: { type: 'RecordProfilesShown', data: { shown: [{ municipality: '0265', pseudonym: P1 }] } } },
        meta: { municipality: '0630', actor: 'anna@0630', commandId: `${ctx.commandId}:profiles-viewed`, correlationId: 'corr-1' },
      },
    ]);
  });

  it('sends nothing when no partner’s profile was shown', async () => {
    const { calls, recorder: subject } = recorder();
    await subject.record(ctx, [{ municipality: '0630', pseudonym: P1 }]);
    await subject.record(ctx, []);
    expect(calls).toEqual([]);
  });
});
