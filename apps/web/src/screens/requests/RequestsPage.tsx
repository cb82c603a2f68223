import { Button, Field, Heading, Label, Paragraph, Select, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { CARE_TYPES } from '@familybank/domain-family';
import { unwrap } from '@familybank/api-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { CursorPager } from '../../components/CursorPager';
import { FailureMessage } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';

const PAGE = 20;
const REQUEST_STATUSES = ['open', 'filled', 'withdrawn', 'expired'] as const;
type RequestStatus = (typeof REQUEST_STATUSES)[number];
type CareType = (typeof CARE_TYPES)[number];

/** The municipality's own requests, newest first, a page at a time. */
export function RequestsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const id = useId();
  const [filters, setFilters] = useState<{ status: string; careType: string }>({ status: '', careType: '' });
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = { ...(filters.status ? { status: filters.status as RequestStatus } : {}), ...(filters.careType ? { careType: filters.careType as CareType } : {}) };
  const page = useLoad(() => unwrap(api.GET('/v1/requests', { params: { query: { ...query, limit: PAGE, cursor } } })), [api, cursor, filters]);
  // A cursor continues only the list of the same filters: a new filter starts from the first page.
  const filter = (name: 'status' | 'careType') => (event: { target: { value: string } }) => {
    setFilters((previous) => ({ ...previous, [name]: event.target.value }));
    setCursors([undefined]);
  };
  return (
    <div className="fb-stack">
      <div className="fb-actions" style={{ justifyContent: 'space-between' }}>
        <Heading level={1} data-size="lg">
          {t('requests.title')}
        </Heading>
        <Button asChild>
          <Link to="/requests/new">{t('requests.open')}</Link>
        </Button>
      </div>
      <div className="fb-filters">
        <Field>
          <Label htmlFor={`${id}-status`}>{t('requests.status')}</Label>
          <Select id={`${id}-status`} value={filters.status} onChange={filter('status')}>
            <Select.Option value="">{t('families.any')}</Select.Option>
            {REQUEST_STATUSES.map((status) => (
              <Select.Option key={status} value={status}>
                {t(`vocab.requestStatus.${status}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor={`${id}-care`}>{t('fields.needs.careType')}</Label>
          <Select id={`${id}-care`} value={filters.careType} onChange={filter('careType')}>
            <Select.Option value="">{t('families.any')}</Select.Option>
            {CARE_TYPES.map((careType) => (
              <Select.Option key={careType} value={careType}>
                {t(`vocab.careType.${careType}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {page.failure ? <FailureMessage failure={page.failure} onReload={page.reload} /> : null}
      {page.loading && !page.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {page.data && page.data.items.length === 0 ? <Paragraph>{t('requests.none')}</Paragraph> : null}
      {page.data && page.data.items.length > 0 ? (
        <Table zebra>
          <caption>{t('requests.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('fields.caseReference')}</Table.HeaderCell>
              <Table.HeaderCell>{t('fields.needs.careType')}</Table.HeaderCell>
              <Table.HeaderCell>{t('fields.responseDeadline')}</Table.HeaderCell>
              <Table.HeaderCell>{t('requests.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('requests.offers')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {page.data.items.map((request) => (
              <Table.Row key={request.requestId}>
                <Table.Cell>
                  <Link to={`/requests/${request.requestId}`}>{request.caseReference}</Link>
                </Table.Cell>
                <Table.Cell>{t(`vocab.careType.${request.needs.careType}`)}</Table.Cell>
                <Table.Cell>{format.date(request.responseDeadline)}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={request.status === 'open' ? 'info' : 'neutral'}>{t(`vocab.requestStatus.${request.status}`)}</Tag>
                </Table.Cell>
                <Table.Cell>{format.number(request.offers.length)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      <CursorPager
        label={t('requests.title')}
        page={cursors.length - 1}
        hasNext={Boolean(page.data?.nextCursor)}
        onPrevious={() => setCursors((stack) => stack.slice(0, -1))}
        onNext={() => setCursors((stack) => [...stack, page.data!.nextCursor!])}
      />
    </div>
  );
}
