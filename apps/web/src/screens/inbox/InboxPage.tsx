import { Button, Card, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAction, useLoad } from '../../api/hooks';
import { municipalityLabel, useMunicipalityLabel } from '../../api/municipalities';
import { useApi } from '../../api/session';
import { Explanation } from '../../components/Explanation';
import { FailureMessage, Outcome } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';

type InboxItem = Schemas['InboxItem'];

/** Partners' requests by response deadline, each with the municipality's own families ranked and explained. */
export function InboxPage() {
  const { t } = useTranslation();
  const api = useApi();
  const inbox = useLoad(() => unwrap(api.GET('/v1/inbox', {})), [api]);
  const municipality = useMunicipalityLabel();
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('inbox.title')}
      </Heading>
      {inbox.failure ? <FailureMessage failure={inbox.failure} onReload={inbox.reload} /> : null}
      {inbox.loading && !inbox.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {inbox.data && inbox.data.items.length === 0 ? <Paragraph>{t('inbox.empty')}</Paragraph> : null}
      <ol className="fb-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('inbox.title')}>
        {inbox.data?.items.map((item) => (
          <li key={`${item.requester}-${item.requestId}`}>
            <InboxEntry item={item} municipality={municipality} onChanged={inbox.reload} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function InboxEntry({ item, municipality, onChanged }: { item: InboxItem; municipality(code: string): string; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const params = { path: { requester: item.requester, requestId: item.requestId } };
  const offer = useAction((familyId: string) =>
    unwrap(api.POST('/v1/inbox/{requester}/{requestId}/offers', { params, body: { familyId }, headers: { 'Idempotency-Key': crypto.randomUUID() } })).then((made) => {
      onChanged();
      return made;
    }),
  );
  const noMatch = useAction(() =>
    unwrap(api.POST('/v1/inbox/{requester}/{requestId}/no-match', { params, body: {}, headers: { 'Idempotency-Key': crypto.randomUUID() } })).then((answer) => {
      onChanged();
      return answer;
    }),
  );
  // The request names its requester as it announced itself; else the directory's name, else the code.
  const requester = item.requesterName ? municipalityLabel(item.requester, { [item.requester]: item.requesterName }) : municipality(item.requester);
  const open = item.status === 'open' && !item.answered;
  const offered = new Set(item.offers.map((o) => o.familyId));
  return (
    // The worklist links here by this id.
    <Card id={`${item.requester}-${item.requestId}`}>
      <Card.Block>
        <Heading level={2} data-size="sm">
          {t('inbox.item', { requester, careType: t(`vocab.careType.${item.needs.careType}`), age: item.needs.childAge })}
        </Heading>
        <div className="fb-tags">
          <Tag data-color={item.overdue ? 'danger' : 'info'}>{t('inbox.deadline', { date: format.date(item.responseDeadline) })}</Tag>
          <Tag data-color="neutral">{t(`vocab.inboxStatus.${item.status}`)}</Tag>
          {item.answered ? <Tag data-color="success">{t('inbox.answered')}</Tag> : null}
        </div>
        <Paragraph data-size="sm">
          {t('inbox.needs', {
            from: format.date(item.needs.schedule.period.from),
            to: format.date(item.needs.schedule.period.to),
            region: format.region(item.needs.region),
            siblings: item.needs.siblings,
          })}
        </Paragraph>
        {item.offers.length > 0 ? (
          <Paragraph data-size="sm">
            {t('inbox.ourOffers')}{' '}
            {item.offers.map((o) => (
              <span key={o.offerId}>
                <Link to={`/families/${o.familyId}`}>{t(`vocab.ownOfferStatus.${o.status}`, { defaultValue: o.status })}</Link>{' '}
              </span>
            ))}
          </Paragraph>
        ) : null}
        <Heading level={3} data-size="xs">
          {t('inbox.candidates', { count: item.candidates.length })}
        </Heading>
        {item.candidates.length === 0 ? <Paragraph data-size="sm">{t('inbox.noCandidates')}</Paragraph> : null}
        <ol className="fb-stack" aria-label={t('inbox.candidates', { count: item.candidates.length })}>
          {item.candidates.map((candidate) => (
            <li key={candidate.familyId}>
              <Explanation criteria={candidate.criteria} score={candidate.score} caption={candidate.householdName} />
              {open && !offered.has(candidate.familyId) ? (
                <Button data-size="sm" loading={offer.running} disabled={offer.running} onClick={() => void offer.run(candidate.familyId)}>
                  {t('inbox.offer', { household: candidate.householdName })}
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
        <Outcome state={offer.state} success={t('inbox.offered')} onReload={onChanged} />
        {open ? (
          <div className="fb-actions">
            <Button variant="secondary" loading={noMatch.running} disabled={noMatch.running} onClick={() => void noMatch.run()}>
              {t('inbox.noMatch')}
            </Button>
          </div>
        ) : null}
        <Outcome state={noMatch.state} success={t('inbox.noMatchSent')} onReload={onChanged} />
      </Card.Block>
    </Card>
  );
}
