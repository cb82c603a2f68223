import { containsPattern, foldForSearch, SEARCH_FOLD_SQL, startsWithPattern } from '../search/fold';
import { allOf, arrayHolds, condition, type Where } from '../search/where';

/** The filters of a family search, as the HTTP contract parses them (FamilySearchQuery). */
export interface FamilySearch {
  q?: string;
  postalCode?: string;
  competence?: readonly string[];
  language?: readonly string[];
  careType?: string;
  childAge?: number;
  stage?: string;
  contactPerson?: string;
}

/**
 * The SQL condition over family-detail documents for a search; every filter narrows (AND).
 *
 * SQLite does the filtering, not the caller: the query walks the municipality's families newest
 * first on the (collection, municipality, seq) index, tests each with these conditions and stops
 * at the page's end, so a page costs at most one municipality's families even when few match, and
 * nothing is loaded that is not returned. A name search needs a scan anyway (it finds any part of
 * a name, folded: see foldForSearch, registered as an SQL function), and one municipality holds
 * hundreds to a few thousand families, which SQLite tests in milliseconds; an index per filter
 * would cost every projection write for little gain at that size.
 */
export function familySearchWhere(search: FamilySearch): Where | undefined {
  return allOf([
    search.q === undefined ? undefined : nameContains(search.q),
    search.postalCode === undefined
      ? undefined
      : condition(`replace(json_extract(body, '$.contact.postalCode'), ' ', '') LIKE ? ESCAPE '\\'`, startsWithPattern(search.postalCode.replace(/ /g, ''))),
    ...(search.competence ?? []).map((competence) => arrayHolds('$.competences', competence)),
    ...(search.language ?? []).map((language) => arrayHolds('$.languages', language)),
    search.careType === undefined ? undefined : careTypeIs(search.careType),
    search.childAge === undefined ? undefined : takesChildAged(search.childAge),
    search.stage === undefined ? undefined : condition(`json_extract(body, '$.stage') = ?`, search.stage),
    search.contactPerson === undefined ? undefined : condition(`json_extract(body, '$.contactPerson.userId') = ?`, search.contactPerson),
  ]);
}

/** Any adult's full name contains the text, both folded. */
const nameContains = (text: string): Where =>
  condition(
    `EXISTS (SELECT 1 FROM json_each(body, '$.adults') WHERE ${SEARCH_FOLD_SQL}(json_extract(value, '$.fullName')) LIKE ? ESCAPE '\\')`,
    containsPattern(foldForSearch(text)),
  );

/** The care types of the family's latest approval (kept while suspended or expired); before any approval, those it is interested in. */
const careTypeIs = (careType: string): Where =>
  condition(
    `EXISTS (SELECT 1 FROM json_each(body, CASE WHEN json_type(body, '$.approval') IS NULL THEN '$.interestedIn' ELSE '$.approval.careTypes' END) WHERE value = ?)`,
    careType,
  );

/** The approval's age range (of the children it may take) includes the age; no approval, no match. */
const takesChildAged = (age: number): Where =>
  condition(`json_extract(body, '$.approval.ageRange.min') <= ? AND json_extract(body, '$.approval.ageRange.max') >= ?`, age, age);
