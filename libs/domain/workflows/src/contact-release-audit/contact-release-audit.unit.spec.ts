import type { OfferTerms } from '@familybank/domain-offer';
import { OWNER, REQUESTER, offerFact } from '../testing/facts';
import { processManagerSpecification } from '../testing/process-manager-specification';
import { contactReleaseAudit } from './contact-release-audit';

const terms = (own?: true): OfferTerms => ({
  offerId: 'o1',
  requester: { municipality: own ? OWNER : REQUESTER, requestId: 'r1' },
  familyId: 'f1',
  pseudonym: 'p'.repeat(43),
  period: { from: '2026-04-01', to: '2026-06-30' },
  children: 1,
  ...(own && { own }),
});
const made = (own?: true) => offerFact('o1', { type: 'OfferMade', data: terms(own) });
const disclosed = offerFact('o1', { type: 'ContactDetailsDisclosed', data: { assignmentId: 'a1', recipientKeyFingerprint: 'fp' } });
const spec = processManagerSpecification(contactReleaseAudit);

describe('contact release audit', () => {
  it('contact details disclosed to the requester: the release is recorded on the read-audit stream of its day, ids only', () => {
    spec
      .given([made()])
      .when(disclosed)
      .then([
        {
          aggregate: 'read-audit',
          id: disclosed.occurredAt.slice(0, 10),
          command: {
            type: 'RecordContactRelease',
            data: { familyId: 'f1', recipient: REQUESTER, offerId: 'o1', assignmentId: 'a1', releasedAt: disclosed.occurredAt, releasedBy: 'system:owner-acceptance' },
          },
        },
      ]);
  });

  it('an offer made records nothing yet', () => {
    spec.given([]).when(made()).then([]);
  });

  it('an own placement releases nothing to anyone, so nothing is recorded', () => {
    spec.given([made(true)]).when(disclosed).then([]);
  });
});
