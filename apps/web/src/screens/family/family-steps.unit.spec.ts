import { applicableSteps, nextStep, STEPS, type Family } from './family-steps';

const family = (overrides: Partial<Family>) => ({ stage: 'lead', checks: [], consentToShare: false, adults: [], interestedIn: [], ...overrides }) as Family;
const check = (outcome?: 'clear' | 'remarks', assessed = false) =>
  ({ adultId: 'a1', kind: 'criminal-record', requestedOn: '2026-12-01', outcome, ...(assessed && { assessment: { acceptable: true, assessment: 'ok', assessedBy: 'x' } }) }) as Family['checks'][number];

describe('the next step of a family', () => {
  it('follows the recruitment stages', () => {
    expect(nextStep(family({ stage: 'lead' }))).toBe(STEPS.firstContact);
    expect(nextStep(family({ stage: 'contacted' }))).toBe(STEPS.screening);
    expect(nextStep(family({ stage: 'screened' }))).toBe(STEPS.interview);
    expect(nextStep(family({ stage: 'interviewed' }))).toBe(STEPS.checksRequest);
  });

  it('during background checks: results first, then remarks to assess, then approval', () => {
    expect(nextStep(family({ stage: 'background-checks', checks: [check('clear'), check()] }))).toBe(STEPS.checkResult);
    expect(nextStep(family({ stage: 'background-checks', checks: [check('clear'), check('remarks')] }))).toBe(STEPS.assessRemarks);
    expect(nextStep(family({ stage: 'background-checks', checks: [check('clear'), check('remarks', true)] }))).toBe(STEPS.approve);
  });

  it('an approved family gives consent before it is made available; a rejected one has no next step', () => {
    expect(nextStep(family({ stage: 'approved' }))).toBe(STEPS.consent);
    expect(nextStep(family({ stage: 'approved', consentToShare: true }))).toBe(STEPS.availability);
    expect(nextStep(family({ stage: 'rejected' }))).toBeUndefined();
  });

  it('an erased family is offered no step at all: the API refuses anything more for it', () => {
    expect(applicableSteps(family({ stage: 'lead' })).length).toBeGreaterThan(0);
    expect(applicableSteps(family({ stage: 'lead', erased: true }))).toEqual([]);
  });
});

describe('the next step of a network family', () => {
  const network = (status: NonNullable<Family['network']>['status']) => ({ network: { requestId: 'r', relation: 'grandparent', status, child: { careType: 'respite', age: 8, places: 1 } } }) as Partial<Family>;

  it('goes from contacted straight to its records checks, then to a provisional approval for its child', () => {
    expect(nextStep(family({ stage: 'contacted', ...network('registered') }))).toBe(STEPS.checksRequest);
    expect(nextStep(family({ stage: 'background-checks', checks: [check()], ...network('registered') }))).toBe(STEPS.checkResult);
    expect(nextStep(family({ stage: 'background-checks', checks: [check('clear')], ...network('registered') }))).toBe(STEPS.provisionalApproval);
  });

  it('is made available without consent to share (it is never shared), and keeps its full approval open', () => {
    const approved = family({ stage: 'approved', ...network('provisionally-approved') });
    expect(nextStep(approved)).toBe(STEPS.availability);
    expect(applicableSteps(approved)).toContain(STEPS.approve);
  });
});
