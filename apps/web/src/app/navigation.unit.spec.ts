import { navigationFor } from './navigation';

const paths = (roles: string[]) => navigationFor(roles).map(([path]) => path);

describe('the main menu', () => {
  it('shows the audit only to an auditor and the webhooks only to an approver or administrator', () => {
    expect(paths(['caseworker'])).not.toContain('/audit');
    expect(paths(['caseworker'])).not.toContain('/webhooks');
    expect(paths(['auditor'])).toContain('/audit');
    expect(paths(['auditor'])).not.toContain('/webhooks');
    expect(paths(['approver'])).toContain('/webhooks');
    expect(paths(['administrator'])).toEqual(expect.arrayContaining(['/webhooks']));
  });

  it('keeps everyone’s screens first, in their order', () => {
    expect(paths(['auditor', 'approver']).slice(0, 2)).toEqual(['/', '/pipeline']);
    expect(paths(['auditor', 'approver']).slice(-2)).toEqual(['/audit', '/webhooks']);
  });
});
