import { Button, Details, Field, Heading, Label, Paragraph, Select, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { CursorPager } from '../../components/CursorPager';
import { FailureMessage, Outcome } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';
import { DELIVERY_STATUSES, deliveryQuery, type DeliveryStatus } from './webhook-model';

type Delivery = Schemas['WebhookDelivery'];
const STATUS_COLOR: Record<DeliveryStatus, 'info' | 'success' | 'danger' | 'neutral'> = { pending: 'info', delivered: 'success', dead: 'danger', cancelled: 'neutral' };

/** The delivery log, newest first, by status; `dead` lists the dead letters, each with a re-drive. */
export function DeliveryLog({ canRedrive, version }: { canRedrive: boolean; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useLoad(() => unwrap(api.GET('/v1/webhooks/deliveries', { params: { query: deliveryQuery(status, cursor) } })), [api, status, cursor, version]);
  const items = page.data?.items ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="fb-stack">
      <Heading level={2} data-size="sm" id={`${id}-title`}>
        {t('webhooks.deliveries.title')}
      </Heading>
      <div className="fb-filters">
        <Field>
          <Label htmlFor={`${id}-status`}>{t('webhooks.deliveries.status')}</Label>
          <Select
            id={`${id}-status`}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as DeliveryStatus | '');
              setCursors([]);
            }}
          >
            <Select.Option value="">{t('webhooks.deliveries.all')}</Select.Option>
            {DELIVERY_STATUSES.map((value) => (
              <Select.Option key={value} value={value}>
                {t(`webhooks.deliveries.statuses.${value}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button variant="secondary" onClick={page.reload} disabled={page.loading} aria-busy={page.loading}>
          {t('webhooks.deliveries.refresh')}
        </Button>
      </div>
      {page.failure ? <FailureMessage failure={page.failure} onReload={page.reload} /> : null}
      {page.loading && !page.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {page.data && items.length === 0 ? <Paragraph>{t('webhooks.deliveries.empty')}</Paragraph> : null}
      {items.length > 0 ? (
        <Table data-size="sm">
          <caption>{t('webhooks.deliveries.caption')}</caption>
          <Table.Head>
            <Table.Row>
              {(['created', 'eventType', 'status', 'tries', 'attempts'] as const).map((column) => (
                <Table.HeaderCell key={column}>{t(`webhooks.deliveries.columns.${column}`)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((delivery) => (
              <Table.Row key={delivery.deliveryId}>
                <Table.Cell>{format.dateTime(delivery.createdAt)}</Table.Cell>
                <Table.Cell>{delivery.eventType}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={STATUS_COLOR[delivery.status]}>{t(`webhooks.deliveries.statuses.${delivery.status}`)}</Tag>
                  {delivery.lastStatusCode ? ` HTTP ${delivery.lastStatusCode}` : null}
                </Table.Cell>
                <Table.Cell>{format.number(delivery.tries)}</Table.Cell>
                <Table.Cell>
                  <Attempts delivery={delivery} />
                  {canRedrive && delivery.status === 'dead' ? <Redrive delivery={delivery} onDone={page.reload} /> : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      <CursorPager
        label={t('webhooks.deliveries.pages')}
        page={cursors.length}
        hasNext={Boolean(page.data?.nextCursor)}
        onPrevious={() => setCursors(cursors.slice(0, -1))}
        onNext={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
      />
    </section>
  );
}

/** Each try of one delivery, read when opened. */
function Attempts({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Details open={open} onToggle={() => setOpen(!open)}>
      <Details.Summary>{t('webhooks.deliveries.showAttempts')}</Details.Summary>
      <Details.Content>{open ? <AttemptList deliveryId={delivery.deliveryId} /> : null}</Details.Content>
    </Details>
  );
}

function AttemptList({ deliveryId }: { deliveryId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const detail = useLoad(() => unwrap(api.GET('/v1/webhooks/deliveries/{deliveryId}', { params: { path: { deliveryId } } })), [api, deliveryId]);
  if (detail.failure) return <FailureMessage failure={detail.failure} />;
  if (!detail.data) return <Spinner aria-label={t('outcome.loading')} />;
  if (detail.data.attempts.length === 0) return <Paragraph data-size="sm">{t('webhooks.deliveries.noAttempts')}</Paragraph>;
  return (
    <ol>
      {detail.data.attempts.map((attempt) => (
        <li key={attempt.attempt}>
          {t('webhooks.deliveries.attempt', {
            at: format.dateTime(attempt.startedAt),
            ms: format.number(attempt.durationMs),
            result: attempt.statusCode ? `HTTP ${attempt.statusCode}` : (attempt.error ?? '–'),
            outcome: t(`webhooks.deliveries.outcomes.${attempt.outcome}`),
          })}
        </li>
      ))}
    </ol>
  );
}

function Redrive({ delivery, onDone }: { delivery: Delivery; onDone(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [key] = useState(() => crypto.randomUUID());
  const redrive = useAction(() =>
    unwrap(api.POST('/v1/webhooks/deliveries/{deliveryId}/redrive', { params: { path: { deliveryId: delivery.deliveryId } }, body: {}, headers: { 'Idempotency-Key': key } })),
  );
  return (
    <>
      <Button variant="secondary" data-size="sm" disabled={redrive.running} aria-busy={redrive.running} onClick={() => void redrive.run().then((done) => done && onDone())}>
        {t('webhooks.deliveries.redrive', { event: delivery.eventType })}
      </Button>
      <Outcome state={redrive.state} success={t('webhooks.deliveries.redriven')} />
    </>
  );
}
