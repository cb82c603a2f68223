import { deciderSpecification } from '@familybank/domain-core/testing';
import { partnerPoolDecider, partnerPoolStreamId, type PartnerPoolEvent, type PartnerProfile } from './partner-pool';

const spec = deciderSpecification(partnerPoolDecider, { now: new Date('2026-03-10T09:00:00.000Z') });
const PARTNER = '0265';
const profile = (pseudonym: string, version: number, municipality = PARTNER): PartnerProfile => ({ municipality, pseudonym, version, region: 'DK-83', freeCapacity: 1 });
const published = (pseudonym: string, version: number, receivedAt = '2026-03-09T10:00:00.000Z'): PartnerPoolEvent => ({
  type: 'PartnerProfilePublished',
  data: { profile: profile(pseudonym, version), receivedAt },
});
const record = (pseudonym: string, version: number, receivedAt = '2026-03-09T10:00:00.000Z') =>
  ({ type: 'RecordPartnerProfile', data: { partner: PARTNER, profile: profile(pseudonym, version), receivedAt } }) as const;
const withdrawn = (pseudonym: string): PartnerPoolEvent => ({ type: 'PartnerProfileWithdrawn', data: { partner: PARTNER, pseudonym } });

describe('a partner’s pool as we hold it', () => {
  it('a profile published for the first time is recorded with the time the partner published it', () => {
    spec.given([]).when(record('ps-1', 3)).then([published('ps-1', 3)]);
  });

  it('a newer version of a profile is recorded', () => {
    spec.given([published('ps-1', 3)]).when(record('ps-1', 4, '2026-03-10T08:00:00.000Z')).then([published('ps-1', 4, '2026-03-10T08:00:00.000Z')]);
  });

  it('the same or an older version (redelivered, reordered) changes nothing', () => {
    spec.given([published('ps-1', 4)]).when(record('ps-1', 4)).then([]);
    spec.given([published('ps-1', 4)]).when(record('ps-1', 3)).then([]);
  });

  it('versions are per family: another pseudonym’s version does not count', () => {
    spec.given([published('ps-1', 9)]).when(record('ps-2', 1)).then([published('ps-2', 1)]);
  });

  it('a profile of another municipality than the partner is refused: a pool holds only its owner’s families', () => {
    spec
      .given([])
      .when({ type: 'RecordPartnerProfile', data: { partner: PARTNER, profile: profile('ps-1', 1, '0751'), receivedAt: '2026-03-09T10:00:00.000Z' } })
      .thenThrows('PARTNER_POOL.FOREIGN_PROFILE', { partner: PARTNER, owner: '0751' });
  });

  it('a withdrawal removes a recorded profile; any version of it is then taken again', () => {
    spec.given([published('ps-1', 4)]).when({ type: 'RecordPartnerProfileWithdrawal', data: { partner: PARTNER, pseudonym: 'ps-1' } }).then([withdrawn('ps-1')]);
    spec.given([published('ps-1', 4), withdrawn('ps-1')]).when(record('ps-1', 2)).then([published('ps-1', 2)]);
  });

  it('a withdrawal of a profile we do not hold (a tombstone read at bootstrap) records nothing', () => {
    spec.given([published('ps-1', 4)]).when({ type: 'RecordPartnerProfileWithdrawal', data: { partner: PARTNER, pseudonym: 'ps-9' } }).then([]);
  });

  it('an ended partnership drops every profile held, and a renewed one bootstraps them again', () => {
    spec
      .given([published('ps-2', 1), published('ps-1', 4), withdrawn('ps-2'), published('ps-3', 7)])
      .when({ type: 'DropPartnerPool', data: { partner: PARTNER } })
      .then([{ type: 'PartnerPoolDropped', data: { partner: PARTNER, pseudonyms: ['ps-1', 'ps-3'] } }]);
    const dropped: PartnerPoolEvent = { type: 'PartnerPoolDropped', data: { partner: PARTNER, pseudonyms: ['ps-1'] } };
    spec.given([published('ps-1', 4), dropped]).when(record('ps-1', 4)).then([published('ps-1', 4)]);
  });

  it('dropping an empty pool records nothing', () => {
    spec.given([]).when({ type: 'DropPartnerPool', data: { partner: PARTNER } }).then([]);
    spec.given([published('ps-1', 4), withdrawn('ps-1')]).when({ type: 'DropPartnerPool', data: { partner: PARTNER } }).then([]);
  });

  it('is one stream per own municipality and partner', () => {
    expect(partnerPoolStreamId('0630', '0265')).toBe('partner-pool-0630-0265');
  });
});
