import { Controller, Inject, Query } from '@nestjs/common';
import { auditRoutes as routes, type ReadAuditEntry } from '@familybank/contracts';
import { DocumentStore, READ_AUDIT, readAuditWhere } from '@familybank/read-models';
import { ContractRoute, type QueryOf } from '../platform/http/contract-route';
import { cursorParam } from '../platform/http/cursor';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { ReadAuditRecorder } from './read-audit-recorder';

/** A day given as `to` covers the whole day; an instant is taken as given. */
const endOf = (to: string) => (to.length === 10 ? `${to}T23:59:59.999Z` : to);

/** The auditor's questions: who read or was given a family's personal data, when, what and why. */
@Controller()
export class AuditController {
  constructor(
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(ReadAuditRecorder) private readonly recorder: ReadAuditRecorder,
  ) {}

  @ContractRoute(routes.listReadAudit)
  async reads(@Query() query: QueryOf<typeof routes.listReadAudit>, @Ctx() ctx: RequestContext) {
    const where = readAuditWhere({
      familyId: query.familyId,
      requestId: query.requestId,
      user: query.user,
      from: query.from,
      to: query.to && endOf(query.to),
      contactDetails: query.contactDetails === undefined ? undefined : query.contactDetails === 'true',
    });
    const page = this.documents.page<ReadAuditEntry>(READ_AUDIT, ctx.principal.municipality, { where, before: cursorParam(query.cursor), limit: query.limit });
    // Looking into a family's reads is itself a read about that family: the audit keeps who audited it.
    if (query.familyId) await this.recorder.record(ctx, { what: 'read-audit', operation: routes.listReadAudit.operationId, purpose: 'audit' }, [{ familyId: query.familyId, contactDetails: false }]);
    return { rows: page.items, nextCursor: page.nextCursor };
  }
}
