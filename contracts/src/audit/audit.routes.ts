import { AUDITORS, csvOf, defineRoute } from '../route';
import * as s from './audit.schemas';

export const auditRoutes = {
  listReadAudit: defineRoute({
    operationId: 'listReadAudit',
    method: 'get',
    path: '/v1/audit/reads',
    summary: 'Audit of reads: who saw a family’s personal data or was given its contact details, when, what and why',
    description:
      'Newest first, by family, request, user and period. Every read of a family’s detail, list, audit trail, assignments or support, every request read that showed ' +
      'an assignment’s contact details, and every release of contact details to a partner is an entry. The same reader reading the same thing for the same purpose ' +
      'within ten minutes is one entry. "Who saw the contact details of family X, and when": `?familyId=X&contactDetails=true`. As text/csv with Accept: text/csv or ?format=csv. ' +
      'Entries hold ids only, never the family’s personal data.',
    tag: 'Audit',
    roles: AUDITORS,
    query: s.ReadAuditQuery,
    success: { status: 200, schema: s.ReadAuditPage, description: 'A page of audit entries', csv: csvOf(s.ReadAuditEntry) },
    errors: [],
  }),
} as const;
