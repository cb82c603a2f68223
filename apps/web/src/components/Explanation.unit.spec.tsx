import { screen, within } from '@testing-library/react';
import { renderWith } from '../testing/render';
import { Explanation, orderCriteria } from './Explanation';

const criteria = [
  { criterion: 'competences', points: 40, max: 40, explanation: 'Has adhd' },
  { criterion: 'region', points: 5, max: 20, explanation: 'Two regions away' },
  { criterion: 'language', points: 10, max: 15, explanation: 'Speaks en, not da' },
  { criterion: 'network', points: 0, max: 0, explanation: 'From the child’s own network: ranked first' },
];

describe('the match explanation', () => {
  it('lists what cost points first', () => {
    expect(orderCriteria(criteria).map((c) => c.criterion)).toEqual(['region', 'language', 'competences', 'network']);
  });

  it('shows each criterion translated, its points of its maximum and the reason, with the total', () => {
    renderWith(<Explanation criteria={criteria} score={55} caption="Hansen" />, { language: 'da' });
    const table = screen.getByRole('table', { name: 'Hansen: score 55 af 75' });
    const region = within(table).getByRole('row', { name: /Region/ });
    expect(region.textContent).toContain('5 / 20');
    expect(region.textContent).toContain('Two regions away');
    expect(within(table).getByRole('row', { name: /Barnets netværk/ }).textContent).toContain('–');
  });
});
