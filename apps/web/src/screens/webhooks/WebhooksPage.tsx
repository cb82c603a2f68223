import { Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/hooks';
import { useApi, useSession } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { CreateSubscription } from './CreateSubscription';
import { DeliveryLog } from './DeliveryLog';
import { SubscriptionRow } from './SubscriptionRow';

/** Outbound notifications: the municipality's subscriptions, a new one (its secret shown once), and the delivery log with its dead letters. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  // Changing subscriptions is for approvers and administrators (the API's INTEGRATION_ADMINS); others read.
  const canChange = Boolean(session?.roles.some((role) => role === 'approver' || role === 'administrator'));
  const [version, setVersion] = useState(0);
  const subscriptions = useLoad(() => unwrap(api.GET('/v1/webhooks/subscriptions', {})), [api, version]);
  const eventTypes = useLoad(() => unwrap(api.GET('/v1/webhooks/event-types', {})), [api]);
  const changed = () => setVersion((n) => n + 1);
  const items = subscriptions.data?.items ?? [];
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('webhooks.title')}
      </Heading>
      <Paragraph>{t('webhooks.intro')}</Paragraph>
      <section aria-labelledby="webhooks-subscriptions" className="fb-stack">
        <Heading level={2} data-size="sm" id="webhooks-subscriptions">
          {t('webhooks.subscriptions')}
        </Heading>
        {subscriptions.failure ? <FailureMessage failure={subscriptions.failure} onReload={subscriptions.reload} /> : null}
        {subscriptions.loading && !subscriptions.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
        {subscriptions.data && items.length === 0 ? <Paragraph>{t('webhooks.none')}</Paragraph> : null}
        {items.length > 0 ? (
          <Table data-size="sm">
            <caption>{t('webhooks.subscriptions')}</caption>
            <Table.Head>
              <Table.Row>
                {(['url', 'eventTypes', 'status', 'secret', 'actions'] as const).map((column) => (
                  <Table.HeaderCell key={column}>{t(`webhooks.columns.${column}`)}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((subscription) => (
                <SubscriptionRow key={subscription.subscriptionId} subscription={subscription} canChange={canChange} eventTypes={eventTypes.data?.items} onChanged={changed} />
              ))}
            </Table.Body>
          </Table>
        ) : null}
      </section>
      {eventTypes.failure ? <FailureMessage failure={eventTypes.failure} onReload={eventTypes.reload} /> : null}
      {canChange && eventTypes.data ? <CreateSubscription eventTypes={eventTypes.data.items} onCreated={changed} /> : null}
      <DeliveryLog canRedrive={canChange} version={version} />
    </div>
  );
}
