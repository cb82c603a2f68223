import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import type { FamilyEvent } from './family.events';
import {
  NOW,
  approved,
  checksRequested,
  contacted,
  interviewed,
  lead,
  oneOfEachCommand,
  registration,
  rejected,
  screened,
  stateAfter,
} from './testing/family.fixtures';
import type { FamilyStage } from './vocabulary';

const spec = deciderSpecification(familyDecider, { now: NOW });

describe('register family', () => {
  it('register, for a new family, records the lead with the registration time', () => {
    spec.given([]).when({ type: 'RegisterFamily', data: registration }).then([
      { type: 'FamilyRegistered', data: { ...registration, registeredAt: '2026-03-10T09:00:00.000Z' } },
    ]);
  });

  it('register, when the family is already registered, is refused', () => {
    spec.given(lead).when({ type: 'RegisterFamily', data: registration }).thenThrows('FAMILY.ALREADY_REGISTERED', { familyId: 'fam-1' });
  });

  it('register, from a family referral without the referring family, is refused', () => {
    const data = { ...registration, sourceChannel: 'family-referral' as const };
    spec.given([]).when({ type: 'RegisterFamily', data }).thenThrows('FAMILY.REFERRAL_NEEDS_REFERRER');
  });

  it('register, from a family referral naming a registered family of ours, records the lead without the look-up', () => {
    const data = { ...registration, sourceChannel: 'family-referral' as const, referredByFamilyId: 'fam-0' };
    spec.given([]).when({ type: 'RegisterFamily', data: { ...data, referringFamily: 'registered' } }).then([
      { type: 'FamilyRegistered', data: { ...data, registeredAt: '2026-03-10T09:00:00.000Z' } },
    ]);
  });

  it.each([
    ['the handler found no such family of ours', { referringFamily: 'unknown' as const }],
    ['the handler looked nothing up', {}],
  ])('register, naming a referring family when %s, is refused', (_case, lookUp) => {
    const data = { ...registration, sourceChannel: 'family-referral' as const, referredByFamilyId: 'fam-0', ...lookUp };
    spec.given([]).when({ type: 'RegisterFamily', data }).thenThrows('FAMILY.REFERRER_NOT_FOUND', { referredByFamilyId: 'fam-0' });
  });

  it('register, when two adults share an id, is refused', () => {
    const adults = [
      { adultId: 'a1', fullName: 'Mette Hansen' },
      { adultId: 'a1', fullName: 'Jens Hansen' },
    ];
    spec.given([]).when({ type: 'RegisterFamily', data: { ...registration, adults } }).thenThrows('FAMILY.DUPLICATE_ADULT', { adultId: 'a1' });
  });
});

describe('commands on an unregistered family', () => {
  it.each(oneOfEachCommand.filter((command) => !command.type.startsWith('Register')).map((command) => [command.type, command] as const))(
    '%s, on a family that was never registered, is refused as not found',
    (_type, command) => {
      spec.given([]).when(command).thenThrows('FAMILY.NOT_FOUND');
    },
  );

  it('the command list used by these tests holds every one of the 27 commands', () => {
    expect(new Set(oneOfEachCommand.map((command) => command.type)).size).toBe(27);
  });
});

describe('first contact, screening and interview', () => {
  it('record first contact, for a lead, records the contact', () => {
    const data = { on: '2026-03-10', channel: 'meeting' as const, summary: 'Keen on weekends' };
    spec.given(lead).when({ type: 'RecordFirstContact', data }).then([{ type: 'FirstContactMade', data }]);
  });

  it('record first contact, when the family was already contacted, is refused as the wrong stage', () => {
    spec
      .given(contacted)
      .when({ type: 'RecordFirstContact', data: { on: '2026-03-10', channel: 'phone' } })
      .thenThrows('FAMILY.WRONG_STAGE', { stage: 'contacted', allowed: ['lead'] });
  });

  it('record screening, after first contact, records the screening', () => {
    const data = { on: '2026-03-10', notes: 'Good fit' };
    spec.given(contacted).when({ type: 'RecordScreening', data }).then([{ type: 'FamilyScreened', data }]);
  });

  it('record screening, for a lead not yet contacted, is refused as the wrong stage', () => {
    spec.given(lead).when({ type: 'RecordScreening', data: { on: '2026-03-10' } }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'lead' });
  });

  it('record interview, after screening, records the interview', () => {
    const data = { on: '2026-03-10', interviewers: ['cw-1', 'cw-2'], notes: 'Home visit' };
    spec.given(screened).when({ type: 'RecordInterview', data }).then([{ type: 'FamilyInterviewed', data }]);
  });

  it('record interview, before screening, is refused as the wrong stage', () => {
    spec
      .given(contacted)
      .when({ type: 'RecordInterview', data: { on: '2026-03-10', interviewers: ['cw-1'] } })
      .thenThrows('FAMILY.WRONG_STAGE', { stage: 'contacted', allowed: ['screened'] });
  });

  it('record interview, a second time, is refused as the wrong stage', () => {
    spec
      .given(interviewed)
      .when({ type: 'RecordInterview', data: { on: '2026-03-10', interviewers: ['cw-1'] } })
      .thenThrows('FAMILY.WRONG_STAGE', { stage: 'interviewed' });
  });
});

describe('reject family', () => {
  it.each([
    ['lead', lead],
    ['contacted', contacted],
    ['screened', screened],
    ['interviewed', interviewed],
    ['background-checks', checksRequested],
  ] as Array<[FamilyStage, FamilyEvent[]]>)('reject, in recruitment stage %s, records the rejection at that stage', (stage, given) => {
    spec.given(given).when({ type: 'RejectFamily', data: { reason: 'not-suitable', note: 'Too little room' } }).then([
      { type: 'FamilyRejected', data: { reason: 'not-suitable', note: 'Too little room', atStage: stage } },
    ]);
  });

  it('reject, once the family is approved, is refused as the wrong stage', () => {
    spec.given(approved).when({ type: 'RejectFamily', data: { reason: 'other' } }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'approved' });
  });

  it('reject, when the family is already rejected, is refused as the wrong stage', () => {
    spec.given(rejected).when({ type: 'RejectFamily', data: { reason: 'other' } }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'rejected' });
  });
});

describe('recruitment state', () => {
  it('a registered family starts as a lead with its profile, no checks, no approval and no consent', () => {
    expect(stateAfter(lead)).toEqual({
      status: 'lead',
      familyId: 'fam-1',
      adults: registration.adults,
      contact: registration.contact,
      region: 'DK-83',
      languages: ['da', 'en'],
      competences: ['adhd'],
      interestedIn: ['respite'],
      checks: [],
      approval: null,
      availability: null,
      consentToShare: false,
      reservations: [],
    });
  });

  it.each([
    ['contacted', contacted],
    ['screened', screened],
    ['interviewed', interviewed],
    ['rejected', rejected],
  ] as Array<[string, FamilyEvent[]]>)('the family is %s after the matching event', (stage, events) => {
    expect(stateAfter(events).status).toBe(stage);
  });
});
