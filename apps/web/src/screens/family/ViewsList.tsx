import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';

/** Which partner municipalities read the family's shared profile, and when (newest first). */
export function ViewsList({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const views = useLoad(() => unwrap(api.GET('/v1/families/{familyId}/views', { params: { path: { familyId } } })), [api, familyId]);
  return (
    <Card>
      <Card.Block>
        <Heading level={2} data-size="sm">
          {t('views.title')}
        </Heading>
        {views.failure ? <FailureMessage failure={views.failure} onReload={views.reload} /> : null}
        {views.data ? (
          <>
            <Paragraph data-size="sm">
              {t('views.pseudonym')} <span className="fb-code">{views.data.pseudonym}</span>
            </Paragraph>
            {views.data.items.length === 0 ? <Paragraph data-size="sm">{t('views.none')}</Paragraph> : null}
            <ul>
              {views.data.items.map((view, index) => (
                <li key={`${view.municipality}-${view.viewedAt}-${index}`}>
                  {view.municipalityName ?? view.municipality} ({view.municipality}) · {format.dateTime(view.viewedAt)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card.Block>
    </Card>
  );
}
