import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { ApiRoute, CsvRepresentation } from '@familybank/contracts';
import { CONTRACT_ROUTE } from './contract-route';

/** Spreadsheet programs read UTF-8 (æøå) only when the file starts with a byte-order mark. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * RFC 4180: a header row, CRLF, fields with `,` `"` or a line break quoted and quotes doubled. A
 * field with `;` is quoted too, so a spreadsheet set to read `;` as the separator (the Danish and
 * Swedish default) keeps it in one cell.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const cells = rows.map((row) => columns.map((column) => cell(row[column])));
  // csv-stringify quotes a field holding the record delimiter (CRLF), not a lone CR or LF: those are named here.
  return BYTE_ORDER_MARK + stringify([[...columns], ...cells], { record_delimiter: '\r\n', quoted_match: [';', '\n', '\r'] });
}

/** Numbers stated plainly (a point as decimal mark, no grouping); nothing is an empty field. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `?format=csv`, or (without `format`) an Accept header that prefers text/csv over JSON. */
export function wantsCsv(request: Request): boolean {
  const format = (request.query as { format?: unknown } | undefined)?.format;
  if (format !== undefined) return format === 'csv';
  return request.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/**
 * Serves the `rows` of a route that declares a CSV representation as text/csv when asked. It runs
 * outside the contract interceptor, so what it renders is the body already checked against the
 * route's schema; problems stay application/problem+json.
 */
@Injectable()
export class CsvResponseInterceptor implements NestInterceptor {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<ApiRoute | undefined>(CONTRACT_ROUTE, context.getHandler());
    const csv = route?.success.csv;
    if (!route || !csv) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    response.vary('Accept');
    return next.handle().pipe(map((body) => (wantsCsv(request) ? this.render(route, csv, response, body) : body)));
  }

  private render(route: ApiRoute, csv: CsvRepresentation, response: Response, body: unknown): string {
    response.setHeader('Content-Type', 'text/csv; charset=utf-8; header=present');
    response.setHeader('Content-Disposition', `attachment; filename="${route.operationId}.csv"`);
    return toCsv(csv.columns, (body as { rows: Array<Record<string, unknown>> }).rows);
  }
}
