import { Button, Card, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { unwrap } from '@familybank/api-client';
import { useTranslation } from 'react-i18next';
import { useAction, useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { FailureMessage, Outcome } from '../../components/Outcome';
import { saveBlob } from '../../components/download';
import { useFormat } from '../../i18n/format';
import { FigureChart } from './FigureChart';
import { chartRows, csvFileName, fetchCsv, figurePath, FIGURE_SPECS, type FigureName, type Query, type Row } from './figure-model';

interface Figure {
  rows: Row[];
  waitingNow?: { count: number; averageDays: number | null };
  targetPercent?: number;
  expiringWithin90Days?: number;
}

/** One figure: a summary line, the chart, the same numbers as a table, and the CSV download. */
export function FigureCard({ name, query }: { name: FigureName; query: Query }) {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const spec = FIGURE_SPECS[name];
  const title = t(`figures.names.${name}`);
  const figure = useLoad(async () => (await unwrap(api.GET(figurePath(name), { params: { query } }))) as unknown as Figure, [api, name, query.from, query.to, query.grouping]);
  const download = useAction(async () => {
    saveBlob(await fetchCsv(api, name, query), csvFileName(name, query));
    return true;
  });
  const data = figure.data;
  const cell = (row: Row, key: string) => {
    const value = row[key];
    if (value === null || value === undefined) return '–';
    if (key === 'sourceChannel') return `${t(`vocab.sourceChannel.${value}`, { defaultValue: String(value) })}${row['sourceDetail'] ? ` (${row['sourceDetail']})` : ''}`;
    return typeof value === 'number' ? format.number(value, { maximumFractionDigits: 1 }) : value;
  };
  const summary = data
    ? data.waitingNow
      ? t('figures.summaries.waitingNow', { count: data.waitingNow.count, days: data.waitingNow.averageDays === null ? '–' : format.number(data.waitingNow.averageDays, { maximumFractionDigits: 1 }) })
      : data.targetPercent !== undefined
        ? t('figures.summaries.target', { target: format.number(data.targetPercent) })
        : data.expiringWithin90Days !== undefined
          ? t('figures.summaries.expiringSoon', { count: data.expiringWithin90Days })
          : undefined
    : undefined;
  return (
    <Card>
      <Card.Block>
        <section aria-labelledby={`figure-${name}`} className="fb-stack">
          <Heading level={2} data-size="sm" id={`figure-${name}`}>
            {title}
          </Heading>
          {figure.failure ? <FailureMessage failure={figure.failure} onReload={figure.reload} /> : null}
          {figure.loading && !data ? <Spinner aria-label={t('outcome.loading')} /> : null}
          {summary ? (
            <Paragraph data-size="sm" data-testid={`summary-${name}`}>
              {summary}
            </Paragraph>
          ) : null}
          {data && data.rows.length === 0 ? <Paragraph data-size="sm">{t('figures.empty')}</Paragraph> : null}
          {data && data.rows.length > 0 ? (
            <>
              <Paragraph data-size="xs">{t('figures.chart', { figure: title })}</Paragraph>
              <FigureChart
                rows={chartRows(spec, data.rows)}
                bars={spec.bars}
                lines={spec.lines}
                stacked={spec.stacked}
                label={(key) => t(`figures.columns.${key}`)}
                tick={spec.byChannel ? (channel) => t(`vocab.sourceChannel.${channel}`, { defaultValue: channel }) : undefined}
              />
              <div className="fb-table-scroll" tabIndex={0} role="region" aria-label={t('figures.table', { figure: title })}>
                <Table zebra data-size="sm">
                  <caption>{t('figures.table', { figure: title })}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('figures.periodColumn')}</Table.HeaderCell>
                      {spec.columns.map((column) => (
                        <Table.HeaderCell key={column}>{t(`figures.columns.${column}`)}</Table.HeaderCell>
                      ))}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.rows.map((row, index) => (
                      <Table.Row key={`${String(row['period'])}-${index}`}>
                        <Table.HeaderCell scope="row">{String(row['period'])}</Table.HeaderCell>
                        {spec.columns.map((column) => (
                          <Table.Cell key={column}>{cell(row, column)}</Table.Cell>
                        ))}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            </>
          ) : null}
          <div className="fb-actions">
            <Button variant="secondary" data-size="sm" loading={download.running} disabled={download.running} onClick={() => void download.run()}>
              {t('figures.csv', { figure: title })}
            </Button>
          </div>
          <Outcome state={download.state} success={t('figures.downloaded')} />
        </section>
      </Card.Block>
    </Card>
  );
}
