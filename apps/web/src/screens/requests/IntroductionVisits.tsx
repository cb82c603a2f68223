import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { RecordIntroductionVisitBody } from '@familybank/contracts';
import { INTRODUCTION_VISIT_STATUSES } from '@familybank/domain-request';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/session';
import { StepForm } from '../../forms/StepForm';
import { today } from '../../forms/vocabulary';
import { useFormat } from '../../i18n/format';

type Request = Schemas['RequestDetail'];

/** Visits between the child's family and the new family before the assignment starts (filled requests). */
export function IntroductionVisits({ request, onChanged }: { request: Request; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  return (
    <Card>
      <Card.Block>
        <Heading level={2} data-size="sm">
          {t('visits.title')}
        </Heading>
        {request.introductionVisits.length === 0 ? <Paragraph data-size="sm">{t('visits.none')}</Paragraph> : null}
        <ul className="fb-list" aria-label={t('visits.title')}>
          {request.introductionVisits.map((visit) => (
            <li key={visit.visitId}>
              {format.date(visit.on)} <Tag data-color={visit.status === 'held' ? 'success' : 'neutral'}>{t(`visits.status.${visit.status}`)}</Tag> {visit.note}
            </li>
          ))}
        </ul>
        <StepForm
          key={request.introductionVisits.length}
          label={t('visits.plan')}
          schema={RecordIntroductionVisitBody}
          fields={[
            { name: 'on', kind: 'date', label: 'network.on' },
            { name: 'status', kind: 'select', options: INTRODUCTION_VISIT_STATUSES, optionLabels: 'visits.status', label: 'visits.statusLabel' },
            { name: 'note', kind: 'textarea', label: 'fields.note' },
          ]}
          initial={{ on: today(), status: 'planned' }}
          submitLabel={t('visits.submit')}
          onReload={onChanged}
          onSubmit={(body, key) =>
            unwrap(
              api.POST('/v1/requests/{requestId}/introduction-visits', {
                params: { path: { requestId: request.requestId } },
                body: body as Schemas['RecordIntroductionVisit'],
                headers: { 'Idempotency-Key': key, 'If-Match': `"${request.revision}"` },
              }),
            )
          }
          onDone={onChanged}
        />
      </Card.Block>
    </Card>
  );
}
