import type { ListOptions } from '../document-store';

export type Where = NonNullable<ListOptions['where']>;

/** One SQL condition over a document's `body`, with its parameters. */
export const condition = (sql: string, ...params: unknown[]): Where => ({ sql, params });

/** Every condition must hold; undefined when there is none, so an unfiltered list stays the plain index walk. */
export function allOf(conditions: ReadonlyArray<Where | undefined>): Where | undefined {
  const given = conditions.filter((where): where is Where => where !== undefined);
  if (given.length === 0) return undefined;
  return { sql: given.map((where) => `(${where.sql})`).join(' AND '), params: given.flatMap((where) => where.params) };
}

/** The array at `path` of the document holds `value`. */
export const arrayHolds = (path: string, value: unknown): Where => condition(`EXISTS (SELECT 1 FROM json_each(body, '${path}') WHERE value = ?)`, value);
