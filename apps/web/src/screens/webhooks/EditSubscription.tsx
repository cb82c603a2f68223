import { Button, Heading, ValidationMessage } from '@digdir/designsystemet-react';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { useApi } from '../../api/session';
import { Outcome } from '../../components/Outcome';
import { SubscriptionFields, useSubscriptionErrors, type EventTypes } from './SubscriptionFields';
import { checkChanges, draftOf, subscriptionChanges, type SubscriptionDraft } from './webhook-model';

type Subscription = Schemas['WebhookSubscription'];

/**
 * Changing a subscription's URL, description or event types: only what changed is sent (PATCH), with
 * the revision shown as If-Match. A 412 (someone changed it meanwhile) keeps the draft: reload, then
 * send again; a retry of the same changes reuses its Idempotency-Key.
 */
export function EditSubscription({ subscription, eventTypes, onChanged }: { subscription: Subscription; eventTypes: EventTypes; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<SubscriptionDraft>(() => draftOf(subscription));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const attempt = useRef<{ body: string; key: string } | undefined>(undefined);
  const label = t('webhooks.editTitle', { url: subscription.url });
  const update = useAction((body: Schemas['UpdateWebhookSubscription'], key: string) =>
    unwrap(
      api.PATCH('/v1/webhooks/subscriptions/{subscriptionId}', {
        params: { path: { subscriptionId: subscription.subscriptionId } },
        body,
        headers: { 'Idempotency-Key': key, 'If-Match': `"${subscription.revision}"` },
      }),
    ),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const current = draftOf(subscription);
    const found = checkChanges(current, draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      update.reset();
      return;
    }
    const body = subscriptionChanges(current, draft) as Schemas['UpdateWebhookSubscription'];
    const serialized = JSON.stringify(body);
    if (attempt.current?.body !== serialized) attempt.current = { body: serialized, key: crypto.randomUUID() };
    if (await update.run(body, attempt.current.key)) {
      attempt.current = undefined;
      onChanged();
    }
  };
  const error = useSubscriptionErrors(errors, update.state);
  return (
    <form aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)} noValidate className="fb-stack">
      <Heading level={3} data-size="xs" id={`${id}-title`}>
        {label}
      </Heading>
      <SubscriptionFields id={id} draft={draft} onChange={setDraft} error={error} eventTypes={eventTypes} />
      {errors['form'] ? <ValidationMessage role="alert">{t(`webhooks.${errors['form'] === 'unchanged' ? 'unchanged' : 'invalid'}`)}</ValidationMessage> : null}
      <div className="fb-actions">
        <Button type="submit" disabled={update.running} aria-busy={update.running}>
          {t('webhooks.editSubmit')}
        </Button>
      </div>
      <Outcome state={update.state} success={t('webhooks.edited')} onReload={onChanged} />
    </form>
  );
}
