import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import type { FamilyEvent, ProfileUpdated } from './family.events';
import {
  NOW,
  approved,
  available,
  consenting,
  interviewed,
  lead,
  registration,
  rejected,
  stateAfter,
  suspended,
} from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });

describe('consent to share', () => {
  it('give consent, for a family that has not consented, records the consent', () => {
    spec.given(approved).when({ type: 'GiveConsentToShare', data: { on: '2026-03-10' } }).then([{ type: 'ConsentToShareGiven', data: { on: '2026-03-10' } }]);
  });

  it('give consent, for a lead, records the consent', () => {
    spec.given(lead).when({ type: 'GiveConsentToShare', data: { on: '2026-03-10' } }).then([{ type: 'ConsentToShareGiven', data: { on: '2026-03-10' } }]);
  });

  it('give consent, when already given, is refused', () => {
    spec.given(consenting).when({ type: 'GiveConsentToShare', data: { on: '2026-03-10' } }).thenThrows('FAMILY.CONSENT_ALREADY_GIVEN');
  });

  it('withdraw consent, when given, records the withdrawal', () => {
    spec.given(consenting).when({ type: 'WithdrawConsentToShare', data: { on: '2026-03-10' } }).then([
      { type: 'ConsentToShareWithdrawn', data: { on: '2026-03-10' } },
    ]);
  });

  it('withdraw consent, when never given, is refused', () => {
    spec.given(approved).when({ type: 'WithdrawConsentToShare', data: { on: '2026-03-10' } }).thenThrows('FAMILY.CONSENT_NOT_GIVEN');
  });

  it('withdraw consent, when already withdrawn, is refused', () => {
    const withdrawn: FamilyEvent[] = [...consenting, { type: 'ConsentToShareWithdrawn', data: { on: '2026-03-10' } }];
    spec.given(withdrawn).when({ type: 'WithdrawConsentToShare', data: { on: '2026-03-10' } }).thenThrows('FAMILY.CONSENT_NOT_GIVEN');
  });

  it('consent given and withdrawn is tracked on the family', () => {
    expect(stateAfter(consenting).consentToShare).toBe(true);
    expect(stateAfter([...consenting, { type: 'ConsentToShareWithdrawn', data: { on: '2026-03-10' } }]).consentToShare).toBe(false);
  });
});

describe('update profile', () => {
  it('update profile, with changed fields, records exactly those fields', () => {
    const data = { region: 'DK-84', languages: ['da', 'de'] };
    spec.given(available).when({ type: 'UpdateProfile', data }).then([{ type: 'ProfileUpdated', data }]);
  });

  it('update profile, with no fields, is refused', () => {
    spec.given(approved).when({ type: 'UpdateProfile', data: {} }).thenThrows('FAMILY.EMPTY_PROFILE_UPDATE');
  });

  it('update profile, with only undefined fields, is refused', () => {
    spec.given(approved).when({ type: 'UpdateProfile', data: { region: undefined } }).thenThrows('FAMILY.EMPTY_PROFILE_UPDATE');
  });

  it('a profile update changes only the given fields', () => {
    const contact = { ...registration.contact, phone: '+45 87654321' };
    const state = stateAfter([...approved, { type: 'ProfileUpdated', data: { contact, competences: ['autism', 'siblings'] } }]);
    expect(state).toMatchObject({
      contact,
      competences: ['autism', 'siblings'],
      region: 'DK-83',
      languages: ['da', 'en'],
      interestedIn: ['respite'],
      status: 'approved',
    });
  });

  it('a profile update with an undefined field leaves that field as it was', () => {
    const state = stateAfter([...lead, { type: 'ProfileUpdated', data: { region: undefined, languages: ['sv'] } }]);
    expect(state).toMatchObject({ region: 'DK-83', languages: ['sv'] });
  });

  it('a profile update never touches fields outside the profile', () => {
    const smuggled = { type: 'ProfileUpdated', data: { region: 'DK-84', status: 'approved', consentToShare: true } } as unknown as ProfileUpdated;
    expect(stateAfter([...lead, smuggled])).toMatchObject({ region: 'DK-84', status: 'lead', consentToShare: false });
  });
});

describe('record support', () => {
  it.each([
    ['approved', approved],
    ['available', available],
    ['suspended', suspended],
  ] as Array<[string, FamilyEvent[]]>)('record support, for a %s family, records the support', (_stage, given) => {
    const data = { kind: 'supervision' as const, on: '2026-03-10', note: 'Monthly talk' };
    spec.given(given).when({ type: 'RecordSupport', data }).then([{ type: 'SupportRecorded', data }]);
  });

  it.each([
    ['interviewed', interviewed],
    ['rejected', rejected],
  ] as Array<[string, FamilyEvent[]]>)('record support, for a family that is %s and never approved, is refused', (stage, given) => {
    spec.given(given).when({ type: 'RecordSupport', data: { kind: 'course', on: '2026-03-10' } }).thenThrows('FAMILY.NOT_APPROVED', { stage });
  });

  it('recorded support does not change the family', () => {
    expect(stateAfter([...approved, { type: 'SupportRecorded', data: { kind: 'emergency-call', on: '2026-03-10' } }])).toEqual(stateAfter(approved));
  });
});
