import { ApprovalTerms, RegisterFamilyBody } from '@familybank/contracts';
import { fieldOf, toBody, validate, type FieldSpec } from './form-model';

const approval: FieldSpec[] = [
  { name: 'careTypes', kind: 'multi', options: ['respite'], optionLabels: 'vocab.careType' },
  { name: 'capacity', kind: 'number' },
  { name: 'ageRange.min', kind: 'number' },
  { name: 'ageRange.max', kind: 'number' },
  { name: 'validUntil', kind: 'date' },
  { name: 'authority', kind: 'select', options: ['municipality'] },
  { name: 'conditions', kind: 'lines' },
  { name: 'decisionReference', kind: 'text' },
];

describe('form model', () => {
  it('builds the nested body the contract expects, leaving out empty optional controls', () => {
    const body = toBody(approval, {
      careTypes: ['respite'],
      capacity: '2',
      'ageRange.min': '4',
      'ageRange.max': ' 12 ',
      validUntil: '2028-01-31',
      authority: 'municipality',
      conditions: 'Weekends only\n\n  Not with pets ',
      decisionReference: '  ',
    });
    expect(body).toEqual({ careTypes: ['respite'], capacity: 2, ageRange: { min: 4, max: 12 }, validUntil: '2028-01-31', authority: 'municipality', conditions: ['Weekends only', 'Not with pets'] });
    expect(validate(ApprovalTerms, body)).toMatchObject({ ok: true });
  });

  it('numbered paths become array rows', () => {
    const fields: FieldSpec[] = [
      { name: 'adults.0.fullName', kind: 'text' },
      { name: 'adults.1.fullName', kind: 'text' },
    ];
    expect(toBody(fields, { 'adults.0.fullName': 'Ida', 'adults.1.fullName': 'Ole' })).toEqual({ adults: [{ fullName: 'Ida' }, { fullName: 'Ole' }] });
  });

  it('the contract’s issues land on their controls: a missing field, a bad number, a whole object', () => {
    const result = validate(ApprovalTerms, toBody(approval, { careTypes: [], capacity: 'two', 'ageRange.min': '4', validUntil: '2028-02-30', authority: 'municipality' }));
    expect(result.ok).toBe(false);
    const fields = !result.ok ? result.issues.map((issue) => fieldOf(approval, issue.path)) : [];
    expect(fields).toEqual(expect.arrayContaining(['careTypes', 'capacity', 'ageRange.max', 'validUntil']));
  });

  it('an issue about an object goes to its first control; one about nothing on the form to none', () => {
    expect(fieldOf(approval, 'ageRange')).toBe('ageRange.min');
    expect(fieldOf(approval, 'ageRange.min')).toBe('ageRange.min');
    expect(fieldOf(approval, 'adults.0.fullName')).toBeUndefined();
  });

  it('a registration without adults is refused by the same schema as the API’s', () => {
    const result = validate(RegisterFamilyBody, { sourceChannel: 'campaign', adults: [], region: 'DK-83', interestedIn: ['respite'] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['adults', 'contact']));
  });
});
