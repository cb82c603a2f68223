import { Body, Controller, Inject, Param } from '@nestjs/common';
import { familyRoutes as routes } from '@familybank/contracts';
import { FamilyQueries } from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { ContractRoute, type BodyOf } from '../platform/http/contract-route';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { ErasureProcessor } from './erasure-processor';

/** An approver erases a family: one command; the answer waits until the erasure is carried out. */
@Controller()
export class FamilyErasureController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(FamilyQueries) private readonly queries: FamilyQueries,
    @Inject(ErasureProcessor) private readonly erasures: ErasureProcessor,
  ) {}

  @ContractRoute(routes.eraseFamily)
  erase(@Param() p: { familyId: string }, @Body() body: BodyOf<typeof routes.eraseFamily>, @Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    return this.commands.run({ aggregate: 'family', id: p.familyId, command: { type: 'EraseFamily', data: body } }, ctx, async () => {
      // The key destroyed and the read models rebuilt: what the answer shows is what is left.
      await this.erasures.catchUp();
      return this.queries.getFamily(own, p.familyId)!;
    });
  }
}
