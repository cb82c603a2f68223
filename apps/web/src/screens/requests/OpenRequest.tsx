import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { OpenRequestBody } from '@familybank/contracts';
import { AVAILABILITY_PATTERNS, CARE_TYPES, COMPETENCES } from '@familybank/domain-family';
import { unwrap } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/session';
import type { FieldSpec } from '../../forms/form-model';
import { StepForm } from '../../forms/StepForm';
import { REGION_CODES, regionNames, SPOKEN_LANGUAGES, inMonths, languageNames } from '../../forms/vocabulary';

/** Opens a request for one child: what the child needs, never who the child is. */
export function OpenRequest() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const fields: FieldSpec[] = [
    { name: 'caseReference', kind: 'text', description: 'requests.caseReferenceHelp' },
    { name: 'responseDeadline', kind: 'date' },
    { name: 'needs.careType', kind: 'select', options: CARE_TYPES, optionLabels: 'vocab.careType' },
    { name: 'needs.childAge', kind: 'number' },
    { name: 'needs.siblings', kind: 'number' },
    { name: 'needs.startDate', kind: 'date' },
    { name: 'needs.schedule.period.from', kind: 'date' },
    { name: 'needs.schedule.period.to', kind: 'date' },
    { name: 'needs.schedule.patterns', kind: 'multi', options: AVAILABILITY_PATTERNS, optionLabels: 'vocab.pattern' },
    { name: 'needs.region', kind: 'select', options: REGION_CODES, optionText: regionNames(i18n.language) },
    { name: 'needs.languages', kind: 'multi', options: SPOKEN_LANGUAGES, optionText: languageNames(i18n.language) },
    { name: 'needs.requiredCompetences', kind: 'multi', options: COMPETENCES, optionLabels: 'vocab.competence' },
    { name: 'needs.wishedCompetences', kind: 'multi', options: COMPETENCES, optionLabels: 'vocab.competence' },
    { name: 'needs.networkExplored', kind: 'boolean' },
  ];
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('requests.openTitle')}
      </Heading>
      <Paragraph>{t('requests.openIntro')}</Paragraph>
      <StepForm
        label={t('requests.openTitle')}
        schema={OpenRequestBody}
        fields={fields}
        initial={{
          responseDeadline: inMonths(1),
          'needs.careType': 'respite',
          'needs.siblings': '0',
          'needs.startDate': inMonths(2),
          'needs.schedule.period.from': inMonths(2),
          'needs.schedule.period.to': inMonths(5),
          'needs.region': 'DK-83',
          'needs.languages': ['da'],
        }}
        submitLabel={t('requests.openSubmit')}
        onSubmit={(body, key) => unwrap(api.POST('/v1/requests', { body: body as never, headers: { 'Idempotency-Key': key } }))}
        onDone={(request) => navigate(`/requests/${request.requestId}`)}
      />
    </div>
  );
}
