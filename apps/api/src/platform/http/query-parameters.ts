import { createHash } from 'node:crypto';
import { queryParameters, type ApiRoute } from '@familybank/contracts';
import { ProblemError, type InvalidParam } from './problem';

/**
 * Strict query strings, for every contract route at once: a parameter the route does not declare
 * is a 400 that names it (`?q=` on a list without search must not answer the unfiltered list).
 * Returns the problems and the declared parameters only, for the route's own schema to parse.
 */
export function strictQuery(route: ApiRoute, query: Record<string, unknown>): { known: Record<string, unknown>; unknown: InvalidParam[] } {
  const declared = queryParameters(route);
  const known: Record<string, unknown> = {};
  const unknown: InvalidParam[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (declared.includes(name)) known[name] = value;
    else unknown.push({ name: `query.${name}`, reason: unknownReason(declared), code: 'unrecognized_keys' });
  }
  return { known, unknown };
}

const unknownReason = (declared: readonly string[]) =>
  declared.length ? `Unknown query parameter; this operation accepts: ${declared.join(', ')}` : 'Unknown query parameter; this operation takes none';

/**
 * A list's cursor is bound to the list it came from: the operation, its path parameters and its
 * filters (every query parameter but `cursor` and `limit`). The handler sees and issues its own
 * cursor (a position); the client sees it wrapped with a digest of that binding, so a cursor
 * replayed with another filter is refused instead of continuing a different list at a position
 * that means nothing there.
 */
export class CursorBinding {
  private constructor(private readonly digest: string) {}

  /** For a route that pages with `cursor`; undefined for any other. */
  static of(route: ApiRoute, params: unknown, query: Record<string, unknown>): CursorBinding | undefined {
    if (!queryParameters(route).includes('cursor')) return undefined;
    const filters = Object.entries(query)
      .filter(([name, value]) => name !== 'cursor' && name !== 'limit' && value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    const digest = createHash('sha256').update(JSON.stringify([route.operationId, params ?? {}, filters])).digest('base64url').slice(0, 16);
    return new CursorBinding(digest);
  }

  /** The handler's cursor inside a client's cursor (`<position>.<binding>`); a 422 when it was issued for another list. */
  unwrap(cursor: string): string {
    const dot = cursor.lastIndexOf('.');
    if (dot <= 0) throw invalidCursor('validation', 'Unknown cursor', 'The cursor is not one this API issued');
    if (cursor.slice(dot + 1) !== this.digest) {
      throw invalidCursor('rule-violated', 'The cursor belongs to another list or filter', 'The cursor was issued for other filters: start again without a cursor, or send the filters of the first page');
    }
    return cursor.slice(0, dot);
  }

  wrap(cursor: string): string {
    return `${cursor}.${this.digest}`;
  }
}

function invalidCursor(kind: 'validation' | 'rule-violated', reason: string, detail: string): ProblemError {
  return new ProblemError(kind, 'REQUEST.INVALID_CURSOR', detail, { invalidParams: [{ name: 'query.cursor', reason, code: 'invalid_cursor' }] });
}
