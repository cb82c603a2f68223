import { Alert, Button, Card, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useAction, useLoad } from '../../api/hooks';
import { useMunicipalityLabel } from '../../api/municipalities';
import { useApi } from '../../api/session';
import { FailureMessage, Outcome } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';
import { rankOffers } from './request-model';
import { OfferCard } from './OfferCard';
import { AssignmentCard } from './AssignmentCard';
import { IntroductionVisits } from './IntroductionVisits';
import { NetworkMap } from './NetworkMap';
import { OwnCandidates } from './OwnCandidates';

const POLL_MS = 1_500;

/** The requester's view: who was asked and who answered, the offers ranked and explained, and the outcome. */
export function RequestPage() {
  const { requestId = '' } = useParams();
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const municipality = useMunicipalityLabel();
  const request = useLoad(() => unwrap(api.GET('/v1/requests/{requestId}', { params: { path: { requestId } } })), [api, requestId]);
  const data = request.data;
  // Reading candidates reports profile views to their owners: read them again only when the offers change.
  const offered = data?.offers.map((offer) => offer.pseudonym).join(',') ?? '';
  const candidates = useLoad(() => unwrap(api.GET('/v1/requests/{requestId}/candidates', { params: { path: { requestId } } })), [api, requestId, offered]);
  // A partner answers through the exchange: while an answer or the disclosure is awaited, read again.
  const waiting = Boolean(data && data.status === 'open' && (data.pendingAcceptance || data.sharedWith.length > 0)) || Boolean(data?.assignment && !data.assignment.contact);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(request.reload, POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, request.reload]);

  const share = useAction(async () =>
    unwrap(
      api.POST('/v1/requests/{requestId}/sharing', {
        params: { path: { requestId } },
        body: {},
        headers: { 'Idempotency-Key': crypto.randomUUID(), 'If-Match': `"${data!.revision}"` },
      }),
    ).then((updated) => {
      request.reload();
      return updated;
    }),
  );

  if (!data) {
    return (
      <div className="fb-stack">
        {request.failure ? <FailureMessage failure={request.failure} onReload={request.reload} /> : <Spinner aria-label={t('outcome.loading')} />}
      </div>
    );
  }
  const ranked = rankOffers(data.offers, candidates.data?.pool ?? []);
  const names = (codes: string[]) => (codes.length ? codes.map(municipality).join(', ') : t('request.nobody'));
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('request.title', { reference: data.caseReference })}
      </Heading>
      <div className="fb-tags">
        <Tag data-color={data.status === 'open' ? 'info' : data.status === 'filled' ? 'success' : 'neutral'}>{t(`vocab.requestStatus.${data.status}`)}</Tag>
        <Tag data-color="neutral">{t(`vocab.careType.${data.needs.careType}`)}</Tag>
      </div>
      {request.failure ? <FailureMessage failure={request.failure} onReload={request.reload} /> : null}
      <div className="fb-grid">
        <Card>
          <Card.Block>
            <Heading level={2} data-size="sm">
              {t('request.partners')}
            </Heading>
            <dl className="fb-dl">
              <dt>{t('fields.responseDeadline')}</dt>
              <dd>{format.date(data.responseDeadline)}</dd>
              <dt>{t('request.sharedWith')}</dt>
              <dd>{names(data.sharedWith)}</dd>
              <dt>{t('request.answeredBy')}</dt>
              <dd>{names(data.answeredBy)}</dd>
              <dt>{t('request.awaiting')}</dt>
              <dd>{names(data.awaitingAnswerFrom)}</dd>
            </dl>
            {data.status === 'open' && data.sharedWith.length === 0 ? (
              <Button onClick={() => void share.run()} loading={share.running} disabled={share.running}>
                {t('request.share')}
              </Button>
            ) : null}
            <Outcome state={share.state} success={t('request.shared')} onReload={request.reload} />
          </Card.Block>
        </Card>
        {data.assignment ? <AssignmentCard assignment={data.assignment} onChanged={request.reload} /> : null}
        {data.status === 'filled' ? <IntroductionVisits request={data} onChanged={request.reload} /> : null}
      </div>
      {data.pendingAcceptance ? (
        <Alert data-color="info" role="status">
          {t('request.pending', { minutes: format.number(data.pendingAcceptance.ageMinutes) })}
        </Alert>
      ) : null}
      <Heading level={2} data-size="md">
        {t('request.offers', { count: data.offers.length })}
      </Heading>
      {ranked.length === 0 ? <Paragraph>{t('request.noOffers')}</Paragraph> : null}
      <ol className="fb-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('request.offers', { count: data.offers.length })}>
        {ranked.map((entry) => (
          <li key={entry.offer.offerId}>
            <OfferCard request={data} ranked={entry} municipality={municipality} onChanged={request.reload} />
          </li>
        ))}
      </ol>
      {data.status === 'open' ? <OwnCandidates request={data} local={candidates.data?.local ?? []} onChanged={request.reload} /> : null}
      <NetworkMap requestId={requestId} version={data.revision} onChanged={request.reload} />
    </div>
  );
}
