import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import { NOW, registration } from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });
const registeredAt = '2026-03-10T09:00:00.000Z';

describe('register a lead from targeted recruitment for a child’s request', () => {
  it('register, from a child request naming the request, records the lead with the request', () => {
    const data = { ...registration, sourceChannel: 'child-request' as const, recruitedForRequestId: 'req-1' };
    spec.given([]).when({ type: 'RegisterFamily', data: { ...data, recruitingRequest: 'started' } }).then([{ type: 'FamilyRegistered', data: { ...data, registeredAt } }]);
  });

  it('register, naming a request whose targeted recruitment has not started, is refused', () => {
    const data = { ...registration, sourceChannel: 'child-request' as const, recruitedForRequestId: 'req-1', recruitingRequest: 'not-started' as const };
    spec.given([]).when({ type: 'RegisterFamily', data }).thenThrows('REQUEST.RECRUITMENT_NOT_STARTED', { requestId: 'req-1' });
  });

  it('register, naming a request that is not one of ours, is not found', () => {
    const data = { ...registration, sourceChannel: 'child-request' as const, recruitedForRequestId: 'req-1', recruitingRequest: 'unknown' as const };
    spec.given([]).when({ type: 'RegisterFamily', data }).thenThrows('REQUEST.NOT_FOUND', { requestId: 'req-1' });
  });

  it('register, naming a request without its look-up, is not found (nothing is assumed)', () => {
    const data = { ...registration, sourceChannel: 'child-request' as const, recruitedForRequestId: 'req-1' };
    spec.given([]).when({ type: 'RegisterFamily', data }).thenThrows('REQUEST.NOT_FOUND');
  });

  it('register, from a child request without naming the request, is refused', () => {
    const data = { ...registration, sourceChannel: 'child-request' as const };
    spec.given([]).when({ type: 'RegisterFamily', data }).thenThrows('FAMILY.REQUEST_SOURCE_MISSING');
  });

  it('register, from a child request with an empty request id, is refused', () => {
    const data = { ...registration, sourceChannel: 'child-request' as const, recruitedForRequestId: '' };
    spec.given([]).when({ type: 'RegisterFamily', data }).thenThrows('FAMILY.REQUEST_SOURCE_MISSING');
  });

  it.each(['campaign', 'family-referral', 'other'] as const)('register, from channel %s naming a request, is refused', (sourceChannel) => {
    const data = { ...registration, sourceChannel, referredByFamilyId: 'fam-0', recruitedForRequestId: 'req-1', recruitingRequest: 'started' as const };
    spec.given([]).when({ type: 'RegisterFamily', data }).thenThrows('FAMILY.REQUEST_SOURCE_UNEXPECTED');
  });

  it('register, from another channel without a request, records the lead as before', () => {
    spec.given([]).when({ type: 'RegisterFamily', data: registration }).then([{ type: 'FamilyRegistered', data: { ...registration, registeredAt } }]);
  });
});
