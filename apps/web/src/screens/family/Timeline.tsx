import { Button, Card, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';

type StoredEvent = Schemas['StoredEvent'];

/** The family's history, oldest first, a page at a time: what happened, who did it, when. */
export function Timeline({ familyId, version }: { familyId: string; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [later, setLater] = useState<{ items: StoredEvent[]; nextCursor: string | null }>();
  const first = useLoad(async () => {
    setLater(undefined);
    return unwrap(api.GET('/v1/families/{familyId}/events', { params: { path: { familyId }, query: { limit: 50 } } }));
  }, [api, familyId, version]);
  const items = [...(first.data?.items ?? []), ...(later?.items ?? [])];
  const cursor = later ? later.nextCursor : first.data?.nextCursor;
  const loadMore = async () => {
    const page = await unwrap(api.GET('/v1/families/{familyId}/events', { params: { path: { familyId }, query: { limit: 50, cursor: cursor! } } }));
    setLater((previous) => ({ items: [...(previous?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
  };
  return (
    <Card>
      <Card.Block>
        <Heading level={2} data-size="sm">
          {t('timeline.title')}
        </Heading>
        {first.failure ? <FailureMessage failure={first.failure} onReload={first.reload} /> : null}
        {first.loading && !first.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
        <ol className="fb-timeline" aria-label={t('timeline.title')}>
          {items.map((event) => (
            <li key={event.eventId}>
              <Paragraph data-size="sm">
                <strong>{t(`events.${event.type}`, { defaultValue: event.type })}</strong>
              </Paragraph>
              <Paragraph data-size="xs">
                {t('timeline.byAt', { actor: event.actor, at: format.dateTime(event.recordedAt) })}
              </Paragraph>
            </li>
          ))}
        </ol>
        {cursor ? (
          <Button variant="tertiary" data-size="sm" onClick={() => void loadMore()}>
            {t('timeline.more')}
          </Button>
        ) : null}
      </Card.Block>
    </Card>
  );
}
