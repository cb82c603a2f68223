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

  /** The handler's cursor inside a client's cursor; a 400 when it was issued for another list. */
  unwrap(cursor: string): string {
    let wrapped: { c?: unknown; f?: unknown };
    try {
      wrapped = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as typeof wrapped;
    } catch {
      wrapped = {};
    }
    if (typeof wrapped?.c !== 'string' || typeof wrapped.f !== 'string') throw invalidCursor('Unknown cursor', 'The cursor is not one this API issued');
    if (wrapped.f !== this.digest) {
      throw invalidCursor('The cursor belongs to another list or filter', 'The cursor was issued for other filters: start again without a cursor, or send the filters of the first page');
    }
    return wrapped.c;
  }

  wrap(cursor: string): string {
    return Buffer.from(JSON.stringify({ c: cursor, f: this.digest })).toString('base64url');
  }
}

function invalidCursor(reason: string, detail: string): ProblemError {
  return new ProblemError('validation', 'REQUEST.INVALID_CURSOR', detail, { invalidParams: [{ name: 'query.cursor', reason, code: 'invalid_cursor' }] });
}
