import { Alert, Button, Card, Checkbox, Heading, Paragraph, Textarea, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { useApi } from '../../api/session';
import { Outcome } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';
import type { Family } from './family-steps';

/**
 * Erasure of a family's personal data (crypto-shredding), for an approver: a reason that names no
 * one, then an explicit confirmation, since nothing brings the data back. Once erased the panel
 * says so and when.
 */
export function ErasePanel({ family, onErased, onReload }: { family: Family; onErased(family: Family): void; onReload(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [missing, setMissing] = useState(false);
  // One key per confirmed erasure: a retry after a lost answer erases nothing twice.
  const [key] = useState(() => crypto.randomUUID());
  const erase = useAction(() =>
    unwrap(
      api.POST('/v1/families/{familyId}/erasure', {
        params: { path: { familyId: family.familyId } },
        body: { reason: reason.trim() },
        headers: { 'Idempotency-Key': key, 'If-Match': `"${family.revision}"` },
      }),
    ),
  );
  if (family.erased) {
    return (
      <Alert data-color="warning" role="status">
        <Heading level={2} data-size="xs">
          {t('erasure.erasedTitle')}
        </Heading>
        <Paragraph>{t('erasure.erasedText', { date: family.erasedOn ? format.date(family.erasedOn) : '–' })}</Paragraph>
      </Alert>
    );
  }
  const ask = (event: FormEvent) => {
    event.preventDefault();
    const empty = reason.trim() === '';
    setMissing(empty);
    if (!empty) setConfirming(true);
  };
  const confirm = async () => {
    const erased = await erase.run();
    if (erased) onErased(erased);
  };
  // Refused while a child is placed with the family: said in the console's words, not as a stale-page conflict.
  const code = erase.state.status === 'failed' ? erase.state.failure.problem?.code : undefined;
  const blocked = code === 'FAMILY.ERASURE_BLOCKED_BY_ASSIGNMENT' ? code : undefined;
  const fieldError = erase.state.status === 'failed' ? erase.state.failure.fieldErrors['reason'] : undefined;
  return (
    <Card>
      <Card.Block>
        <form aria-label={t('erasure.title')} onSubmit={ask} noValidate className="fb-stack">
          <Heading level={2} data-size="sm">
            {t('erasure.title')}
          </Heading>
          <Paragraph data-size="sm">{t('erasure.intro')}</Paragraph>
          <Field>
            <Label htmlFor={`${id}-reason`}>{t('erasure.reason')}</Label>
            <Paragraph data-size="sm" id={`${id}-reason-help`}>
              {t('erasure.reasonHelp')}
            </Paragraph>
            <Textarea
              id={`${id}-reason`}
              aria-describedby={`${id}-reason-help`}
              aria-invalid={missing || Boolean(fieldError)}
              required
              value={reason}
              readOnly={confirming}
              onChange={(event) => setReason(event.target.value)}
            />
            {missing ? <ValidationMessage>{t('erasure.reasonRequired')}</ValidationMessage> : null}
            {fieldError ? <ValidationMessage>{fieldError}</ValidationMessage> : null}
          </Field>
          {!confirming ? (
            <Button type="submit" variant="secondary" data-color="danger">
              {t('erasure.start')}
            </Button>
          ) : (
            <div className="fb-stack" role="group" aria-label={t('erasure.confirmTitle')}>
              <Alert data-color="danger">
                <Paragraph>{t('erasure.confirmText')}</Paragraph>
              </Alert>
              <Checkbox label={t('erasure.understood')} checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
              <div className="fb-actions">
                <Button type="button" data-color="danger" disabled={!understood || erase.running} aria-busy={erase.running} onClick={() => void confirm()}>
                  {t('erasure.confirm')}
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    setConfirming(false);
                    setUnderstood(false);
                    erase.reset();
                  }}
                >
                  {t('erasure.cancel')}
                </Button>
              </div>
            </div>
          )}
          {blocked ? (
            <Alert data-color="danger" role="alert">
              <Paragraph>{t('erasure.blocked')}</Paragraph>
              <Paragraph data-size="sm">
                <span className="fb-code">({blocked})</span>
              </Paragraph>
            </Alert>
          ) : (
            <Outcome state={erase.state} onReload={onReload} />
          )}
        </form>
      </Card.Block>
    </Card>
  );
}
