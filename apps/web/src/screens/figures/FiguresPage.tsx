import { Button, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureCard } from './FigureCard';
import { checkSelection, figureQuery, FIGURES, type Grouping, type Selection } from './figure-model';

const GROUPINGS: Grouping[] = ['month', 'quarter', 'year'];

/** Figures over time for the municipality, each a chart with its table and its CSV, for one period and grouping. */
export function FiguresPage() {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Selection>({ from: '', to: '', grouping: 'month' });
  const [selection, setSelection] = useState<Selection>(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkSelection(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) setSelection(draft);
  };
  const error = (name: string) => (errors[name] ? t(`validation.${errors[name]}`, { defaultValue: errors[name] }) : undefined);
  const query = figureQuery(selection);
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('figures.title')}
      </Heading>
      <Paragraph>{t('figures.intro')}</Paragraph>
      <form aria-label={t('figures.period')} onSubmit={submit} noValidate className="fb-filters">
        <Textfield id={`${id}-from`} type="date" label={t('figures.from')} value={draft.from} error={error('from')} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        <Textfield id={`${id}-to`} type="date" label={t('figures.to')} value={draft.to} error={error('to')} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        <Field>
          <Label htmlFor={`${id}-grouping`}>{t('figures.grouping')}</Label>
          <Select id={`${id}-grouping`} value={draft.grouping} onChange={(event) => setDraft({ ...draft, grouping: event.target.value as Grouping })}>
            {GROUPINGS.map((grouping) => (
              <Select.Option key={grouping} value={grouping}>
                {t(`figures.groupings.${grouping}`)}
              </Select.Option>
            ))}
          </Select>
          {error('grouping') ? <ValidationMessage>{error('grouping')}</ValidationMessage> : null}
        </Field>
        <Button type="submit">{t('figures.show')}</Button>
      </form>
      <div className="fb-figures">
        {FIGURES.map((name) => (
          <FigureCard key={name} name={name} query={query} />
        ))}
      </div>
    </div>
  );
}
