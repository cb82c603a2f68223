import { EXCLUSION_REASON_CODES, MATCH_REASON_CODES, WORKLIST_REASON_CODES } from '@familybank/contracts';
import { formatters } from './format';
import { createI18n, LANGUAGES, loadProblemTexts, RESOURCES } from './i18n';
import { problemLines, reasonText, type Reason, type ReasonArea } from './reasons';

const textAt = (language: (typeof LANGUAGES)[number], key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), RESOURCES[language]);

const inLanguage = (language: (typeof LANGUAGES)[number]) => {
  const t = createI18n(language).t;
  const format = formatters(language);
  return { t, format, say: (area: ReasonArea, reason: Reason) => reasonText(t, format, area, reason) };
};

describe('the server’s reason codes in the console’s languages', () => {
  const codes: Array<[ReasonArea, readonly string[]]> = [
    ['match', MATCH_REASON_CODES],
    ['exclusion', EXCLUSION_REASON_CODES],
    ['worklist', WORKLIST_REASON_CODES],
  ];

  it.each(LANGUAGES)('%s has a text for every reason code of the contract', (language) => {
    const missing = codes.flatMap(([area, list]) => list.map((code) => `reasons.${area}.${code}`)).filter((key) => typeof textAt(language, key) !== 'string');
    expect(missing).toEqual([]);
    expect(codes.every(([, list]) => list.length > 0)).toBe(true);
  });

  it('given Danish, then a worklist reason is a Danish sentence with the date written the Danish way', () => {
    const { say } = inLanguage('da');
    expect(say('worklist', { code: 'first-contact.make', params: { registeredOn: '2026-06-03' } })).toBe('Tag første kontakt med emnet, der blev registreret 3. jun. 2026');
    expect(say('worklist', { code: 'inbox-request.answer', params: { requester: '0265', responseDeadline: '2026-06-20', careType: 'respite', childAge: 8 } })).toBe(
      'Tilbyd 0265 en familie eller svar “intet match” senest 20. jun. 2026',
    );
    expect(say('worklist', { code: 'acceptance-pending.chase', params: { offerId: 'o1', acceptedOn: '2026-06-01' } })).toContain('venter på at ejeren bekræfter det');
    expect(say('worklist', { code: 'check-assessment.assess', params: { checks: [{ kind: 'criminal-record', adultId: 'a1' }, { kind: 'child-protection', adultId: 'a1' }] } })).toMatch(
      /^Vurdér bemærkningerne i baggrundstjekkene \(.+ og .+\)/,
    );
  });

  it('given Swedish, then vocabulary in the params is Swedish too: competences, care types, patterns, free months', () => {
    const { say, t } = inLanguage('sv');
    expect(say('match', { code: 'competences.wished', params: { present: ['adhd', 'siblings'], wished: 3 } })).toBe(`2 av 3 önskade kompetenser: ADHD och ${t('vocab.competence.siblings')}`);
    expect(say('match', { code: 'competences.wished', params: { present: [], wished: 2 } })).toBe('0 av 2 önskade kompetenser: inga');
    expect(say('exclusion', { code: 'care-type.not-offered', params: { offered: ['foster'], needed: 'respite' } })).toBe(
      `Erbjuder ${t('vocab.careType.foster')}, inte ${t('vocab.careType.respite')}`,
    );
    expect(say('exclusion', { code: 'availability.not-in-period', params: { fromWeek: '2026-W27', toWeek: '2026-W53', patterns: [] } })).toBe('Inte tillgänglig från vecka 27, 2026 till vecka 53, 2026');
    expect(say('exclusion', { code: 'availability.not-in-period', params: { fromWeek: '2026-W27', toWeek: '2026-W53', patterns: ['weekends'] } })).toContain(
      ` och inte heller ${t('vocab.pattern.weekends')}`,
    );
    expect(say('match', { code: 'period.free-throughout', params: { places: 1, from: '2026-10', to: '2026-12', free: [{ from: '2026-10', places: 1 }] } })).toBe(
      '1 plats(er) behövs och är lediga varje månad under oktober 2026 – december 2026 (ledigt: 1 från oktober 2026)',
    );
    expect(say('match', { code: 'period.free-throughout', params: { places: 2, from: '2026-10', to: '2026-10' } })).toBe('2 plats(er) behövs och är lediga varje månad under oktober 2026');
  });

  it('given English, then the sentence says what the server’s English says', () => {
    const { say } = inLanguage('en');
    expect(say('exclusion', { code: 'placeable.not-placeable', params: { cause: 'no-consent' } })).toBe('Not placeable now: no consent to share');
    expect(say('match', { code: 'siblings.experienced', params: { children: 3 } })).toBe('Experienced with siblings; room for all 3 children');
  });
});

describe('places and weeks in reasons, as the reader knows them', () => {
  it('given Danish, then regions by their Danish names and weeks in Danish words, not as codes', () => {
    const { say } = inLanguage('da');
    expect(say('match', { code: 'region.neighbouring', params: { region: 'DK-85', childRegion: 'DK-84' } })).toBe('Naboregion (Region Sjælland; barnet bor i Region Hovedstaden)');
    expect(say('exclusion', { code: 'availability.not-in-period', params: { fromWeek: '2026-W07', toWeek: '2026-W27', patterns: [] } })).toBe('Ikke til rådighed fra uge 7, 2026 til uge 27, 2026');
  });

  it('given English, then a Swedish county and a Danish region by their English names; an unknown region by its code', () => {
    const { say } = inLanguage('en');
    expect(say('match', { code: 'region.distant', params: { region: 'SE-M', childRegion: 'DK-83' } })).toBe('Distant region (Skåne County; the child is in Region of Southern Denmark)');
    expect(say('match', { code: 'region.same', params: { region: 'NO-03' } })).toBe('Same region (NO-03)');
  });

  it('given the directory’s names, then the requester and the partner are named; without them, by their codes', () => {
    const { t, format } = inLanguage('sv');
    const named = (code: string) => ({ '0265': 'Roskilde (0265)', '0630': 'Vejle (0630)' })[code] ?? code;
    const inbox = { code: 'inbox-request.answer', params: { requester: '0265', responseDeadline: '2026-06-20', careType: 'respite', childAge: 8 } } as const;
    expect(reasonText(t, format, 'worklist', inbox, named)).toBe('Erbjud Roskilde (0265) en familj eller svara ”ingen matchning” senast 20 juni 2026');
    expect(reasonText(t, format, 'worklist', { code: 'acceptance-pending.chase', params: { offerId: 'o1', partner: '0630', acceptedOn: '2026-06-01' } }, named)).toContain('väntar på att Vejle (0630) bekräftar');
    expect(reasonText(t, format, 'worklist', inbox)).toContain('Erbjud 0265 en familj');
  });
});

describe('problems in the console’s languages', () => {
  /** The reader's language with its problem texts loaded (they come in a chunk of their own). */
  const withProblemTexts = async (language: (typeof LANGUAGES)[number]) => {
    const instance = createI18n(language);
    await loadProblemTexts(instance, language);
    return { t: instance.t, format: formatters(language) };
  };
  const problem = (code: string, extra: Record<string, unknown> = {}) => ({ type: 'urn:familybank:problem:rule-violated', title: 'A business rule refuses the request', status: 422, code, ...extra });

  it('given a known code, then its sentence in the reader’s language, not the server’s detail', async () => {
    const { t, format } = await withProblemTexts('da');
    expect(problemLines(t, format, problem('FAMILY.CHECKS_NOT_CLEAR', { detail: 'A background check has remarks that are not assessed as acceptable' }))).toEqual([
      'Et baggrundstjek har bemærkninger, der ikke er vurderet som acceptable.',
    ]);
  });

  it('before the problem texts have arrived, the server’s detail; then the reader’s sentence', async () => {
    const instance = createI18n('da');
    const lines = () => problemLines(instance.t, formatters('da'), problem('SUPPORT.COURSE_FULL', { detail: 'The course is full' }));
    expect(lines()).toEqual(['The course is full']);
    await loadProblemTexts(instance, 'da');
    expect(lines()).toEqual(['Kurset er fuldt.']);
  });

  it('given a code the console does not know, then the server’s detail', async () => {
    const { t, format } = await withProblemTexts('sv');
    expect(problemLines(t, format, problem('SUPPORT.SOMETHING_NEW', { detail: 'Something new went wrong' }))).toEqual(['Something new went wrong']);
    expect(problemLines(t, format, problem('FAMILY', { detail: 'Only a prefix' }))).toEqual(['Only a prefix']);
  });

  it('given a family that does not fit a request, then each failed filter from the details, by its reason', async () => {
    const { t, format } = await withProblemTexts('da');
    const details = {
      familyId: 'f1',
      exclusions: [
        { filter: 'age', explanation: 'Approved for ages 10–17, the child is 8', reason: { code: 'age.outside-range', params: { min: 10, max: 17, childAge: 8 } } },
        { filter: 'legacy', explanation: 'An older node’s sentence' },
      ],
    };
    expect(problemLines(t, format, problem('REQUEST.NOT_A_CANDIDATE', { detail: 'Family f1 does not fit', details }))).toEqual([
      'Familien passer ikke til forespørgslen.',
      'Godkendt til alderen 10–17; barnet er 8',
      'An older node’s sentence',
    ]);
  });
});
