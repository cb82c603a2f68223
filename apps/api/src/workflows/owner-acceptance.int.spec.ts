import { familyStreamId } from '@familybank/domain-family';
import { offerStreamId } from '@familybank/domain-offer';
import type { AggregateCommand } from '@familybank/domain-workflows';
import type { CommandExecutor, CommandMeta } from '../platform/commands/command-gateway';
import { FROM, OWNER, PERIOD, REQUESTER, REQUESTER_KEY, WorkflowFixture } from './testing/workflow-fixture';

const accept = (offerId: string, acceptanceId = `acc-${offerId}`) => ({ type: 'ReceiveAcceptance', data: { acceptanceId, from: FROM } }) as const;

describe('the owner’s acceptance saga, driven from the event log', () => {
  let fixture: WorkflowFixture;

  beforeEach(async () => {
    fixture = new WorkflowFixture();
    await fixture.runner.run();
    await fixture.availableFamily('fam-1');
  });

  afterEach(() => fixture.close());

  it('an acceptance reserves the family, confirms the assignment and discloses to the requester’s key, as the requester', async () => {
    await fixture.makeOffer('offer-1', 'fam-1');
    await fixture.fromRequester('offer-1', accept('offer-1'), 'msg-accept-1');

    await fixture.runner.run();

    const offer = await fixture.stream(offerStreamId('offer-1'));
    expect(offer.map((event) => event.type)).toEqual(['OfferMade', 'AcceptanceReceived', 'AssignmentConfirmed', 'ContactDetailsDisclosed']);
    expect(offer[3]!.data).toEqual({ assignmentId: 'as-offer-1', recipientKeyFingerprint: REQUESTER_KEY });
    const reserved = (await fixture.stream(familyStreamId('fam-1'))).at(-1)!;
    expect(reserved).toMatchObject({ type: 'FamilyReserved', data: { assignmentId: 'as-offer-1', requester: { municipality: REQUESTER, requestId: 'req-1' }, period: PERIOD, children: 1 } });
    for (const step of [reserved, ...offer.slice(2)]) {
      expect(step.metadata).toMatchObject({ actor: `partner:${REQUESTER}`, municipality: OWNER, correlationId: 'corr-msg-accept-1' });
    }
    expect(fixture.runner.position()).toBe(await fixture.events.lastPosition());
  });

  it('a reservation the family has no place for withdraws the offer with the refusal’s reason and code', async () => {
    await fixture.makeOffer('offer-1', 'fam-1', 2);
    await fixture.fromRequester('offer-1', accept('offer-1'), 'msg-accept-1');

    await fixture.runner.run();

    const offer = await fixture.stream(offerStreamId('offer-1'));
    expect(offer.map((event) => event.type)).toEqual(['OfferMade', 'AcceptanceReceived', 'OfferWithdrawn']);
    expect(offer[2]!.data).toMatchObject({ code: 'FAMILY.NO_PLACE_IN_PERIOD' });
    expect(offer[2]!.metadata.actor).toBe(`partner:${REQUESTER}`);
    expect(await fixture.types(familyStreamId('fam-1'))).not.toContain('FamilyReserved');
  });

  it('a crash after a command and before the checkpoint replays the batch without appending anything twice', async () => {
    await fixture.makeOffer('offer-1', 'fam-1');
    await fixture.fromRequester('offer-1', accept('offer-1'), 'msg-accept-1');
    const crashing = new CrashAfter(fixture.gateway, (target) => target.command.type === 'ConfirmAssignment');

    const crashed = fixture.runnerOver(crashing);
    await expect(crashed.run()).rejects.toThrow('crashed after ConfirmAssignment');
    expect(await fixture.types(offerStreamId('offer-1'))).toEqual(['OfferMade', 'AcceptanceReceived', 'AssignmentConfirmed']);
    const reservedAt = (await fixture.stream(familyStreamId('fam-1'))).at(-1)!.position;
    expect(crashed.position()).toBeLessThan(reservedAt);

    const restarted = fixture.runnerOver(fixture.gateway);
    await restarted.run();

    expect(await fixture.types(offerStreamId('offer-1'))).toEqual(['OfferMade', 'AcceptanceReceived', 'AssignmentConfirmed', 'ContactDetailsDisclosed']);
    expect((await fixture.types(familyStreamId('fam-1'))).filter((type) => type === 'FamilyReserved')).toHaveLength(1);
    const confirms = fixture.gateway.calls.filter(({ target }) => target.command.type === 'ConfirmAssignment').map(({ meta }) => meta.commandId);
    expect(confirms).toHaveLength(2);
    expect(new Set(confirms).size).toBe(1);
  });

  it('a failed run reports the workflows as degraded, with the events waiting, until a run succeeds', async () => {
    await fixture.makeOffer('offer-1', 'fam-1');
    await fixture.fromRequester('offer-1', accept('offer-1'), 'msg-accept-1');
    const failing = fixture.runnerOver(new CrashAfter(fixture.gateway, (target) => target.command.type === 'ReserveFamily'));

    await expect(failing.run()).rejects.toThrow();
    const status = await failing.status();
    expect(status).toMatchObject({ status: 'degraded', lag: (await fixture.events.lastPosition()) - failing.position() });
    expect(status.lag).toBeGreaterThan(0);

    await failing.run();
    expect(await failing.status()).toEqual({ status: 'up', lag: 0 });
  });

  it('two acceptances for the one place: one is confirmed, the other withdrawn', async () => {
    await fixture.makeOffer('offer-a', 'fam-1');
    await fixture.makeOffer('offer-b', 'fam-1');
    await Promise.all([fixture.fromRequester('offer-a', accept('offer-a'), 'msg-a'), fixture.fromRequester('offer-b', accept('offer-b'), 'msg-b')]);

    await Promise.all([fixture.runner.run(), fixture.runner.run(), fixture.runner.tick()]);

    const outcomes = await Promise.all(['offer-a', 'offer-b'].map(async (offerId) => (await fixture.types(offerStreamId(offerId))).slice(2)));
    expect(outcomes).toEqual(expect.arrayContaining([['AssignmentConfirmed', 'ContactDetailsDisclosed'], ['OfferWithdrawn']]));
    expect((await fixture.types(familyStreamId('fam-1'))).filter((type) => type === 'FamilyReserved')).toHaveLength(1);
  });

  it('the requester’s decline while the family was being reserved releases the reservation again', async () => {
    await fixture.makeOffer('offer-1', 'fam-1');
    await fixture.fromRequester('offer-1', accept('offer-1'), 'msg-accept-1');
    const declining = new BeforeCommand(fixture.gateway, 'ConfirmAssignment', () =>
      fixture.fromRequester('offer-1', { type: 'RecordOfferDeclined', data: { reason: 'The requester cancelled the acceptance', from: FROM } }, 'msg-decline-1'),
    );

    await fixture.runnerOver(declining).run();

    expect(await fixture.types(offerStreamId('offer-1'))).toEqual(['OfferMade', 'AcceptanceReceived', 'OfferDeclinedByRequester']);
    const family = await fixture.stream(familyStreamId('fam-1'));
    expect(family.slice(-2).map((event) => event.type)).toEqual(['FamilyReserved', 'AssignmentEnded']);
    expect(family.at(-1)!.data).toMatchObject({ assignmentId: 'as-offer-1', reason: expect.stringMatching(/^Released: /), wantsNewAssignment: true });
  });
});

/** Executes the command, then fails once for the chosen one: the process died before its checkpoint. */
class CrashAfter implements CommandExecutor {
  private crashed = false;
  constructor(
    private readonly inner: CommandExecutor,
    private readonly crashesAfter: (target: AggregateCommand) => boolean,
  ) {}

  async execute(target: AggregateCommand, meta: CommandMeta) {
    const result = await this.inner.execute(target, meta);
    if (!this.crashed && this.crashesAfter(target)) {
      this.crashed = true;
      throw new Error(`crashed after ${target.command.type}`);
    }
    return result;
  }
}

/** Lets something else happen just before the chosen command, once: a message crossing the saga. */
class BeforeCommand implements CommandExecutor {
  private done = false;
  constructor(
    private readonly inner: CommandExecutor,
    private readonly type: string,
    private readonly meanwhile: () => Promise<unknown>,
  ) {}

  async execute(target: AggregateCommand, meta: CommandMeta) {
    if (!this.done && target.command.type === this.type) {
      this.done = true;
      await this.meanwhile();
    }
    return this.inner.execute(target, meta);
  }
}
