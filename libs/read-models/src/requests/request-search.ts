import { allOf, condition, type Where } from '../search/where';

/** The filters of a request list, as the HTTP contract parses them (RequestSearchQuery). */
export interface RequestSearch {
  status?: string;
  careType?: string;
  /** Response deadline after this day (exclusive). */
  deadlineAfter?: string;
  /** Response deadline before this day (exclusive). */
  deadlineBefore?: string;
}

/**
 * The SQL condition over request documents; every filter narrows (AND). Evaluated by SQLite while
 * it walks the municipality's requests on the owner index, so a page stops as soon as it is full.
 * ISO dates compare as text.
 */
export function requestSearchWhere(search: RequestSearch): Where | undefined {
  return allOf([
    search.status === undefined ? undefined : condition(`json_extract(body, '$.status') = ?`, search.status),
    search.careType === undefined ? undefined : condition(`json_extract(body, '$.needs.careType') = ?`, search.careType),
    search.deadlineAfter === undefined ? undefined : condition(`json_extract(body, '$.responseDeadline') > ?`, search.deadlineAfter),
    search.deadlineBefore === undefined ? undefined : condition(`json_extract(body, '$.responseDeadline') < ?`, search.deadlineBefore),
  ]);
}
