import type { AggregateCommand } from '@familybank/domain-workflows';

/*
 * The shape of the lead's `apps/api/src/commands/command-gateway.ts` (see the brief), copied here so
 * that the runner builds before the gateway lands. When merging, delete this file and import from
 * '../commands/command-gateway' instead.
 */

export interface CommandMeta {
  /** The municipality that owns the stream (the acting one). */
  municipality: string;
  /** Token subject, `system:<workflow>` or `partner:<code>`. */
  actor: string;
  /** Event ids derive from it: a retried command appends nothing. */
  commandId: string;
  correlationId: string;
  /** If-Match. */
  expectedRevision?: number;
}

export interface CommandResult {
  streamId: string;
  revision: number;
  position: number;
  appended: number;
}

export interface CommandGateway {
  /** Read (cached state verified by revision), decide, append; throws DomainError when refused. */
  execute(target: AggregateCommand, meta: CommandMeta): Promise<CommandResult>;
}
