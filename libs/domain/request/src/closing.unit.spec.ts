import { deciderSpecification } from '@familybank/domain-core/testing';
import { requestDecider } from './request.decider';
import type { RequestEvent } from './request.types';
import {
  AFTER_START_DATE,
  NOW,
  ON_START_DATE,
  START_DATE,
  acceptancePending,
  caseworkerCommands,
  expired,
  filled,
  lateFacts,
  opened,
  withOffers,
  withdrawn,
} from './testing/request.fixtures';

const spec = deciderSpecification(requestDecider, { now: NOW });
const afterStart = deciderSpecification(requestDecider, { now: AFTER_START_DATE });
const onStart = deciderSpecification(requestDecider, { now: ON_START_DATE });

const recruitmentStarted: RequestEvent = { type: 'TargetedRecruitmentStarted', data: {} };

describe('withdraw request', () => {
  it('withdraw an open request records the reason', () => {
    spec.given(withOffers).when({ type: 'WithdrawRequest', data: { reason: 'No longer needed' } }).then([
      { type: 'RequestWithdrawn', data: { reason: 'No longer needed' } },
    ]);
  });

  it('withdraw, before it was shared, records the withdrawal', () => {
    spec.given(opened).when({ type: 'WithdrawRequest', data: { reason: 'Opened by mistake' } }).then([
      { type: 'RequestWithdrawn', data: { reason: 'Opened by mistake' } },
    ]);
  });

  it('withdraw, when already withdrawn, is refused', () => {
    spec.given(withdrawn).when({ type: 'WithdrawRequest', data: { reason: 'Again' } }).thenThrows('REQUEST.NOT_OPEN', { status: 'withdrawn' });
  });
});

describe('expire request', () => {
  it('expire, after the start date passed unfilled, records the expiry with the response deadline', () => {
    afterStart.given(withOffers).when({ type: 'ExpireRequest', data: {} }).then([{ type: 'RequestExpired', data: { responseDeadline: '2026-03-20' } }]);
  });

  it('expire, on the start date itself, is refused', () => {
    onStart.given(withOffers).when({ type: 'ExpireRequest', data: {} }).thenThrows('REQUEST.NOT_YET_EXPIRED', { startDate: START_DATE });
  });

  it('expire, before the start date, is refused', () => {
    spec.given(withOffers).when({ type: 'ExpireRequest', data: {} }).thenThrows('REQUEST.NOT_YET_EXPIRED', { startDate: START_DATE });
  });

  it('expire, when the request was filled, is refused', () => {
    afterStart.given(filled).when({ type: 'ExpireRequest', data: {} }).thenThrows('REQUEST.NOT_OPEN', { status: 'filled' });
  });
});

describe('targeted recruitment', () => {
  it('start targeted recruitment records it', () => {
    spec.given(withOffers).when({ type: 'StartTargetedRecruitment', data: {} }).then([recruitmentStarted]);
  });

  it('start targeted recruitment, when it already started, is refused', () => {
    spec.given([...withOffers, recruitmentStarted]).when({ type: 'StartTargetedRecruitment', data: {} }).thenThrows('REQUEST.RECRUITMENT_ALREADY_STARTED');
  });

  it('offers are still recorded while recruitment runs', () => {
    const offer = { offerId: 'offer-7', partner: '0101', pseudonym: 'ps-kbh-g' };
    spec.given([...withOffers, recruitmentStarted]).when({ type: 'RecordOffer', data: offer }).then([{ type: 'OfferReceived', data: offer }]);
  });
});

describe.each([
  ['withdrawn', withdrawn],
  ['expired', expired],
  ['filled', filled],
] as const)('a %s request', (status, events) => {
  it.each(caseworkerCommands.map((command) => [command.type, command] as const))('%s from a caseworker is refused as not open', (_type, command) => {
    afterStart.given(events).when(command).thenThrows('REQUEST.NOT_OPEN', { status });
  });

  it.each(lateFacts.map((command, index) => [`${command.type} #${index + 1}`, command] as const))('%s arriving late from a partner is ignored', (_label, command) => {
    spec.given(events).when(command).then([]);
  });
});

describe('a confirmation after the request closed', () => {
  it('a redelivered confirmation of the offer that filled the request changes nothing', () => {
    spec.given(filled).when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'asg-1' } }).then([]);
  });

  it('a confirmation of another offer on a filled request is refused as not open', () => {
    spec
      .given(filled)
      .when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-2', assignmentId: 'asg-2' } })
      .thenThrows('REQUEST.NOT_OPEN', { status: 'filled' });
  });

  it('a confirmation arriving after the request was withdrawn with an acceptance pending is refused, so it is not lost silently', () => {
    spec
      .given([...acceptancePending, { type: 'RequestWithdrawn', data: { reason: 'No longer needed' } }])
      .when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'asg-1' } })
      .thenThrows('REQUEST.NOT_OPEN', { status: 'withdrawn' });
  });
});

describe('disclosure of the family’s contact details', () => {
  const sealed = { alg: 'X25519-HKDF-SHA256-A256GCM', ciphertext: 'abc' };
  const confirmedEvents = filled;
  const assignmentId = (confirmedEvents.find((event) => event.type === 'AssignmentConfirmed')!.data as { assignmentId: string }).assignmentId;

  it('record disclosure, for the request’s own assignment, keeps the sealed details once', () => {
    spec.given(confirmedEvents).when({ type: 'RecordDisclosure', data: { assignmentId, sealed } }).then([{ type: 'ContactDetailsReceived', data: { assignmentId, sealed } }]);
    spec.given([...confirmedEvents, { type: 'ContactDetailsReceived', data: { assignmentId, sealed } }]).when({ type: 'RecordDisclosure', data: { assignmentId, sealed } }).then([]);
  });

  it('record disclosure, for another assignment, is ignored', () => {
    spec.given(confirmedEvents).when({ type: 'RecordDisclosure', data: { assignmentId: 'someone-else', sealed } }).then([]);
  });

  it('record disclosure, arriving before the confirmation (another topic) from the accepted partner, is kept', () => {
    spec.given(acceptancePending).when({ type: 'RecordDisclosure', data: { assignmentId: 'asg-early', sealed, partner: '0265' } }).then([
      { type: 'ContactDetailsReceived', data: { assignmentId: 'asg-early', sealed } },
    ]);
  });

  it('record disclosure, before the confirmation but from another partner than the accepted one, is ignored', () => {
    spec.given(acceptancePending).when({ type: 'RecordDisclosure', data: { assignmentId: 'asg-early', sealed, partner: '0101' } }).then([]);
  });

  it('record disclosure, with no acceptance pending and nothing confirmed, is ignored', () => {
    spec.given(withOffers).when({ type: 'RecordDisclosure', data: { assignmentId: 'asg-early', sealed, partner: '0265' } }).then([]);
  });
});

describe('the owner ends the assignment', () => {
  const assignmentId = (filled.find((event) => event.type === 'AssignmentConfirmed')!.data as { assignmentId: string }).assignmentId;

  it('record assignment ended, for the request’s own assignment, records the end once', () => {
    spec.given(filled).when({ type: 'RecordAssignmentEnded', data: { assignmentId, reason: 'Placement ended as planned' } }).then([
      { type: 'AssignmentEnded', data: { assignmentId, reason: 'Placement ended as planned', endedOn: '2026-03-10' } },
    ]);
    spec.given([...filled, { type: 'AssignmentEnded', data: { assignmentId, reason: 'x', endedOn: '2026-11-27' } }]).when({ type: 'RecordAssignmentEnded', data: { assignmentId, reason: 'again' } }).then([]);
  });

  it('record assignment ended, for another assignment, is ignored', () => {
    spec.given(filled).when({ type: 'RecordAssignmentEnded', data: { assignmentId: 'someone-else', reason: 'x' } }).then([]);
  });
});
