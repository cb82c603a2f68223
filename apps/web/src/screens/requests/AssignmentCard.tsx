import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { EndAssignmentBody } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMunicipalityLabel } from '../../api/municipalities';
import { useApi } from '../../api/session';
import { StepForm } from '../../forms/StepForm';
import { useFormat } from '../../i18n/format';

type Assignment = NonNullable<Schemas['RequestDetail']['assignment']>;

/** The confirmed assignment: who, when, the disclosed contact details; an own placement can be ended here. */
export function AssignmentCard({ assignment, onChanged }: { assignment: Assignment; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const municipality = useMunicipalityLabel();
  const ownFamily = assignment.familyId;
  return (
    <Card data-color="success">
      <Card.Block>
        <Heading level={2} data-size="sm">
          {t('request.assignment')}
        </Heading>
        {ownFamily ? (
          <div className="fb-tags">
            <Tag data-color="neutral">{t('placement.own')}</Tag>
          </div>
        ) : null}
        <dl className="fb-dl">
          <dt>{t('request.partner')}</dt>
          <dd>{municipality(assignment.partner)}</dd>
          <dt>{t('request.period')}</dt>
          <dd>
            {format.date(assignment.period.from)} – {format.date(assignment.period.to)}
          </dd>
          {assignment.contact ? (
            <>
              <dt>{t('request.household')}</dt>
              <dd>{ownFamily ? <Link to={`/families/${ownFamily}`}>{assignment.householdName}</Link> : assignment.householdName}</dd>
              <dt>{t('fields.contact.street')}</dt>
              <dd>
                {assignment.contact.street}, {assignment.contact.postalCode} {assignment.contact.city}
              </dd>
              <dt>{t('fields.contact.phone')}</dt>
              <dd>{assignment.contact.phone}</dd>
              <dt>{t('fields.contact.email')}</dt>
              <dd>{assignment.contact.email}</dd>
            </>
          ) : null}
        </dl>
        {assignment.contact ? null : <Paragraph role="status">{t('request.awaitingDisclosure')}</Paragraph>}
        {assignment.endedOn ? <Paragraph data-size="sm">{t('placement.ended', { date: format.date(assignment.endedOn), reason: assignment.endReason ?? '' })}</Paragraph> : null}
        {ownFamily && !assignment.endedOn ? (
          <StepForm
            label={t('placement.endTitle')}
            schema={EndAssignmentBody}
            fields={[
              { name: 'reason', kind: 'text', label: 'fields.reason' },
              { name: 'wantsNewAssignment', kind: 'boolean', label: 'placement.wantsNew' },
            ]}
            submitLabel={t('placement.endSubmit')}
            onReload={onChanged}
            onSubmit={(body, key) =>
              unwrap(
                api.POST('/v1/families/{familyId}/assignments/{assignmentId}/end', {
                  params: { path: { familyId: ownFamily, assignmentId: assignment.assignmentId } },
                  body: body as Schemas['EndAssignment'],
                  headers: { 'Idempotency-Key': key },
                }),
              )
            }
            onDone={onChanged}
          />
        ) : null}
      </Card.Block>
    </Card>
  );
}
