import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { RegisterFamilyBody } from '@familybank/contracts';
import { CARE_TYPES, COMPETENCES, SOURCE_CHANNELS } from '@familybank/domain-family';
import { unwrap } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/session';
import type { FieldSpec } from '../../forms/form-model';
import { StepForm } from '../../forms/StepForm';
import { REGION_CODES, regionNames, SPOKEN_LANGUAGES, languageNames } from '../../forms/vocabulary';

const ADULT_ROWS = [0, 1];

/** Adults are rows of the form; a row without a name is left out, and each kept adult gets an id (a1, a2). */
export function adultsFromRows(body: Record<string, unknown>): Record<string, unknown> {
  const rows = (body['adults'] as Array<{ fullName?: string; birthYear?: number } | undefined> | undefined) ?? [];
  const adults = rows.filter((row) => row?.fullName).map((row, index) => ({ adultId: `a${index + 1}`, ...row }));
  return { ...body, adults };
}

/** Registers a lead: a household that has shown interest, with where it came from. */
export function RegisterFamily() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const fields: FieldSpec[] = [
    ...ADULT_ROWS.flatMap((row): FieldSpec[] => [
      { name: `adults.${row}.fullName`, kind: 'text', label: `fields.adultName${row + 1}` },
      { name: `adults.${row}.birthYear`, kind: 'number', label: `fields.adultBirthYear${row + 1}` },
    ]),
    { name: 'contact.street', kind: 'text' },
    { name: 'contact.postalCode', kind: 'text' },
    { name: 'contact.city', kind: 'text' },
    { name: 'contact.phone', kind: 'tel' },
    { name: 'contact.email', kind: 'email' },
    { name: 'region', kind: 'select', options: REGION_CODES, optionText: regionNames(i18n.language) },
    { name: 'sourceChannel', kind: 'select', options: SOURCE_CHANNELS.filter((channel) => channel !== 'child-request'), optionLabels: 'vocab.sourceChannel' },
    { name: 'sourceDetail', kind: 'text' },
    { name: 'interestedIn', kind: 'multi', options: CARE_TYPES, optionLabels: 'vocab.careType' },
    { name: 'languages', kind: 'multi', options: SPOKEN_LANGUAGES, optionText: languageNames(i18n.language) },
    { name: 'competences', kind: 'multi', options: COMPETENCES, optionLabels: 'vocab.competence' },
  ];
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('register.title')}
      </Heading>
      <Paragraph>{t('register.intro')}</Paragraph>
      <StepForm
        label={t('register.title')}
        schema={RegisterFamilyBody}
        fields={fields}
        initial={{ region: 'DK-83', languages: ['da'], interestedIn: ['respite'] }}
        finalize={adultsFromRows}
        submitLabel={t('register.submit')}
        onSubmit={(body, key) => unwrap(api.POST('/v1/families', { body: body as never, headers: { 'Idempotency-Key': key } }))}
        onDone={(family) => navigate(`/families/${family.familyId}`)}
      />
    </div>
  );
}
