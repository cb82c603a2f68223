import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { useFormat } from '../../i18n/format';
import { BOARD_STAGES, boardColumns, type BoardStage } from './board-model';
import { FamilyCard } from './FamilyCard';

type Family = Schemas['FamilyDetail'];
const PAGE = 20;

/** The recruitment pipeline as a board: a column per stage, a card per family, the next step's form on each card. */
export function Board() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const [notice, setNotice] = useState<string>();
  const [extra, setExtra] = useState<Partial<Record<BoardStage, { items: Family[]; nextCursor: string | null }>>>({});
  const board = useLoad(async () => {
    const [pipeline, ...pages] = await Promise.all([
      unwrap(api.GET('/v1/pipeline', {})),
      ...BOARD_STAGES.map((stage) => unwrap(api.GET('/v1/families', { params: { query: { stage, limit: PAGE } } }))),
    ]);
    setExtra({});
    return { pipeline, pages: Object.fromEntries(BOARD_STAGES.map((stage, index) => [stage, pages[index]!])) as Record<BoardStage, { items: Family[]; nextCursor: string | null }> };
  }, [api]);

  const more = useCallback(
    async (stage: BoardStage, cursor: string) => {
      const page = await unwrap(api.GET('/v1/families', { params: { query: { stage, limit: PAGE, cursor } } }));
      setExtra((previous) => ({ ...previous, [stage]: { items: [...(previous[stage]?.items ?? []), ...page.items], nextCursor: page.nextCursor } }));
    },
    [api],
  );

  const data = board.data;
  const families = data ? Object.fromEntries(BOARD_STAGES.map((stage) => [stage, [...data.pages[stage].items, ...(extra[stage]?.items ?? [])]])) : {};
  const cursorOf = (stage: BoardStage) => (extra[stage] ? extra[stage]!.nextCursor : data?.pages[stage].nextCursor);
  const columns = data ? boardColumns(data.pipeline, families) : [];

  return (
    <div className="fb-stack">
      <div className="fb-actions" style={{ justifyContent: 'space-between' }}>
        <Heading level={1} data-size="lg">
          {t('board.title')}
        </Heading>
        <Button asChild variant="secondary">
          <Link to="/families/new">{t('board.registerLead')}</Link>
        </Button>
      </div>
      {board.failure ? <FailureMessage failure={board.failure} onReload={board.reload} /> : null}
      {board.loading && !data ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {data && data.pipeline.firstContactOverdue.length > 0 ? (
        <Alert data-color="warning">
          {t('board.overdueSummary', { count: data.pipeline.firstContactOverdue.length, days: data.pipeline.firstContactDueWithinWorkingDays })}
        </Alert>
      ) : null}
      {notice ? (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      ) : null}
      {/* Scrolls sideways on narrow screens: focusable, so the keyboard can scroll it too. */}
      <ol className="fb-board" aria-label={t('board.title')} tabIndex={0}>
        {columns.map((column) => (
          <li key={column.stage} className="fb-column">
            <Heading level={2} data-size="xs">
              {t(`vocab.stage.${column.stage}`)} ({format.number(column.count)})
            </Heading>
            <Paragraph data-size="xs">{t('board.averageDays', { days: format.number(column.averageDaysInStage, { maximumFractionDigits: 1 }) })}</Paragraph>
            <ul aria-label={t(`vocab.stage.${column.stage}`)}>
              {column.cards.map((card) => (
                <li key={card.family.familyId}>
                  <FamilyCard
                    card={card}
                    onDone={(family, household) => {
                      setNotice(t('outcome.stepDoneMoved', { household, stage: t(`vocab.stage.${family.stage}`) }));
                      board.reload();
                    }}
                    onReload={board.reload}
                  />
                </li>
              ))}
            </ul>
            {cursorOf(column.stage) ? (
              <Button variant="tertiary" data-size="sm" onClick={() => void more(column.stage, cursorOf(column.stage)!)}>
                {t('pagination.more', { stage: t(`vocab.stage.${column.stage}`) })}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
