import type { FamilyCommand } from '@familybank/domain-family';
import type { AnswerNoMatch, OfferCommand } from '@familybank/domain-offer';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import type { RequestCommand } from '@familybank/domain-request';

/**
 * A command addressed to one aggregate instance: the one input of the command gateway, whether it
 * comes from HTTP, a process manager or a sweep. Later aggregates join this union and the gateway's registry.
 */
export type AggregateCommand =
  | { aggregate: 'family'; id: string /* familyId */; command: FamilyCommand }
  | { aggregate: 'request'; id: string /* requestId */; command: RequestCommand }
  | { aggregate: 'offer'; id: string /* offerId */; command: OfferCommand }
  | { aggregate: 'partnership'; id: string /* partner's municipality code */; command: PartnershipCommand }
  | { aggregate: 'no-match'; id: string /* `<requester>/<requestId>`: the partner's request answered */; command: AnswerNoMatch };
