import { ownerAcceptance } from '../owner-acceptance/owner-acceptance';
import { familyFact, offerFact, tick } from './facts';
import { processManagerSpecification } from './process-manager-specification';

const spec = processManagerSpecification(ownerAcceptance);
const reserved = (assignmentId: string) =>
  familyFact('fam-1', { type: 'FamilyReserved', data: { assignmentId, requester: { municipality: '0630', requestId: 'r' }, period: { from: '2026-04-01', to: '2026-04-02' }, children: 1 } });

describe('process manager specification', () => {
  it('fails a scenario whose events belong to two instances, as the runner would never route them together', () => {
    expect(() => spec.given([reserved('as-offer-1')]).when(reserved('as-offer-2')).then([])).toThrow();
  });

  it('fails a scenario with an input the manager does not handle', () => {
    expect(() => spec.given([tick('2026-03-10')]).when(reserved('as-offer-1')).then([])).toThrow();
  });

  it('fails when the manager asks for other commands than expected', () => {
    const made = offerFact('offer-1', {
      type: 'OfferMade',
      data: { offerId: 'offer-1', requester: { municipality: '0630', requestId: 'r' }, familyId: 'fam-1', pseudonym: 'p', period: { from: '2026-04-01', to: '2026-04-02' }, children: 1 },
    });
    expect(() => spec.given([made]).when(offerFact('offer-1', { type: 'AcceptanceReceived', data: { acceptanceId: 'a' } })).then([])).toThrow();
  });

  it('fails ignores() for an input the manager handles', () => {
    expect(() => spec.ignores(reserved('as-offer-1'))).toThrow();
  });
});
