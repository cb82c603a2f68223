import { Checkbox, Fieldset, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import type { ActionState } from '../../api/hooks';
import { toggleEventType, type SubscriptionDraft } from './webhook-model';

export type EventTypes = Schemas['WebhookEventTypeList']['items'];

/**
 * A field's message: the form's own check (a zod code) first, then the server's 400 for that field;
 * WEBHOOK.INVALID_URL (422) names no field, but it is the URL's.
 */
export function useSubscriptionErrors(errors: Record<string, string>, state: ActionState<unknown>) {
  const { t } = useTranslation();
  const serverErrors = state.status === 'failed' ? state.failure.fieldErrors : {};
  const urlProblem = state.status === 'failed' && state.failure.problem?.code === 'WEBHOOK.INVALID_URL' ? state.failure.problem.detail : undefined;
  return (name: string): string | undefined =>
    (errors[name] ? t(`validation.${errors[name]}`, { defaultValue: errors[name] }) : serverErrors[name]) ?? (name === 'url' ? urlProblem : undefined);
}

/** The controls of a subscription, shared by the create and the edit form: URL, description, event types. */
export function SubscriptionFields({ id, draft, onChange, error, eventTypes }: { id: string; draft: SubscriptionDraft; onChange(draft: SubscriptionDraft): void; error(name: string): string | undefined; eventTypes: EventTypes }) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield id={`${id}-url`} label={t('webhooks.fields.url')} description={t('webhooks.fields.urlHelp')} value={draft.url} error={error('url')} onChange={(event) => onChange({ ...draft, url: event.target.value })} />
      <Textfield id={`${id}-description`} label={t('webhooks.fields.description')} value={draft.description} error={error('description')} onChange={(event) => onChange({ ...draft, description: event.target.value })} />
      <Fieldset>
        <Fieldset.Legend>{t('webhooks.fields.eventTypes')}</Fieldset.Legend>
        <div className="fb-options">
          {eventTypes.map(({ type, description }) => (
            <Checkbox
              key={type}
              id={`${id}-${type}`}
              label={type}
              description={description}
              value={type}
              checked={draft.eventTypes.includes(type)}
              onChange={(event) => onChange({ ...draft, eventTypes: toggleEventType(draft.eventTypes, type, event.target.checked) })}
            />
          ))}
        </div>
        {error('eventTypes') ? <ValidationMessage>{t('webhooks.fields.eventTypesRequired')}</ValidationMessage> : null}
      </Fieldset>
    </>
  );
}
