import { Details, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { RegisterNetworkFamilyBody } from '@familybank/contracts';
import { NETWORK_RELATIONS } from '@familybank/domain-family';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/session';
import type { FieldSpec } from '../../forms/form-model';
import { StepForm } from '../../forms/StepForm';
import { REGION_CODES, regionNames, SPOKEN_LANGUAGES, languageNames } from '../../forms/vocabulary';
import { useFormat } from '../../i18n/format';
import { adultsFromRows } from '../family/RegisterFamily';

type NetworkMap = Schemas['NetworkMap'];

/** The persons registered as network families for this child, and the form that registers one. */
export function NetworkFamilies({ requestId, map, onChanged }: { requestId: string; map: NetworkMap; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const unregistered = map.persons.filter((person) => !person.familyId);
  const fields: FieldSpec[] = [
    { name: 'personId', kind: 'select', options: unregistered.map((person) => person.personId), optionText: Object.fromEntries(unregistered.map((person) => [person.personId, person.name])), label: 'network.person' },
    { name: 'relation', kind: 'select', options: NETWORK_RELATIONS, optionLabels: 'network.relations', label: 'network.relation' },
    { name: 'relationNote', kind: 'text', label: 'network.relationNote' },
    { name: 'adults.0.fullName', kind: 'text', label: 'network.fullName' },
    { name: 'adults.0.birthYear', kind: 'number', label: 'network.birthYear' },
    { name: 'contact.street', kind: 'text' },
    { name: 'contact.postalCode', kind: 'text' },
    { name: 'contact.city', kind: 'text' },
    { name: 'contact.phone', kind: 'tel' },
    { name: 'contact.email', kind: 'email' },
    { name: 'region', kind: 'select', options: REGION_CODES, optionText: regionNames(i18n.language) },
    { name: 'languages', kind: 'multi', options: SPOKEN_LANGUAGES, optionText: languageNames(i18n.language) },
  ];
  return (
    <>
      <Heading level={3} data-size="sm">
        {t('network.families')}
      </Heading>
      {map.networkFamilies.length === 0 ? <Paragraph data-size="sm">{t('network.noFamilies')}</Paragraph> : null}
      <ul className="fb-list" aria-label={t('network.families')}>
        {map.networkFamilies.map((family) => (
          <li key={family.familyId}>
            <Link to={`/families/${family.familyId}`}>{family.householdName}</Link> · {t(`network.relations.${family.relation}`)}{' '}
            <Tag data-color="info">{t(`network.statuses.${family.status}`)}</Tag> <Tag data-color="neutral">{t(`vocab.stage.${family.stage}`)}</Tag>
            {family.deadline ? <Paragraph data-size="sm">{t('network.deadline', { date: format.date(family.deadline) })}</Paragraph> : null}
          </li>
        ))}
      </ul>
      <Details>
        <Details.Summary>{t('network.register')}</Details.Summary>
        <Details.Content>
          <StepForm<Schemas['FamilyDetail']>
            key={map.networkFamilies.length}
            label={t('network.register')}
            schema={RegisterNetworkFamilyBody}
            fields={fields}
            initial={{ region: 'DK-83', languages: ['da'] }}
            finalize={adultsFromRows}
            submitLabel={t('network.registerSubmit')}
            onSubmit={(body, key) =>
              unwrap(
                api.POST('/v1/requests/{requestId}/network-families', {
                  params: { path: { requestId } },
                  body: body as Schemas['RegisterNetworkFamily'],
                  headers: { 'Idempotency-Key': key },
                }),
              )
            }
            onDone={onChanged}
          />
        </Details.Content>
      </Details>
    </>
  );
}
