import { municipalityLabel, municipalityNames } from './municipalities';

const directory = [
  { code: '0265', name: 'Roskilde' },
  { code: '0630', name: 'Vejle Kommune' },
];

describe('municipalities named for caseworkers', () => {
  it('a partner is shown by its name from the directory, with its code', () => {
    expect(municipalityLabel('0265', municipalityNames(directory))).toBe('Roskilde (0265)');
  });

  it('one’s own municipality by the name of the session; an unknown one by its code', () => {
    const names = municipalityNames(directory, { municipality: '0630', municipalityName: 'Vejle' });
    expect(municipalityLabel('0630', names)).toBe('Vejle (0630)');
    expect(municipalityLabel('0101', names)).toBe('0101');
    expect(municipalityLabel('0101', municipalityNames([{ code: '0101', name: '0101' }]))).toBe('0101');
  });
});
