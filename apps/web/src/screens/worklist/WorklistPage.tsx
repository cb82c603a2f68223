import { Card, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Spinner, Tag } from '@digdir/designsystemet-react';
import { WORKLIST_KINDS } from '@familybank/contracts';
import { unwrap, type Schemas } from '@familybank/api-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLoad } from '../../api/hooks';
import { useMunicipalityLabel } from '../../api/municipalities';
import { useApi } from '../../api/session';
import { FailureMessage } from '../../components/Outcome';
import { today } from '../../forms/vocabulary';
import { useFormat } from '../../i18n/format';
import { useReasonText } from '../../i18n/reasons';
import { groupWorklist, subjectLink } from './worklist-model';

type Kind = Schemas['WorklistKind'];
type Item = Schemas['WorklistItem'];

/**
 * The start page: what is due in the municipality or for the signed-in user, under overdue / today /
 * this week / later. The API lists only what is due and does not paginate it.
 */
export function WorklistPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const municipality = useMunicipalityLabel();
  const reasonText = useReasonText(municipality);
  const id = useId();
  const [mine, setMine] = useState(false);
  const [kind, setKind] = useState<Kind | ''>('');
  const list = useLoad(
    () => unwrap(api.GET('/v1/worklist', { params: { query: { ...(mine ? { assignee: 'me' } : {}), ...(kind ? { kind } : {}) } } })),
    [api, mine, kind],
  );
  const groups = list.data ? groupWorklist(list.data.items, today()) : [];
  // A partner's request has no name of its own; the server's is English, so it is written from the reason's params.
  const subjectName = (item: Item) =>
    item.reason.code === 'inbox-request.answer'
      ? t('inbox.item', { requester: municipality(item.reason.params.requester), careType: t(`vocab.careType.${item.reason.params.careType}`), age: format.number(item.reason.params.childAge) })
      : item.subject.name;
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('worklist.title')}
      </Heading>
      <Paragraph>{t('worklist.intro')}</Paragraph>
      <div className="fb-actions" style={{ alignItems: 'end' }}>
        <Fieldset>
          <Fieldset.Legend>{t('worklist.scope')}</Fieldset.Legend>
          <div className="fb-options">
            <Radio name={`${id}-scope`} label={t('worklist.municipality')} value="municipality" checked={!mine} onChange={() => setMine(false)} />
            <Radio name={`${id}-scope`} label={t('worklist.mine')} value="mine" checked={mine} onChange={() => setMine(true)} />
          </div>
        </Fieldset>
        <Field>
          <Label htmlFor={`${id}-kind`}>{t('worklist.kind')}</Label>
          <Select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as Kind | '')}>
            <Select.Option value="">{t('worklist.allKinds')}</Select.Option>
            {WORKLIST_KINDS.map((value) => (
              <Select.Option key={value} value={value}>
                {t(`worklist.kinds.${value}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      {list.failure ? <FailureMessage failure={list.failure} onReload={list.reload} /> : null}
      {list.loading ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {list.data ? <Paragraph data-size="xs">{t('worklist.asOf', { at: format.dateTime(list.data.asOf) })}</Paragraph> : null}
      {list.data && list.data.items.length === 0 ? <Paragraph role="status">{t('worklist.empty')}</Paragraph> : null}
      {groups.map(({ group, items }) => (
        <section key={group} aria-labelledby={`${id}-${group}`} className="fb-stack">
          <Heading level={2} data-size="sm" id={`${id}-${group}`}>
            {t(`worklist.groups.${group}`)} ({format.number(items.length)})
          </Heading>
          <ul className="fb-list" aria-labelledby={`${id}-${group}`}>
            {items.map((item) => (
              <li key={`${item.kind}-${item.subject.type}-${item.subject.id}`}>
                <Card className={item.overdue ? 'fb-card-overdue' : undefined}>
                  <Card.Block>
                    <Paragraph data-size="sm">
                      <strong>{t(`worklist.kinds.${item.kind}`)}</strong>: <Link to={subjectLink(item.subject)}>{subjectName(item)}</Link>
                    </Paragraph>
                    <Paragraph data-size="sm">{reasonText('worklist', item.reason)}</Paragraph>
                    <div className="fb-tags">
                      <Tag data-color={item.overdue ? 'danger' : 'info'}>{t('worklist.due', { date: format.date(item.dueOn) })}</Tag>
                      {item.overdue ? <Tag data-color="danger">{t('worklist.overdue')}</Tag> : null}
                      {item.assignee ? <Tag data-color="neutral">{t('worklist.holder', { assignee: item.assignee })}</Tag> : null}
                    </div>
                  </Card.Block>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
