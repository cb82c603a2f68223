import { screen, within } from '@testing-library/react';
import { renderWith } from '../testing/render';
import { Explanation, orderCriteria, type Criterion } from './Explanation';

const criteria: Criterion[] = [
  { criterion: 'competences', points: 40, max: 40, explanation: 'No wished competences', reason: { code: 'competences.none-wished', params: {} } },
  {
    criterion: 'region',
    points: 12,
    max: 25,
    explanation: 'Neighbouring region (DK-85, the child is in DK-83)',
    reason: { code: 'region.neighbouring', params: { region: 'DK-85', childRegion: 'DK-83' } },
  },
  { criterion: 'language', points: 15, max: 15, explanation: "Speaks the child's ar", reason: { code: 'language.speaks', params: { languages: ['ar'] } } },
  {
    criterion: 'network',
    points: 0,
    max: 0,
    explanation: "Registered from the child's network (grandparent) for this request: ranked first",
    reason: { code: 'network.registered', params: { relation: 'grandparent' } },
  },
];

describe('the match explanation', () => {
  it('lists what cost points first', () => {
    expect(orderCriteria(criteria).map((c) => c.criterion)).toEqual(['region', 'competences', 'language', 'network']);
  });

  it('given a Danish reader, then each criterion, its points and its reason are Danish, never the server’s English', () => {
    renderWith(<Explanation criteria={criteria} score={67} caption="Hansen" />, { language: 'da' });
    const table = screen.getByRole('table', { name: 'Hansen: score 67 af 80' });
    const region = within(table).getByRole('row', { name: /Region/ });
    expect(region.textContent).toContain('12 / 25');
    expect(region.textContent).toContain('Naboregion (Region Sjælland; barnet bor i Region Syddanmark)');
    expect(within(table).getByRole('row', { name: /Sprog/ }).textContent).toContain('Taler barnets sprog: arabisk');
    const network = within(table).getByRole('row', { name: /Barnets netværk/ });
    expect(network.textContent).toContain('–');
    expect(network.textContent).toContain('Registreret fra barnets netværk (Bedsteforælder)');
    expect(table.textContent).not.toContain('Neighbouring region');
  });

  it('given a criterion recorded before reasons existed, then the server’s sentence is shown as it is', () => {
    renderWith(<Explanation criteria={[{ criterion: 'region', points: 25, max: 25, explanation: 'Same region (DK-83)' }]} score={25} caption="Holm" />, { language: 'sv' });
    expect(screen.getByRole('row', { name: /Region/ }).textContent).toContain('Same region (DK-83)');
  });
});
