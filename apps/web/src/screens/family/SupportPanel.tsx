import { Card, Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import { AssignContactPersonBody } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useApi, useSession } from '../../api/session';
import { StepForm } from '../../forms/StepForm';
import { useFormat } from '../../i18n/format';
import { DevelopmentPlan } from './DevelopmentPlan';
import { EmergencyCalls } from './EmergencyCalls';
import type { Family } from './family-steps';

/** Support after approval: the family's contact person, its development plan and its calls to the emergency line. */
export function SupportPanel({ family, onChanged }: { family: Family; onChanged(family: Family): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { session } = useSession();
  const person = family.contactPerson;
  return (
    <section className="fb-stack" aria-labelledby="family-support">
      <Heading level={2} data-size="md" id="family-support">
        {t('support.title')}
      </Heading>
      <div className="fb-grid">
        <Card>
          <Card.Block>
            <Heading level={3} data-size="sm">
              {t('support.contactPerson')}
            </Heading>
            <Paragraph data-size="sm">
              {person ? t('support.contactPersonText', { name: person.name, userId: person.userId, since: format.date(person.since) }) : t('support.noContactPerson')}
            </Paragraph>
            <Details>
              <Details.Summary>{t('support.assign')}</Details.Summary>
              <Details.Content>
                <StepForm<Family>
                  label={t('support.assign')}
                  schema={AssignContactPersonBody}
                  fields={[
                    { name: 'userId', kind: 'text', label: 'support.userId' },
                    { name: 'name', kind: 'text', label: 'support.personName' },
                  ]}
                  initial={{ userId: person?.userId ?? session?.subject ?? '', name: person?.name ?? '' }}
                  submitLabel={t('support.assignSubmit')}
                  onSubmit={(body, key) =>
                    unwrap(
                      api.POST('/v1/families/{familyId}/contact-person', {
                        params: { path: { familyId: family.familyId } },
                        body: body as Schemas['AssignContactPerson'],
                        headers: { 'Idempotency-Key': key, 'If-Match': `"${family.revision}"` },
                      }),
                    )
                  }
                  onDone={onChanged}
                />
              </Details.Content>
            </Details>
          </Card.Block>
        </Card>
        <DevelopmentPlan familyId={family.familyId} />
        <EmergencyCalls familyId={family.familyId} />
      </div>
    </section>
  );
}
