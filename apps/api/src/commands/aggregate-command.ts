import type { FamilyCommand } from '@familybank/domain-family';
import type { AnswerNoMatch, OfferCommand } from '@familybank/domain-offer';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import type { RequestCommand } from '@familybank/domain-request';

/**
 * A command addressed to one aggregate instance: what HTTP, process managers and sweeps hand to
 * the command gateway. `id` names the instance within the acting municipality.
 */
export type AggregateCommand =
  | { aggregate: 'family'; id: string; command: FamilyCommand }
  | { aggregate: 'request'; id: string; command: RequestCommand }
  | { aggregate: 'offer'; id: string; command: OfferCommand }
  /** id: the partner's municipality code (each side keeps its own stream of the partnership). */
  | { aggregate: 'partnership'; id: string; command: PartnershipCommand }
  /** id: `<requester>/<requestId>`, the partner's request this municipality answers. */
  | { aggregate: 'no-match'; id: string; command: AnswerNoMatch };

export type AggregateName = AggregateCommand['aggregate'];
