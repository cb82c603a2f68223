import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useReasonText, type Reason } from '../i18n/reasons';

export interface Criterion {
  criterion: string;
  points: number;
  max: number;
  /** The server's English sentence: shown only when the criterion carries no reason (placements recorded before reasons). */
  explanation: string;
  reason?: Reason;
}

/** Criteria that cost points first: they are what a caseworker weighs; the network marker has no points. */
export function orderCriteria(criteria: readonly Criterion[]): Criterion[] {
  return [...criteria].sort((a, b) => b.max - b.points - (a.max - a.points));
}

/** Why a family scores what it scores: points per criterion, with the matcher's reason in the reader's language. */
export function Explanation({ criteria, score, caption }: { criteria: readonly Criterion[]; score: number; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useReasonText();
  const max = criteria.reduce((sum, criterion) => sum + criterion.max, 0);
  return (
    <Table data-size="sm" zebra>
      <caption>
        {caption}: {t('match.score', { score: format.number(score, { maximumFractionDigits: 0 }), max: format.number(max) })}
      </caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('match.criterion')}</Table.HeaderCell>
          <Table.HeaderCell>{t('match.points')}</Table.HeaderCell>
          <Table.HeaderCell>{t('match.why')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {orderCriteria(criteria).map((criterion) => (
          <Table.Row key={criterion.criterion}>
            <Table.HeaderCell scope="row">{t(`match.criteria.${criterion.criterion}`, { defaultValue: criterion.criterion })}</Table.HeaderCell>
            <Table.Cell>{criterion.max > 0 ? `${format.number(criterion.points)} / ${format.number(criterion.max)}` : '–'}</Table.Cell>
            <Table.Cell>{criterion.reason ? reasonText('match', criterion.reason) : criterion.explanation}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
