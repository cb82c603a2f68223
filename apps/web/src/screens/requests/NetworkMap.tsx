import { Card, Details, Heading, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { RecordNetworkPersonBody } from '@familybank/contracts';
import { NETWORK_RELATIONS } from '@familybank/domain-family';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { StepForm } from '../../forms/StepForm';
import { today } from '../../forms/vocabulary';
import { useFormat } from '../../i18n/format';
import { NetworkFamilies } from './NetworkFamilies';

/** registered-as-network-family follows from registering the person, so it is not offered here. */
const RECORDABLE_OUTCOMES = ['not-contacted', 'declined', 'not-suitable', 'assessed'] as const;

/** The child's network on the requester's side: who was explored and how it went, and the network families registered. */
export function NetworkMap({ requestId, version, onChanged }: { requestId: string; version: number; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const map = useLoad(() => unwrap(api.GET('/v1/requests/{requestId}/network-map', { params: { path: { requestId } } })), [api, requestId, version]);
  const data = map.data;
  const changed = () => {
    map.reload();
    onChanged();
  };
  return (
    <Card>
      <Card.Block>
        <Heading level={2} data-size="md">
          {t('network.title')}
        </Heading>
        <Paragraph data-size="sm">{t('network.intro')}</Paragraph>
        {map.failure ? <FailureMessage failure={map.failure} onReload={map.reload} /> : null}
        {!data && map.loading ? <Spinner aria-label={t('outcome.loading')} /> : null}
        {data ? (
          <>
            <div className="fb-tags">
              <Tag data-color={data.explored ? 'success' : 'warning'}>{data.explored ? t('network.explored') : t('network.notExplored')}</Tag>
            </div>
            {data.persons.length === 0 ? (
              <Paragraph data-size="sm">{t('network.none')}</Paragraph>
            ) : (
              <div className="fb-table-scroll">
                <Table zebra data-size="sm">
                  <caption>{t('network.persons')}</caption>
                  <Table.Head>
                    <Table.Row>
                      {(['name', 'relation', 'outcome', 'reason', 'on'] as const).map((column) => (
                        <Table.HeaderCell key={column}>{t(`network.${column}`)}</Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.persons.map((person) => (
                      <Table.Row key={person.personId}>
                        <Table.Cell>{person.familyId ? <Link to={`/families/${person.familyId}`}>{person.name}</Link> : person.name}</Table.Cell>
                        <Table.Cell>{t(`network.relations.${person.relation}`)}</Table.Cell>
                        <Table.Cell>{t(`network.outcomes.${person.outcome}`)}</Table.Cell>
                        <Table.Cell>{person.reason ?? ''}</Table.Cell>
                        <Table.Cell>{format.date(person.on)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            <Details>
              <Details.Summary>{t('network.add')}</Details.Summary>
              <Details.Content>
                <StepForm
                  key={data.persons.length}
                  label={t('network.add')}
                  schema={RecordNetworkPersonBody}
                  fields={[
                    { name: 'name', kind: 'text', label: 'network.name' },
                    { name: 'relation', kind: 'select', options: NETWORK_RELATIONS, optionLabels: 'network.relations', label: 'network.relation' },
                    { name: 'outcome', kind: 'select', options: RECORDABLE_OUTCOMES, optionLabels: 'network.outcomes', label: 'network.outcome' },
                    { name: 'reason', kind: 'text', label: 'network.reason' },
                    { name: 'on', kind: 'date', label: 'network.on' },
                  ]}
                  initial={{ on: today(), outcome: 'assessed' }}
                  submitLabel={t('network.addSubmit')}
                  onReload={map.reload}
                  onSubmit={(body, key) =>
                    unwrap(
                      api.POST('/v1/requests/{requestId}/network-map', {
                        params: { path: { requestId } },
                        body: body as Schemas['RecordNetworkPerson'],
                        headers: { 'Idempotency-Key': key, 'If-Match': `"${data.revision}"` },
                      }),
                    )
                  }
                  onDone={changed}
                />
              </Details.Content>
            </Details>
            <NetworkFamilies requestId={requestId} map={data} onChanged={changed} />
          </>
        ) : null}
      </Card.Block>
    </Card>
  );
}
