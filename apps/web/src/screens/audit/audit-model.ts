import { ReadAuditQuery } from '@familybank/contracts';
import { unwrap, type FamilybankClient } from '@familybank/api-client';

/** The audit page's filter as typed: every field a string, '' meaning "any". */
export interface AuditFilter {
  familyId: string;
  requestId: string;
  user: string;
  from: string;
  to: string;
  contactDetails: '' | 'true' | 'false';
}

export const EMPTY_FILTER: AuditFilter = { familyId: '', requestId: '', user: '', from: '', to: '', contactDetails: '' };
export type AuditQuery = Partial<Omit<AuditFilter, 'contactDetails'>> & { contactDetails?: 'true' | 'false' };

/** The filter as the API's query: blanks are left out (the API reads an empty value as a filter), the rest trimmed. */
export function auditQuery(filter: AuditFilter): AuditQuery {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    const trimmed = value.trim();
    if (trimmed) query[key] = trimmed;
  }
  return query as AuditQuery;
}

/** Checks the filter with the API's own query schema; issues by field with zod's code, so they show beside the field. */
export function checkAuditFilter(filter: AuditFilter): Record<string, string> {
  const result = ReadAuditQuery.safeParse(auditQuery(filter));
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'from')] ??= issue.code;
  return errors;
}

/** The CSV's name says what it holds: the audit and the filter's period. */
export function auditCsvFileName(query: AuditQuery): string {
  return `read-audit_${query.from ?? 'start'}_${query.to ?? 'today'}${query.familyId ? `_${query.familyId}` : ''}.csv`;
}

/** Every entry the filter matches as CSV, through the typed client (so the token is sent), as a Blob. */
export async function fetchAuditCsv(api: FamilybankClient, query: AuditQuery): Promise<Blob> {
  const data: unknown = await unwrap(api.GET('/v1/audit/reads', { params: { query: { ...query, format: 'csv', limit: 1000 } }, parseAs: 'blob' }));
  if (!(data instanceof Blob)) throw new Error('The audit CSV did not arrive as a file');
  return data;
}
