import { readAuditDay, type AuditedRead, type ReadSubject } from '@familybank/domain-audit';
import type { CommandExecutor } from '../platform/commands/command-gateway';
import type { RequestContext } from '../platform/http/request-context';
import type { Clock } from '../platform/tokens';

/**
 * Records reads on the municipality's read-audit stream of the day, through the command gateway
 * (the decider coalesces repeats). A read that cannot be recorded is not served: the gateway's
 * refusal (storage full) reaches the caller as a 503.
 */
export class ReadAuditRecorder {
  constructor(
    private readonly gateway: CommandExecutor,
    private readonly clock: Clock,
  ) {}

  async record(ctx: RequestContext, read: { what: AuditedRead; operation: string; purpose: string }, subjects: ReadSubject[]): Promise<void> {
    if (subjects.length === 0) return;
    const own = ctx.principal.municipality;
    await this.gateway.execute(
      { aggregate: 'read-audit', id: readAuditDay(this.clock()), command: { type: 'RecordRead', data: { user: ctx.principal.subject, ...read, subjects } } },
      { municipality: own, actor: ctx.principal.subject, commandId: `${ctx.commandId}:read-audit`, correlationId: ctx.correlationId },
    );
  }
}
