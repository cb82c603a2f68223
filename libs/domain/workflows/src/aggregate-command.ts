import type { ReadAuditCommand } from '@familybank/domain-audit';
import type { FamilyCommand } from '@familybank/domain-family';
import type { OfferCommand } from '@familybank/domain-offer';
import type { DirectoryCommand, PartnerPoolCommand, PartnerRequestCommand, ReportedViewsCommand, ViewedProfilesCommand } from '@familybank/domain-partner-facts';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import type { RequestCommand } from '@familybank/domain-request';
import type { CourseCommand, DevelopmentPlanCommand, EmergencyLineCommand, SupervisionMeetingCommand } from '@familybank/domain-support';
import type { WebhookSubscriptionCommand } from '@familybank/domain-webhooks';

/**
 * A command addressed to one aggregate instance: the one input of the command gateway, whether it
 * comes from HTTP, a process manager, a partner's message or a sweep. Later aggregates join this
 * union and the gateway's registry.
 */
export type AggregateCommand =
  | { aggregate: 'family'; id: string /* familyId */; command: FamilyCommand }
  | { aggregate: 'request'; id: string /* requestId */; command: RequestCommand }
  | { aggregate: 'offer'; id: string /* offerId */; command: OfferCommand }
  | { aggregate: 'partnership'; id: string /* partner's municipality code */; command: PartnershipCommand }
  | { aggregate: 'partner-request'; id: string /* `<requester>/<requestId>`: a partner's request in our inbox */; command: PartnerRequestCommand }
  | { aggregate: 'partner-pool'; id: string /* partner's municipality code */; command: PartnerPoolCommand }
  | { aggregate: 'directory'; id: string /* the announced municipality's code */; command: DirectoryCommand }
  | { aggregate: 'reported-views'; id: string /* the viewer's municipality code */; command: ReportedViewsCommand }
  /** id: our own municipality code: what our caseworkers were shown of partners' pools. */
  | { aggregate: 'viewed-profiles'; id: string; command: ViewedProfilesCommand }
  // Support after approval: a family's plan and emergency-line calls, and the municipality's meetings and courses.
  | { aggregate: 'development-plan'; id: string /* familyId */; command: DevelopmentPlanCommand }
  | { aggregate: 'emergency-line'; id: string /* familyId */; command: EmergencyLineCommand }
  | { aggregate: 'supervision-meeting'; id: string /* meetingId */; command: SupervisionMeetingCommand }
  | { aggregate: 'course'; id: string /* courseId */; command: CourseCommand }
  | { aggregate: 'webhook-subscription'; id: string /* subscriptionId */; command: WebhookSubscriptionCommand }
  /** id: the UTC day (YYYY-MM-DD) of the municipality's read-audit stream. */
  | { aggregate: 'read-audit'; id: string; command: ReadAuditCommand };
