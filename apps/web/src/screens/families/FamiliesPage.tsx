import { Button, Field, Heading, Label, Paragraph, Select, Spinner, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { COMPETENCES, FAMILY_STAGES } from '@familybank/domain-family';
import { unwrap } from '@familybank/api-client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLoad } from '../../api/hooks';
import { useApi } from '../../api/session';
import { CursorPager } from '../../components/CursorPager';
import { FailureMessage } from '../../components/Outcome';
import { SPOKEN_LANGUAGES, languageNames } from '../../forms/vocabulary';
import { householdName } from '../family/FamilyStepForm';
import { searchQuery, type FamilyFilters } from './family-search';

const PAGE = 20;
const EMPTY: FamilyFilters = { q: '', postalCode: '', competence: '', language: '', stage: '' };

/** The municipality's families found by name, postal code, competence, language and stage, a page at a time. */
export function FamiliesPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const [draft, setDraft] = useState<FamilyFilters>(EMPTY);
  const [filters, setFilters] = useState<FamilyFilters>(EMPTY);
  // A cursor continues only the list of the same filters: new filters start from the first page.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useLoad(() => unwrap(api.GET('/v1/families', { params: { query: { ...searchQuery(filters), limit: PAGE, cursor } } })), [api, filters, cursor]);
  const languages = languageNames(i18n.language);
  const set = (name: keyof FamilyFilters) => (event: { target: { value: string } }) => setDraft((previous) => ({ ...previous, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setCursors([undefined]);
  };
  const select = (name: 'competence' | 'language' | 'stage', options: readonly string[], text: (option: string) => string) => (
    <Field>
      <Label htmlFor={`${id}-${name}`}>{t(`families.${name}`)}</Label>
      <Select id={`${id}-${name}`} value={draft[name]} onChange={set(name)}>
        <Select.Option value="">{t('families.any')}</Select.Option>
        {options.map((option) => (
          <Select.Option key={option} value={option}>
            {text(option)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className="fb-stack">
      <Heading level={1} data-size="lg">
        {t('families.title')}
      </Heading>
      <form role="search" aria-label={t('families.search')} onSubmit={submit} className="fb-filters">
        <Textfield id={`${id}-q`} label={t('families.q')} value={draft.q} onChange={set('q')} />
        <Textfield id={`${id}-postal`} label={t('families.postalCode')} value={draft.postalCode} onChange={set('postalCode')} />
        {select('competence', COMPETENCES, (option) => t(`vocab.competence.${option}`))}
        {select('language', SPOKEN_LANGUAGES, (option) => languages[option] ?? option)}
        {select('stage', FAMILY_STAGES, (option) => t(`vocab.stage.${option}`))}
        <Button type="submit">{t('families.submit')}</Button>
      </form>
      {page.failure ? <FailureMessage failure={page.failure} onReload={page.reload} /> : null}
      {page.loading ? <Spinner aria-label={t('outcome.loading')} /> : null}
      {page.data && page.data.items.length === 0 ? <Paragraph role="status">{t('families.none')}</Paragraph> : null}
      {page.data && page.data.items.length > 0 ? (
        <div className="fb-table-scroll">
          <Table zebra>
            <caption>{t('families.results')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('families.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('families.stage')}</Table.HeaderCell>
                <Table.HeaderCell>{t('fields.contact.postalCode')}</Table.HeaderCell>
                <Table.HeaderCell>{t('fields.languages')}</Table.HeaderCell>
                <Table.HeaderCell>{t('fields.competences')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {page.data.items.map((family) => (
                <Table.Row key={family.familyId}>
                  <Table.Cell>
                    <Link to={`/families/${family.familyId}`}>{householdName(family)}</Link>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color="info">{t(`vocab.stage.${family.stage}`)}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {/* An erased family has no contact details left. */}
                    {family.contact ? `${family.contact.postalCode} ${family.contact.city}` : '–'}
                  </Table.Cell>
                  <Table.Cell>{family.languages.map((code) => languages[code] ?? code).join(', ')}</Table.Cell>
                  <Table.Cell>{family.competences.map((competence) => t(`vocab.competence.${competence}`)).join(', ')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      <CursorPager
        label={t('families.results')}
        page={cursors.length - 1}
        hasNext={Boolean(page.data?.nextCursor)}
        onPrevious={() => setCursors((stack) => stack.slice(0, -1))}
        onNext={() => setCursors((stack) => [...stack, page.data!.nextCursor!])}
      />
    </div>
  );
}
