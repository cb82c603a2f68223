import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { useApi } from '../../api/session';
import { Outcome } from '../../components/Outcome';
import { SubscriptionFields, useSubscriptionErrors, type EventTypes } from './SubscriptionFields';
import { checkSubscription, EMPTY_DRAFT, subscriptionBody, type SubscriptionDraft } from './webhook-model';

/** Subscribing a URL to event types: the answer's secret is shown here once, with a copy hint. */
export function CreateSubscription({ eventTypes, onCreated }: { eventTypes: EventTypes; onCreated(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<SubscriptionDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useAction(() => unwrap(api.POST('/v1/webhooks/subscriptions', { body: subscriptionBody(draft) as never })));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkSubscription(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (await create.run()) {
      setDraft(EMPTY_DRAFT);
      onCreated();
    }
  };
  const error = useSubscriptionErrors(errors, create.state);
  const created = create.state.status === 'done' ? create.state.result : undefined;
  return (
    <section aria-labelledby={`${id}-title`} className="fb-stack">
      <Heading level={2} data-size="sm" id={`${id}-title`}>
        {t('webhooks.create')}
      </Heading>
      {created ? <SecretOnce subscriptionUrl={created.url} secret={created.secret} /> : null}
      <form aria-label={t('webhooks.create')} onSubmit={(event) => void submit(event)} noValidate className="fb-stack">
        <SubscriptionFields id={id} draft={draft} onChange={setDraft} error={error} eventTypes={eventTypes} />
        <div className="fb-actions">
          <Button type="submit" disabled={create.running} aria-busy={create.running}>
            {t('webhooks.createSubmit')}
          </Button>
        </div>
        {created ? null : <Outcome state={create.state} />}
      </form>
    </section>
  );
}

/** A signing secret, shown the one time the API answers with it. */
export function SecretOnce({ subscriptionUrl, secret }: { subscriptionUrl: string; secret: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Alert data-color="warning" role="status">
      <Heading level={3} data-size="xs">
        {t('webhooks.secret.title', { url: subscriptionUrl })}
      </Heading>
      <Paragraph>{t('webhooks.secret.hint')}</Paragraph>
      <Paragraph>
        <code className="fb-code" data-testid="webhook-secret">
          {secret}
        </code>
      </Paragraph>
      <Button
        variant="secondary"
        data-size="sm"
        onClick={() =>
          void navigator.clipboard?.writeText(secret).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('webhooks.secret.copy')}
      </Button>
      {copied ? <Paragraph data-size="sm">{t('webhooks.secret.copied')}</Paragraph> : null}
    </Alert>
  );
}
