import type { AuditDeclaration } from '@familybank/contracts';
import type { ReadSubject } from '@familybank/domain-audit';

interface ShownRequest {
  requestId?: unknown;
  assignment?: { assignmentId?: unknown; partner?: unknown; familyId?: unknown; contact?: unknown } | null;
}

/**
 * Whose personal data an answer showed, from the route's declaration, its path and its body: the
 * family in the path, the families of a list page, or the requests whose assignment showed contact
 * details. Ids only: the audit never copies the data it records a read of.
 */
export function readSubjects(audit: AuditDeclaration, params: Record<string, unknown>, body: unknown): ReadSubject[] {
  if (audit.what === 'request-contact') return itemsOf(body).flatMap((request) => requestContact(request as ShownRequest));
  if (typeof params['familyId'] === 'string') return [{ familyId: params['familyId'], contactDetails: audit.contactDetails }];
  return itemsOf(body).flatMap((item) => {
    const familyId = (item as { familyId?: unknown }).familyId;
    return typeof familyId === 'string' ? [{ familyId, contactDetails: audit.contactDetails }] : [];
  });
}

/** A page's items, or the one resource. */
function itemsOf(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null) return [];
  const items = (body as { items?: unknown }).items;
  return Array.isArray(items) ? items : [body];
}

/** Only a request that shows an assignment's contact details is a read of a family's personal data. */
function requestContact(request: ShownRequest): ReadSubject[] {
  const assignment = request.assignment;
  if (!assignment?.contact || typeof request.requestId !== 'string' || typeof assignment.assignmentId !== 'string') return [];
  const family = typeof assignment.familyId === 'string' ? { familyId: assignment.familyId } : typeof assignment.partner === 'string' ? { partner: assignment.partner } : {};
  return [{ requestId: request.requestId, assignmentId: assignment.assignmentId, ...family, contactDetails: true }];
}
