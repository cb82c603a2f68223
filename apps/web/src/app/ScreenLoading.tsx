import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/**
 * Shown while a screen's chunk is fetched: a status (announced politely by screen readers) with a
 * visible text, the spinner being decoration only.
 */
export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="fb-screen-loading">
      <Spinner aria-hidden="true" data-size="sm" />
      <Paragraph data-size="sm">{t('shell.loading')}</Paragraph>
    </div>
  );
}
