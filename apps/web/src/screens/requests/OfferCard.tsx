import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { ReasonRequiredBody } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../api/hooks';
import { useApi } from '../../api/session';
import { Explanation } from '../../components/Explanation';
import { Outcome } from '../../components/Outcome';
import type { MunicipalityLabel } from '../../i18n/reasons';
import { StepForm } from '../../forms/StepForm';
import { offerActions, type RankedOffer } from './request-model';

type Request = Schemas['RequestDetail'];
type OfferPath = '/v1/requests/{requestId}/offers/{offerId}/shortlist';
const PATHS = {
  shortlist: '/v1/requests/{requestId}/offers/{offerId}/shortlist',
  accept: '/v1/requests/{requestId}/offers/{offerId}/acceptance',
  cancel: '/v1/requests/{requestId}/offers/{offerId}/acceptance/cancellation',
  decline: '/v1/requests/{requestId}/offers/{offerId}/decline',
} as const;

/**
 * One offer: the partner's family as its shared profile and its match explained, and what can be
 * decided. `municipality` names the partner (the request page reads the directory once for all cards).
 */
export function OfferCard({ request, ranked, municipality, onChanged }: { request: Request; ranked: RankedOffer; municipality: MunicipalityLabel; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { offer, match } = ranked;
  const [declining, setDeclining] = useState(false);
  const send = (action: keyof typeof PATHS, body: unknown, key: string = crypto.randomUUID()) =>
    unwrap(
      // Every offer step has the same parameters and answers with the request.
      api.POST(PATHS[action] as OfferPath, {
        params: { path: { requestId: request.requestId, offerId: offer.offerId } },
        body: body as never,
        headers: { 'Idempotency-Key': key, 'If-Match': `"${request.revision}"` },
      }),
    ).then((updated) => {
      onChanged();
      return updated;
    });
  const act = useAction((action: 'shortlist' | 'accept' | 'cancel') => send(action, {}));
  const own = offer.own;
  const partner = municipality(offer.partner);
  const label = own ? t('placement.ownTitle', { household: own.householdName ?? offer.pseudonym }) : t('offer.title', { partner });
  // An own placement is explained by the engine's view when it was placed.
  const explanation = own ? { criteria: own.match.criteria, score: own.match.score } : match;
  return (
    <Card>
      <Card.Block>
        <Heading level={3} data-size="xs">
          {label}
        </Heading>
        <div className="fb-tags">
          <Tag data-color={offer.status === 'confirmed' ? 'success' : offer.status === 'declined' || offer.status === 'withdrawn' ? 'neutral' : 'info'}>
            {t(`vocab.offerStatus.${offer.status}`)}
          </Tag>
          {own ? <Tag data-color="neutral">{t('placement.own')}</Tag> : null}
          {match?.network || own?.network ? <Tag data-color="warning">{t('match.network')}</Tag> : null}
        </div>
        {offer.withdrawnReason ? <Paragraph data-size="sm">{t('offer.withdrawnBecause', { reason: offer.withdrawnReason })}</Paragraph> : null}
        {offer.profile ? (
          <Paragraph data-size="sm">
            {t('offer.profile', {
              types: offer.profile.careTypes.map((type) => t(`vocab.careType.${type}`)).join(', '),
              capacity: offer.profile.freeCapacity,
              min: offer.profile.ageRange.min,
              max: offer.profile.ageRange.max,
              experience: t(`vocab.experience.${offer.profile.experience}`),
            })}
          </Paragraph>
        ) : null}
        {explanation ? (
          <Explanation criteria={explanation.criteria} score={explanation.score} caption={t('match.caption', { name: label })} />
        ) : (
          <Paragraph data-size="sm">{t('offer.noMatch')}</Paragraph>
        )}
        <div className="fb-actions">
          {offerActions(offer, request).map((action) =>
            action === 'decline' ? (
              <Button key={action} variant="tertiary" aria-expanded={declining} onClick={() => setDeclining((open) => !open)}>
                {t('offer.decline')}
              </Button>
            ) : (
              <Button key={action} variant={action === 'accept' ? 'primary' : 'secondary'} loading={act.running} disabled={act.running} onClick={() => void act.run(action)}>
                {t(`offer.${action}`)}
              </Button>
            ),
          )}
        </div>
        <Outcome state={act.state} onReload={onChanged} />
        {declining ? (
          <StepForm
            label={t('offer.declineTitle', { partner })}
            schema={ReasonRequiredBody}
            fields={[{ name: 'reason', kind: 'text', label: 'fields.declineReason' }]}
            submitLabel={t('offer.decline')}
            onReload={onChanged}
            onSubmit={(body, key) => send('decline', body, key)}
            onDone={() => setDeclining(false)}
          />
        ) : null}
      </Card.Block>
    </Card>
  );
}
