import { Button, Field, Heading, Label, Paragraph, Select, Spinner, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction, useLoad } from '../../api/hooks';
import { useMunicipalityLabel } from '../../api/municipalities';
import { useApi } from '../../api/session';
import { CursorPager } from '../../components/CursorPager';
import { saveBlob } from '../../components/download';
import { FailureMessage, Outcome } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';
import { auditCsvFileName, auditQuery, checkAuditFilter, EMPTY_FILTER, fetchAuditCsv, type AuditFilter } from './audit-model';

const TEXT_FIELDS = ['familyId', 'requestId', 'user'] as const;

/** The audit of reads, for the auditor: who saw which family's personal data, when, why, and whether contact details were shown. */
export function AuditPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const municipality = useMunicipalityLabel();
  const id = useId();
  const [draft, setDraft] = useState<AuditFilter>(EMPTY_FILTER);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_FILTER);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The cursors that led to the page shown: the first page has none.
  const [cursors, setCursors] = useState<string[]>([]);
  const query = auditQuery(filter);
  const cursor = cursors.at(-1);
  const page = useLoad(() => unwrap(api.GET('/v1/audit/reads', { params: { query: { ...query, limit: 50, ...(cursor ? { cursor } : {}) } } })), [api, JSON.stringify(query), cursor]);
  const download = useAction(async () => {
    saveBlob(await fetchAuditCsv(api, query), auditCsvFileName(query));
    return true;
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkAuditFilter(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setFilter(draft);
    setCursors([]);
  };
  const error = (name: string) => (errors[name] ? t(`validation.${errors[name]}`, { defaultValue: errors[name] }) : undefined);
  const rows = page.data?.rows ?? [];
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('audit.title')}
      </Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <form aria-label={t('audit.filter')} onSubmit={submit} noValidate className="fb-filters">
        {TEXT_FIELDS.map((name) => (
          <Textfield key={name} id={`${id}-${name}`} label={t(`audit.fields.${name}`)} value={draft[name]} error={error(name)} onChange={(event) => setDraft({ ...draft, [name]: event.target.value })} />
        ))}
        <Textfield id={`${id}-from`} type="date" label={t('audit.fields.from')} value={draft.from} error={error('from')} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        <Textfield id={`${id}-to`} type="date" label={t('audit.fields.to')} value={draft.to} error={error('to')} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        <Field>
          <Label htmlFor={`${id}-contact`}>{t('audit.fields.contactDetails')}</Label>
          <Select id={`${id}-contact`} value={draft.contactDetails} onChange={(event) => setDraft({ ...draft, contactDetails: event.target.value as AuditFilter['contactDetails'] })}>
            <Select.Option value="">{t('audit.contact.any')}</Select.Option>
            <Select.Option value="true">{t('audit.contact.true')}</Select.Option>
            <Select.Option value="false">{t('audit.contact.false')}</Select.Option>
          </Select>
          {error('contactDetails') ? <ValidationMessage>{error('contactDetails')}</ValidationMessage> : null}
        </Field>
        <Button type="submit">{t('audit.show')}</Button>
      </form>
      <div className="fb-actions">
        <Button variant="secondary" onClick={() => void download.run()} disabled={download.running} aria-busy={download.running}>
          {t('audit.csv')}
        </Button>
        <Outcome state={download.state} success={t('audit.csvDone')} />
      </div>
      {page.failure ? <FailureMessage failure={page.failure} onReload={page.reload} /> : null}
      {page.loading && !page.data ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {page.data && rows.length === 0 ? <Paragraph>{t('audit.empty')}</Paragraph> : null}
      {rows.length > 0 ? (
        <Table zebra data-size="sm">
          <caption>{t('audit.caption')}</caption>
          <Table.Head>
            <Table.Row>
              {(['at', 'user', 'what', 'subject', 'purpose', 'contactDetails'] as const).map((column) => (
                <Table.HeaderCell key={column}>{t(`audit.columns.${column}`)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.entryId}>
                <Table.Cell>{format.dateTime(row.at)}</Table.Cell>
                <Table.Cell>{row.user}</Table.Cell>
                <Table.Cell>
                  {t(`audit.what.${row.what}`, { defaultValue: row.what })} ({t(`audit.action.${row.action}`)})
                </Table.Cell>
                <Table.Cell>
                  {[row.familyId && `${t('audit.fields.familyId')}: ${row.familyId}`, row.requestId && `${t('audit.fields.requestId')}: ${row.requestId}`, row.partner && `${t('audit.partner')}: ${municipality(row.partner)}`]
                    .filter(Boolean)
                    .join(' · ')}
                </Table.Cell>
                <Table.Cell>{row.purpose}</Table.Cell>
                <Table.Cell>{row.contactDetails ? t('audit.contact.yes') : t('audit.contact.no')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      <CursorPager
        label={t('audit.pages')}
        page={cursors.length}
        hasNext={Boolean(page.data?.nextCursor)}
        onPrevious={() => setCursors(cursors.slice(0, -1))}
        onNext={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
      />
    </div>
  );
}
