import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { familyStreamId } from '@familybank/domain-family';
import { offerStreamId } from '@familybank/domain-offer';
import { requestStreamId, type ChildNeeds } from '@familybank/domain-request';
import { APPROVAL_EXPIRY, NETWORK_FAMILY, partnerRequestStreamId, processManagers, type AggregateCommand } from '@familybank/domain-workflows';
import type { CommandExecutor, CommandMeta } from '../platform/commands/command-gateway';
import { ProcessManagerRunner } from './process-manager-runner';
import { WorkflowStore } from './workflow-store';
import { FROM, OWNER, REQUESTER, WorkflowFixture } from './testing/workflow-fixture';

const released = (reason: string) => ({ reason: `Released: ${reason}`, wantsNewAssignment: true });

describe('workflows between aggregates, driven from the event log', () => {
  let fixture: WorkflowFixture;

  beforeEach(async () => {
    fixture = new WorkflowFixture();
    await fixture.runner.run();
    await fixture.availableFamily('fam-1');
  });

  afterEach(() => fixture.close());

  async function confirmedOffer(offerId: string, familyId = 'fam-1') {
    await fixture.makeOffer(offerId, familyId);
    await fixture.fromRequester(offerId, { type: 'ReceiveAcceptance', data: { acceptanceId: `acc-${offerId}`, from: FROM } }, `msg-accept-${offerId}`);
    await fixture.runner.run();
  }

  const ended = async (streamId: string) => (await fixture.stream(streamId)).filter((event) => event.type === 'AssignmentEnded');

  it('a decline that crosses the confirmation ends the assignment on the offer and on the family, once each, and frees the place', async () => {
    await confirmedOffer('offer-1');
    await fixture.fromRequester('offer-1', { type: 'RecordOfferDeclined', data: { reason: 'The requester cancelled the acceptance', from: FROM } }, 'msg-decline-1');

    await fixture.runner.run();

    const [onOffer] = await ended(offerStreamId('offer-1'));
    const onFamily = await ended(familyStreamId('fam-1'));
    expect(onOffer!.data).toMatchObject({ assignmentId: 'as-offer-1', ...released('The requester cancelled the acceptance') });
    expect(onFamily).toHaveLength(1);
    expect(onFamily[0]!.data).toMatchObject({ assignmentId: 'as-offer-1', ...released('The requester cancelled the acceptance') });
    expect(onFamily[0]!.metadata.actor).toBe(`partner:${REQUESTER}`);
    expect(await ended(offerStreamId('offer-1'))).toHaveLength(1);

    await confirmedOffer('offer-2');
    expect(await fixture.types(offerStreamId('offer-2'))).toContain('AssignmentConfirmed');
  });

  it('an assignment a caseworker ends on the family ends on the offer too, as the workflow, once', async () => {
    await confirmedOffer('offer-1');
    const ending = { assignmentId: 'as-offer-1', reason: 'The child moved back home', wantsNewAssignment: false };
    await fixture.command({ aggregate: 'family', id: 'fam-1', command: { type: 'EndAssignment', data: ending } }, 'caseworker-1', 'end-1');

    await fixture.runner.run();

    const onOffer = await ended(offerStreamId('offer-1'));
    expect(onOffer).toHaveLength(1);
    expect(onOffer[0]!.data).toMatchObject(ending);
    expect(onOffer[0]!.metadata).toMatchObject({ actor: 'system:assignment-ending', correlationId: 'corr-end-1' });
    expect(await ended(familyStreamId('fam-1'))).toHaveLength(1);
  });

  it('a partner’s withdrawn request declines our offers for it and frees the place of the confirmed one', async () => {
    await fixture.availableFamily('fam-2');
    await confirmedOffer('offer-confirmed', 'fam-1');
    await fixture.makeOffer('offer-open', 'fam-2');
    const closed = { type: 'PartnerRequestClosed', data: { requester: REQUESTER, requestId: 'req-1', reason: 'withdrawn' } };
    await fixture.events.appendToStream(partnerRequestStreamId(OWNER, REQUESTER, 'req-1'), [{ eventId: 'closed-1', ...closed, metadata: fixture.metadata(`partner:${REQUESTER}`, 'msg-closed') }], {
      expectedRevision: 'any',
    });

    await fixture.runner.run();

    expect((await fixture.stream(offerStreamId('offer-open'))).at(-1)).toMatchObject({ type: 'OfferDeclinedByRequester', data: { reason: 'The request was withdrawn' } });
    expect((await ended(offerStreamId('offer-confirmed')))[0]!.data).toMatchObject(released('The request was withdrawn'));
    expect((await ended(familyStreamId('fam-1')))[0]!.data).toMatchObject({ assignmentId: 'as-offer-confirmed', ...released('The request was withdrawn') });
  });

  it('time passing expires a run-out approval as the approval sweep, once', async () => {
    fixture.now = new Date('2027-03-02T06:00:00.000Z');

    expect(await fixture.runner.tick()).toEqual({ 'approval-expiry': 1, 'request-expiry': 0, 'retention-erasure': 0 });
    fixture.now = new Date('2027-03-02T07:00:00.000Z');
    expect(await fixture.runner.tick()).toEqual({ 'approval-expiry': 0, 'request-expiry': 0, 'retention-erasure': 0 });

    const expired = (await fixture.stream(familyStreamId('fam-1'))).filter((event) => event.type === 'ApprovalExpired');
    expect(expired).toHaveLength(1);
    expect(expired[0]!.metadata).toMatchObject({ actor: 'system:approval-expiry', municipality: OWNER });
  });

  it('time passing erases a retired family two years after its retirement, once, as the retention sweep', async () => {
    await fixture.command({ aggregate: 'family', id: 'fam-1', command: { type: 'RetireFamily', data: { reason: 'Moved abroad' } } }, 'cw-1', 'retire-1');
    await fixture.runner.run();
    fixture.now = new Date('2028-03-08T06:00:00.000Z');
    expect((await fixture.runner.tick())['retention-erasure']).toBe(0);
    fixture.now = new Date('2028-03-10T06:00:00.000Z');
    expect((await fixture.runner.tick())['retention-erasure']).toBe(1);
    expect((await fixture.runner.tick())['retention-erasure']).toBe(0);

    const erased = (await fixture.stream(familyStreamId('fam-1'))).filter((event) => event.type === 'FamilyErased');
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ data: { reason: 'Retention: retired on 2026-03-10, personal data kept 730 days after closing', atStage: 'retired' }, metadata: { actor: 'system:retention-erasure' } });
  });

  it('time passing expires an open request whose start date passed, as the request sweep', async () => {
    const opening = { requestId: 'req-9', caseReference: 'case-9', needs: needs('2026-04-01'), responseDeadline: '2026-03-20' };
    await fixture.gateway.execute({ aggregate: 'request', id: 'req-9', command: { type: 'OpenRequest', data: opening } }, { municipality: REQUESTER, actor: 'caseworker-9', commandId: 'open-9', correlationId: 'c' });

    fixture.now = new Date('2026-04-01T12:00:00.000Z');
    expect((await fixture.runner.tick())['request-expiry']).toBe(0);
    fixture.now = new Date('2026-04-02T12:00:00.000Z');
    expect((await fixture.runner.tick())['request-expiry']).toBe(1);

    const [, expired] = await fixture.stream(requestStreamId('req-9'));
    expect(expired).toMatchObject({ type: 'RequestExpired', metadata: { actor: 'system:request-expiry', municipality: REQUESTER } });
  });

  it('a runner meeting a log for the first time folds its history without acting on it, and acts on what follows', async () => {
    const fresh = new WorkflowFixture();
    await fresh.availableFamily('fam-1');
    await fresh.makeOffer('offer-old', 'fam-1');
    await fresh.fromRequester('offer-old', { type: 'ReceiveAcceptance', data: { acceptanceId: 'acc-old', from: FROM } }, 'msg-old');

    await fresh.runner.run();
    expect(await fresh.types(familyStreamId('fam-1'))).not.toContain('FamilyReserved');

    fresh.now = new Date('2027-03-02T06:00:00.000Z');
    expect((await fresh.runner.tick())['approval-expiry']).toBe(1);
    await fresh.close();
  });

  it('a restarted runner continues each workflow from the state and checkpoint in its own file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflows-'));
    const file = join(dir, 'workflows.sqlite');
    const before = new WorkflowStore(file);
    const stopping = new ProcessManagerRunner(fixture.events, before, new StopAt(fixture.gateway, 'ConfirmAssignment'), processManagers, fixture.clock);
    await stopping.run();
    await fixture.makeOffer('offer-1', 'fam-1');
    await fixture.fromRequester('offer-1', { type: 'ReceiveAcceptance', data: { acceptanceId: 'acc-1', from: FROM } }, 'msg-accept-1');
    await expect(stopping.run()).rejects.toThrow('stopped');
    before.close();

    const after = new WorkflowStore(file);
    await new ProcessManagerRunner(fixture.events, after, fixture.gateway, processManagers, fixture.clock).run();
    after.close();
    rmSync(dir, { recursive: true, force: true });

    expect(await fixture.types(offerStreamId('offer-1'))).toEqual(['OfferMade', 'AcceptanceReceived', 'AssignmentConfirmed', 'ContactDetailsDisclosed']);
  });

  it('events no workflow handles leave its file untouched; a restarted runner reads them again and does nothing twice', async () => {
    const progress = () => processManagers.map((manager) => fixture.workflows.progress(manager.name)!.position);
    await fixture.runner.run();
    const stored = progress();
    const note = (n: number) => ({ eventId: `note-${n}`, type: 'NoteTakenForTest', data: {}, metadata: fixture.metadata('caseworker-1', `note-${n}`) });
    await fixture.events.appendToStream('notes-for-test', [note(1), note(2)], { expectedRevision: 'any' });

    await fixture.runner.run();
    expect(fixture.runner.position()).toBe(await fixture.events.lastPosition());
    expect(progress()).toEqual(stored);

    const restarted = fixture.runnerOver(fixture.gateway);
    expect(restarted.position()).toBe(Math.min(...stored));
    await fixture.makeOffer('offer-1', 'fam-1');
    await fixture.fromRequester('offer-1', { type: 'ReceiveAcceptance', data: { acceptanceId: 'acc-1', from: FROM } }, 'msg-accept-1');
    await restarted.run();
    expect(await fixture.types(familyStreamId('fam-1'))).toContain('FamilyReserved');
    expect(progress().every((position) => position === Math.min(...progress()) && position > Math.max(...stored))).toBe(true);
    expect(await fixture.types(offerStreamId('offer-1'))).toEqual(['OfferMade', 'AcceptanceReceived', 'AssignmentConfirmed', 'ContactDetailsDisclosed']);
  });

  it('writes only states that changed: a registration leaves no row for network-family (its state never changes), an approval is kept', async () => {
    const saves = jest.spyOn(fixture.workflows, 'save');
    await fixture.runner.run();

    expect(saves).toHaveBeenCalled();
    expect(saves.mock.calls.flatMap(([instances]) => instances.map((instance) => instance.manager))).not.toContain(NETWORK_FAMILY);
    expect(fixture.workflows.instances(NETWORK_FAMILY)).toEqual([]);
    expect(fixture.workflows.instances(APPROVAL_EXPIRY)).toEqual([expect.objectContaining({ state: expect.objectContaining({}) })]);
  });

  it('nudges while a run waits to start share that run', async () => {
    await fixture.makeOffer('offer-1', 'fam-1');
    const reads = jest.spyOn(fixture.events, 'readAll');

    for (let i = 0; i < 10; i++) fixture.runner.nudge();
    await fixture.runner.run();

    expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
    expect(await fixture.runner.status()).toEqual({ status: 'up', lag: 0 });
  });
});

/** Fails before the chosen command, as a process that is stopped there. */
class StopAt implements CommandExecutor {
  constructor(
    private readonly inner: CommandExecutor,
    private readonly type: string,
  ) {}

  execute(target: AggregateCommand, meta: CommandMeta) {
    return target.command.type === this.type ? Promise.reject(new Error('stopped')) : this.inner.execute(target, meta);
  }
}

function needs(startDate: string): ChildNeeds {
  return {
    careType: 'respite',
    childAge: 9,
    siblings: 0,
    requiredCompetences: [],
    wishedCompetences: [],
    languages: ['da'],
    schedule: { patterns: ['weekends'], period: { from: startDate, to: '2026-12-31' } },
    region: 'DK-83',
    networkExplored: true,
    networkCandidates: [],
    startDate,
  };
}
