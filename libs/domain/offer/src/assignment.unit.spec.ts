import { deciderSpecification } from '@familybank/domain-core/testing';
import { offerDecider } from './offer.decider';
import {
  ASSIGNMENT_ID,
  KEY_FINGERPRINT,
  NOW,
  acceptancePending,
  assignmentConfirmed,
  assignmentEnded,
  confirmed,
  declined,
  declinedAfterAcceptance,
  disclosed,
  disclosedToRequester,
  ended,
  ending,
  made,
  terms,
  withdrawnAfterAcceptance,
  withdrawnWhileMade,
} from './testing/offer.fixtures';

const spec = deciderSpecification(offerDecider, { now: NOW });
const confirm = (assignmentId = ASSIGNMENT_ID) => ({ type: 'ConfirmAssignment', data: { assignmentId } }) as const;
const disclose = (recipientKeyFingerprint = KEY_FINGERPRINT, assignmentId = ASSIGNMENT_ID) =>
  ({ type: 'RecordDisclosure', data: { assignmentId, recipientKeyFingerprint } }) as const;
const end = (data = ending) => ({ type: 'EndAssignment', data }) as const;

describe('confirm assignment', () => {
  it('confirm, after the acceptance was received and the family reserved, records the assignment with the family, requester, period and children', () => {
    spec.given(acceptancePending).when(confirm()).then([
      {
        type: 'AssignmentConfirmed',
        data: { assignmentId: 'asg-1', familyId: 'fam-horsens-1', requester: { municipality: '0630', requestId: 'req-1' }, period: terms.period, children: 1 },
      },
    ]);
  });

  it('confirm, redelivered for the same assignment, changes nothing', () => {
    spec.given(confirmed).when(confirm()).then([]);
  });

  it('confirm, redelivered after the assignment ended, changes nothing', () => {
    spec.given(ended).when(confirm()).then([]);
  });

  it('confirm, of another assignment when one is confirmed, is refused', () => {
    spec.given(confirmed).when(confirm('asg-2')).thenThrows('OFFER.ALREADY_CONFIRMED', { assignmentId: 'asg-1' });
  });

  it('confirm assignment, before an acceptance was received, is refused', () => {
    spec.given(made).when(confirm()).thenThrows('OFFER.NO_ACCEPTANCE_RECEIVED', { status: 'made' });
  });

  it('confirm, after the offer was withdrawn, is refused so the reservation is released', () => {
    spec.given(withdrawnAfterAcceptance).when(confirm()).thenThrows('OFFER.NO_ACCEPTANCE_RECEIVED', { status: 'withdrawn' });
  });

  it('confirm, after the owner withdrew the offer before any acceptance, is refused', () => {
    spec.given(withdrawnWhileMade).when(confirm()).thenThrows('OFFER.NO_ACCEPTANCE_RECEIVED', { status: 'withdrawn' });
  });

  it('confirm, after the requester declined while the family was being reserved, is refused', () => {
    spec.given(declinedAfterAcceptance).when(confirm()).thenThrows('OFFER.NO_ACCEPTANCE_RECEIVED', { status: 'declined' });
  });
});

describe('record disclosure', () => {
  it('disclosure of the contact details, after confirmation, is recorded with the requester’s key fingerprint', () => {
    spec.given(confirmed).when(disclose()).then([disclosed()]);
  });

  it('disclosure, redelivered to the same key, changes nothing', () => {
    spec.given(disclosedToRequester).when(disclose()).then([]);
  });

  it('disclosure, redelivered after the assignment ended, changes nothing', () => {
    spec.given(ended).when(disclose()).then([]);
  });

  it('disclosure, to the requester’s rotated key, is recorded again', () => {
    spec.given(disclosedToRequester).when(disclose('SHA256:vejle-2027')).then([disclosed('SHA256:vejle-2027')]);
  });

  it('disclosure, after the assignment ended, of details never disclosed is refused', () => {
    spec
      .given([...confirmed, assignmentEnded])
      .when(disclose())
      .thenThrows('OFFER.ASSIGNMENT_ENDED', { assignmentId: 'asg-1' });
  });

  it('disclosure, without the requester’s key (none announced), is refused', () => {
    spec.given(confirmed).when({ type: 'RecordDisclosure', data: { assignmentId: ASSIGNMENT_ID } }).thenThrows('OFFER.RECIPIENT_KEY_UNKNOWN', { requester: '0630' });
  });

  it('disclosure, for another assignment, is refused', () => {
    spec.given(confirmed).when(disclose(KEY_FINGERPRINT, 'asg-2')).thenThrows('OFFER.UNKNOWN_ASSIGNMENT', { assignmentId: 'asg-2' });
  });

  it('disclosure, while the family is still being reserved, is refused', () => {
    spec.given(acceptancePending).when(disclose()).thenThrows('OFFER.NOT_CONFIRMED', { status: 'acceptance-received' });
  });

  it('disclosure, before anyone accepted, is refused', () => {
    spec.given(made).when(disclose()).thenThrows('OFFER.NOT_CONFIRMED', { status: 'made' });
  });

  it('disclosure, after the reservation was refused, is refused', () => {
    spec.given(withdrawnAfterAcceptance).when(disclose()).thenThrows('OFFER.NOT_CONFIRMED', { status: 'withdrawn' });
  });
});

describe('end assignment', () => {
  it('end records the ending with the family and requester, dated today, and whether the family wants a new assignment', () => {
    spec.given(disclosedToRequester).when(end()).then([
      {
        type: 'AssignmentEnded',
        data: {
          assignmentId: 'asg-1',
          reason: 'Ended as planned',
          wantsNewAssignment: true,
          familyId: 'fam-horsens-1',
          requester: { municipality: '0630', requestId: 'req-1' },
          endedOn: '2026-03-10',
        },
      },
    ]);
  });

  it('end, when the family wants no new assignment, records that', () => {
    const data = { ...ending, reason: 'The child moved', wantsNewAssignment: false };
    spec.given(confirmed).when(end(data)).then([
      { type: 'AssignmentEnded', data: { ...data, familyId: terms.familyId, requester: terms.requester, endedOn: '2026-03-10' } },
    ]);
  });

  it('end, redelivered for an assignment already ended, changes nothing', () => {
    spec.given(ended).when(end()).then([]);
  });

  it('end, of another assignment, is refused', () => {
    spec.given(confirmed).when(end({ ...ending, assignmentId: 'asg-2' })).thenThrows('OFFER.UNKNOWN_ASSIGNMENT', { assignmentId: 'asg-2' });
  });

  it.each([
    ['made', made],
    ['acceptance-received', acceptancePending],
    ['withdrawn', withdrawnAfterAcceptance],
    ['declined', declined],
  ] as const)('end, when the offer is %s, is refused as not confirmed', (status, events) => {
    spec.given(events).when(end()).thenThrows('OFFER.NOT_CONFIRMED', { status });
  });
});

describe('assignment lifecycle on the offer', () => {
  it('a confirmed, disclosed and ended offer keeps its terms, acceptance and assignment', () => {
    const state = ended.reduce(offerDecider.evolve, offerDecider.initialState());
    expect(state).toEqual({
      status: 'confirmed',
      terms,
      acceptanceId: 'acc-1',
      assignment: { assignmentId: 'asg-1', status: 'ended', disclosedTo: [KEY_FINGERPRINT] },
    });
  });

  it('a freshly confirmed offer holds an active assignment with nothing disclosed yet', () => {
    const state = [...acceptancePending, assignmentConfirmed()].reduce(offerDecider.evolve, offerDecider.initialState());
    expect(state.assignment).toEqual({ assignmentId: 'asg-1', status: 'active', disclosedTo: [] });
  });
});
