import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ActionState } from '../api/hooks';
import type { Failure } from '../api/failure';
import { useFormat } from '../i18n/format';
import { problemLines } from '../i18n/reasons';

/** What happened to an action: shown beside its button, announced to screen readers. */
export function Outcome({ state, success, onReload }: { state: ActionState<unknown>; success?: string; onReload?: () => void }) {
  const { t } = useTranslation();
  if (state.status === 'running') {
    return (
      <Paragraph role="status" data-size="sm">
        {t('outcome.working')}
      </Paragraph>
    );
  }
  if (state.status === 'done') {
    return (
      <Alert data-color="success" role="status" data-size="sm">
        {success ?? t('outcome.saved')}
      </Alert>
    );
  }
  if (state.status === 'failed') return <FailureMessage failure={state.failure} onReload={onReload} />;
  return null;
}

export function FailureMessage({ failure, onReload }: { failure: Failure; onReload?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stale = failure.kind === 'conflict' || failure.kind === 'precondition';
  // Field problems (400) are shown next to their fields; everything else by its code, in the reader's language.
  const lines = failure.problem && failure.kind !== 'validation' ? problemLines(t, format, failure.problem) : [];
  return (
    <Alert data-color={failure.kind === 'recorded' ? 'warning' : 'danger'} role="alert" data-size="sm">
      <Paragraph data-size="sm">{t(`failure.${failure.kind}`)}</Paragraph>
      {lines.length > 0 ? (
        <Paragraph data-size="sm">
          {lines[0]} <span className="fb-code">({failure.problem!.code})</span>
        </Paragraph>
      ) : null}
      {lines.length > 1 ? (
        <ul className="fb-reasons">
          {lines.slice(1).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {stale && onReload ? (
        <Button variant="secondary" data-size="sm" onClick={onReload}>
          {t('failure.reload')}
        </Button>
      ) : null}
    </Alert>
  );
}
