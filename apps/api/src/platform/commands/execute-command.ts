import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@familybank/domain-core';
import type { RequestContext } from '../http/request-context';
import type { AggregateCommand } from './aggregate-command';
import { CommandGateway, type CommandMeta, type CommandResult } from './command-gateway';
import { RecordedButNotVisible } from './command-recorded';
import { ReadSide } from './read-side';

/** One command from the HTTP shell, for any aggregate. */
export class ExecuteCommand {
  constructor(
    readonly target: AggregateCommand,
    readonly meta: CommandMeta,
  ) {}
}

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandResult> {
  constructor(@Inject(CommandGateway) private readonly gateway: CommandGateway) {}

  execute({ target, meta }: ExecuteCommand): Promise<CommandResult> {
    return this.gateway.execute(target, meta);
  }
}

/**
 * What controllers call: one HTTP call → one command, then the answer read from the read models
 * once they have seen it. If they cannot show it, the answer is a receipt of what was recorded.
 */
@Injectable()
export class Commands {
  constructor(
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(ReadSide) private readonly readSide: ReadSide,
  ) {}

  async run<T>(target: AggregateCommand, ctx: RequestContext, read: (result: CommandResult) => T | Promise<T>, options: { commandId?: string; location?: string } = {}): Promise<T> {
    const commandId = options.commandId ?? ctx.commandId;
    const meta: CommandMeta = { municipality: ctx.principal.municipality, actor: ctx.principal.subject, commandId, correlationId: ctx.correlationId, expectedRevision: ctx.expectedRevision };
    const result = await this.bus.execute<ExecuteCommand, CommandResult>(new ExecuteCommand(target, meta));
    const visibility = await this.readSide.waitFor(result.position);
    const notVisible = (detail: string) =>
      new RecordedButNotVisible({ status: 'recorded', commandId, stream: result.streamId, revision: result.revision, position: result.position, appended: result.appended, readModels: 'lagging', detail }, options.location);
    if (!visibility.visible) throw notVisible(visibility.reason);
    try {
      return await read(result);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw notVisible(`The command is recorded; reading the result failed (${(error as Error).message})`);
    }
  }
}
