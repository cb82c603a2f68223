import { Button, Card, Heading, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { ProposePartnershipBody } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useAction, useLoad } from '../../api/hooks';
import { municipalityLabel, municipalityNames } from '../../api/municipalities';
import { useApi, useSession } from '../../api/session';
import { FailureMessage, Outcome } from '../../components/Outcome';
import { StepForm } from '../../forms/StepForm';
import { useFormat } from '../../i18n/format';

type Partnership = Schemas['Partnership'];

/** Partnerships with the key fingerprints both liaisons compare, and the directory to propose new ones from. */
export function PartnershipsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const approver = session?.roles.includes('approver') ?? false;
  const data = useLoad(async () => {
    const [partnerships, directory] = await Promise.all([unwrap(api.GET('/v1/partnerships', {})), unwrap(api.GET('/v1/directory', {}))]);
    return { partnerships, directory };
  }, [api]);
  const own = data.data?.partnerships.municipality;
  const known = new Set(data.data?.partnerships.items.filter((p) => p.status !== 'declined' && p.status !== 'revoked').map((p) => p.partner));
  const candidates = data.data?.directory.items.filter((entry) => entry.code !== own && !known.has(entry.code)) ?? [];
  const names = municipalityNames(data.data?.directory.items ?? []);
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('partnerships.title')}
      </Heading>
      {data.failure ? <FailureMessage failure={data.failure} onReload={data.reload} /> : null}
      {data.loading && !data.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {data.data ? (
        <>
          <Paragraph>
            {t('partnerships.ownFingerprint')} <span className="fb-code">{data.data.partnerships.ownKeyFingerprint}</span>
          </Paragraph>
          <Table zebra>
            <caption>{t('partnerships.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('partnerships.partner')}</Table.HeaderCell>
                <Table.HeaderCell>{t('partnerships.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('partnerships.fingerprint')}</Table.HeaderCell>
                <Table.HeaderCell>{t('partnerships.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.data.partnerships.items.map((partnership) => (
                <PartnershipRow key={partnership.partner} partnership={partnership} names={names} approver={approver} onChanged={data.reload} />
              ))}
            </Table.Body>
          </Table>
          {approver && candidates.length > 0 ? (
            <Card>
              <Card.Block>
                <Heading level={2} data-size="sm">
                  {t('partnerships.propose')}
                </Heading>
                <StepForm
                  label={t('partnerships.propose')}
                  schema={ProposePartnershipBody}
                  fields={[
                    {
                      name: 'partner',
                      kind: 'select',
                      options: candidates.map((entry) => entry.code),
                      optionText: Object.fromEntries(candidates.map((entry) => [entry.code, `${entry.name} (${entry.code}) · ${entry.fingerprint}`])),
                    },
                  ]}
                  submitLabel={t('partnerships.proposeSubmit')}
                  onSubmit={(body, key) => unwrap(api.POST('/v1/partnerships', { body: body as never, headers: { 'Idempotency-Key': key } }))}
                  onDone={data.reload}
                />
              </Card.Block>
            </Card>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function PartnershipRow({ partnership, names, approver, onChanged }: { partnership: Partnership; names: Record<string, string>; approver: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const params = { path: { partner: partnership.partner } };
  const headers = () => ({ 'Idempotency-Key': crypto.randomUUID() });
  const act = useAction(async (action: 'accept' | 'decline' | 'revoke') => {
    const result =
      action === 'accept'
        ? await unwrap(api.POST('/v1/partnerships/{partner}/acceptance', { params, body: {}, headers: headers() }))
        : action === 'decline'
          ? await unwrap(api.POST('/v1/partnerships/{partner}/decline', { params, body: {}, headers: headers() }))
          : await unwrap(api.POST('/v1/partnerships/{partner}/revocation', { params, body: {}, headers: headers() }));
    onChanged();
    return result;
  });
  const actions: Array<'accept' | 'decline' | 'revoke'> = !approver ? [] : partnership.status === 'proposed-to-us' ? ['accept', 'decline'] : partnership.status === 'active' ? ['revoke'] : [];
  // "Roskilde (0265)": the name the partnership carries, else the directory's; a partner named nowhere by its code alone.
  const partner = municipalityLabel(partnership.partner, partnership.partnerName ? { ...names, [partnership.partner]: partnership.partnerName } : names);
  return (
    <Table.Row>
      <Table.Cell>{partner}</Table.Cell>
      <Table.Cell>
        <Tag data-color={partnership.status === 'active' ? 'success' : 'neutral'}>{t(`vocab.partnershipStatus.${partnership.status}`)}</Tag> {format.date(partnership.since)}
      </Table.Cell>
      <Table.Cell>
        <span className="fb-code">{partnership.partnerKeyFingerprint ?? '–'}</span>
      </Table.Cell>
      <Table.Cell>
        <div className="fb-actions">
          {actions.map((action) => (
            <Button key={action} data-size="sm" variant={action === 'accept' ? 'primary' : 'secondary'} loading={act.running} disabled={act.running} onClick={() => void act.run(action)}>
              {t(`partnerships.${action}`, { partner })}
            </Button>
          ))}
        </div>
        <Outcome state={act.state} onReload={onChanged} />
      </Table.Cell>
    </Table.Row>
  );
}
