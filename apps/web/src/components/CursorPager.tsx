import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Previous / next over the API's cursors: the stack of cursors that led to this page is kept by the caller. */
export function CursorPager({ page, hasNext, onPrevious, onNext, label }: { page: number; hasNext: boolean; onPrevious(): void; onNext(): void; label: string }) {
  const { t } = useTranslation();
  if (page === 0 && !hasNext) return null;
  return (
    <nav aria-label={label} className="fb-actions">
      <Button variant="secondary" data-size="sm" disabled={page === 0} onClick={onPrevious}>
        {t('pagination.previous')}
      </Button>
      <span aria-live="polite">{t('pagination.page', { page: page + 1 })}</span>
      <Button variant="secondary" data-size="sm" disabled={!hasNext} onClick={onNext}>
        {t('pagination.next')}
      </Button>
    </nav>
  );
}
