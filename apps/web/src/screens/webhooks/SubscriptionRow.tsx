import { Button, Table, Tag } from '@digdir/designsystemet-react';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { useApi } from '../../api/session';
import { Outcome } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';
import { SecretOnce } from './CreateSubscription';
import { EditSubscription } from './EditSubscription';
import type { EventTypes } from './SubscriptionFields';

type Subscription = Schemas['WebhookSubscription'];
type Change = 'pause' | 'resume' | 'secret-rotation' | 'delete';

/** One subscription with what an approver can do to it; every change sent with If-Match, so a stale row is refused. */
export function SubscriptionRow({ subscription, canChange, eventTypes, onChanged }: { subscription: Subscription; canChange: boolean; eventTypes?: EventTypes; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const { subscriptionId, revision, url } = subscription;
  const [editing, setEditing] = useState(false);
  const editId = `edit-${subscriptionId}`;
  const options = { params: { path: { subscriptionId } }, headers: { 'If-Match': `"${revision}"` } };
  const change = useAction(async (kind: Change) => {
    if (kind === 'delete') return unwrap(api.DELETE('/v1/webhooks/subscriptions/{subscriptionId}', options));
    if (kind === 'pause') return unwrap(api.POST('/v1/webhooks/subscriptions/{subscriptionId}/pause', { ...options, body: {} }));
    if (kind === 'resume') return unwrap(api.POST('/v1/webhooks/subscriptions/{subscriptionId}/resume', { ...options, body: {} }));
    return unwrap(api.POST('/v1/webhooks/subscriptions/{subscriptionId}/secret-rotation', { ...options, body: {} }));
  });
  const run = async (kind: Change) => {
    if (kind === 'delete' && !window.confirm(t('webhooks.confirmDelete', { url }))) return;
    if (await change.run(kind)) onChanged();
  };
  const result = change.state.status === 'done' ? change.state.result : undefined;
  const secret = result && 'secret' in result ? (result as Schemas['WebhookSubscriptionWithSecret']).secret : undefined;
  return (
    <>
      <Table.Row>
        <Table.Cell>
          <code className="fb-code">{url}</code>
          {subscription.description ? <div>{subscription.description}</div> : null}
        </Table.Cell>
        <Table.Cell>{subscription.eventTypes.join(', ')}</Table.Cell>
        <Table.Cell>
          <Tag data-color={subscription.status === 'active' ? 'success' : 'neutral'}>{t(`webhooks.status.${subscription.status}`)}</Tag>
        </Table.Cell>
        <Table.Cell>{t('webhooks.secretVersion', { version: subscription.secretVersion, date: format.dateTime(subscription.secretRotatedAt ?? subscription.createdAt) })}</Table.Cell>
        <Table.Cell>
          {canChange && subscription.status !== 'deleted' ? (
            <div className="fb-actions">
              {subscription.status === 'active' ? (
                <Button variant="secondary" data-size="sm" disabled={change.running} onClick={() => void run('pause')}>
                  {t('webhooks.pause', { url })}
                </Button>
              ) : (
                <Button variant="secondary" data-size="sm" disabled={change.running} onClick={() => void run('resume')}>
                  {t('webhooks.resume', { url })}
                </Button>
              )}
              {eventTypes ? (
                <Button variant="secondary" data-size="sm" aria-expanded={editing} aria-controls={editing ? editId : undefined} onClick={() => setEditing(!editing)}>
                  {t('webhooks.edit', { url })}
                </Button>
              ) : null}
              <Button variant="secondary" data-size="sm" disabled={change.running} onClick={() => void run('secret-rotation')}>
                {t('webhooks.rotate', { url })}
              </Button>
              <Button variant="secondary" data-color="danger" data-size="sm" disabled={change.running} onClick={() => void run('delete')}>
                {t('webhooks.delete', { url })}
              </Button>
            </div>
          ) : null}
          {secret ? <SecretOnce subscriptionUrl={url} secret={secret} /> : <Outcome state={change.state} onReload={onChanged} />}
        </Table.Cell>
      </Table.Row>
      {editing && eventTypes && subscription.status !== 'deleted' ? (
        <Table.Row id={editId}>
          <Table.Cell colSpan={5}>
            <EditSubscription subscription={subscription} eventTypes={eventTypes} onChanged={onChanged} />
          </Table.Cell>
        </Table.Row>
      ) : null}
    </>
  );
}
