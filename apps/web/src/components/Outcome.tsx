import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ActionState } from '../api/hooks';
import type { Failure } from '../api/failure';

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
  const stale = failure.kind === 'conflict' || failure.kind === 'precondition';
  return (
    <Alert data-color={failure.kind === 'recorded' ? 'warning' : 'danger'} role="alert" data-size="sm">
      <Paragraph data-size="sm">{t(`failure.${failure.kind}`)}</Paragraph>
      {failure.problem?.detail && failure.kind !== 'validation' ? (
        <Paragraph data-size="sm">
          {failure.problem.detail} <span className="fb-code">({failure.problem.code})</span>
        </Paragraph>
      ) : null}
      {stale && onReload ? (
        <Button variant="secondary" data-size="sm" onClick={onReload}>
          {t('failure.reload')}
        </Button>
      ) : null}
    </Alert>
  );
}
