import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAction } from '../../api/hooks';
import { useApi } from '../../api/session';
import { Explanation } from '../../components/Explanation';
import { Outcome } from '../../components/Outcome';

type Request = Schemas['RequestDetail'];
type LocalCandidate = Schemas['LocalCandidate'];

/** The requester's own families that fit the child, explained, each placeable under the rules of an accepted offer. */
export function OwnCandidates({ request, local, onChanged }: { request: Request; local: readonly LocalCandidate[]; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const place = useAction((familyId: string) =>
    unwrap(
      api.POST('/v1/requests/{requestId}/placements', {
        params: { path: { requestId: request.requestId } },
        body: { familyId },
        headers: { 'Idempotency-Key': crypto.randomUUID(), 'If-Match': `"${request.revision}"` },
      }),
    ).then((updated) => {
      onChanged();
      return updated;
    }),
  );
  const blocked = request.status !== 'open' ? t('placement.notOpen') : request.pendingAcceptance ? t('placement.pending') : undefined;
  return (
    <section className="fb-stack" aria-labelledby="own-candidates">
      <Heading level={2} data-size="md" id="own-candidates">
        {t('placement.title')}
      </Heading>
      <Paragraph data-size="sm">{t('placement.intro')}</Paragraph>
      {blocked ? <Paragraph data-size="sm">{blocked}</Paragraph> : null}
      <Outcome state={place.state} success={t('placement.placed')} onReload={onChanged} />
      {local.length === 0 ? <Paragraph data-size="sm">{t('placement.none')}</Paragraph> : null}
      <ol className="fb-list" aria-label={t('placement.title')}>
        {local.map((candidate) => (
          <li key={candidate.familyId}>
            <Card>
              <Card.Block>
                <Heading level={3} data-size="xs">
                  <Link to={`/families/${candidate.familyId}`}>{candidate.householdName}</Link>
                </Heading>
                {candidate.network ? (
                  <div className="fb-tags">
                    <Tag data-color="warning">{t('match.network')}</Tag>
                  </div>
                ) : null}
                <Explanation criteria={candidate.criteria} score={candidate.score} caption={t('match.caption', { name: candidate.householdName })} />
                {blocked ? null : (
                  <div className="fb-actions">
                    <Button loading={place.running} disabled={place.running} onClick={() => void place.run(candidate.familyId)}>
                      {t('placement.place', { household: candidate.householdName })}
                    </Button>
                  </div>
                )}
              </Card.Block>
            </Card>
          </li>
        ))}
      </ol>
    </section>
  );
}
