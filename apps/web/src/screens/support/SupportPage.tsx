import { Heading, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { Courses } from './Courses';
import { Meetings } from './Meetings';
import { supportedFamilies } from './support-families';

/** Support shared by several families: supervision meetings (individual or group) and the course catalogue. */
export function SupportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const families = useLoad(() => supportedFamilies(api), [api]);
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('support.pageTitle')}
      </Heading>
      {families.failure ? <FailureMessage failure={families.failure} onReload={families.reload} /> : null}
      {families.data ? (
        <div className="fb-grid">
          <Meetings families={families.data} />
          <Courses families={families.data} />
        </div>
      ) : (
        <Spinner aria-label={t('outcome.loading')} />
      )}
    </div>
  );
}
