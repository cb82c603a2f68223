import { readAuditDecider, readAuditStreamId } from '@familybank/domain-audit';
import { DomainError, type DecisionContext, type Message } from '@familybank/domain-core';
import { FAMILY_EVENT_SCHEMA_VERSION, FamilyErrors, familyDecider, familyStreamId } from '@familybank/domain-family';
import { OfferErrors, completeOfferCommand, offerDecider, offerStreamId, type OfferLookups } from '@familybank/domain-offer';
import { PartnerRequestErrors,
  directoryDecider,
  directoryStreamId,
  partnerPoolDecider,
  partnerPoolStreamId,
  partnerRequestDecider,
  partnerRequestStreamId,
  reportedViewsDecider,
  reportedViewsStreamId, viewedProfilesDecider, viewedProfilesStreamId } from '@familybank/domain-partner-facts';
import { decidePartnership, evolvePartnership, initialPartnershipState, partnershipStreamId } from '@familybank/domain-partnership';
import { RequestErrors, requestDecider, requestStreamId } from '@familybank/domain-request';
import {
  SupportErrors,
  courseDecider,
  courseStreamId,
  developmentPlanDecider,
  developmentPlanStreamId,
  emergencyLineDecider,
  emergencyLineStreamId,
  supervisionMeetingDecider,
  supervisionMeetingStreamId,
} from '@familybank/domain-support';
import { WebhookErrors, webhookSubscriptionDecider, webhookSubscriptionStreamId } from '@familybank/domain-webhooks';
import type { AggregateCommand, AggregateName } from './aggregate-command';

/** What the gateway needs to know of one kind of aggregate: where its streams are and how it decides. */
export interface AggregateDefinition<C extends Message = Message, E extends Message = Message, S = unknown> {
  /** Prefix of the aggregate's error codes, e.g. FAMILY → FAMILY.REVISION_MISMATCH. */
  errorPrefix: string;
  schemaVersion: number;
  streamId(id: string, municipality: string, command: C): string;
  /** Commands that may start a stream; any other command on a missing stream is not found. */
  creates(command: C): boolean;
  notFound(id: string): DomainError;
  decide(command: C, state: S, context: DecisionContext & { municipality: string }): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

type CommandOf<K extends AggregateName> = Extract<AggregateCommand, { aggregate: K }>['command'];
// Events and states differ per aggregate; the gateway only passes them between decide and evolve.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AggregateRegistry = { [K in AggregateName]: AggregateDefinition<CommandOf<K>, any, any> };

/** `<requester>/<requestId>`: neither a municipality code nor an id (letters, digits, "-", "_") holds a slash. */
const splitRequestRef = (id: string) => {
  const [requester = '', requestId = ''] = id.split('/');
  return { requester, requestId };
};

const NO_LOOKUPS: OfferLookups = { encryptionKeyFingerprintOf: () => undefined };

/**
 * Every aggregate of the write side; later aggregates are added here and to AggregateCommand.
 * `lookups` are what a handler loads for a rule (the requester's announced key for a disclosure),
 * passed into the command so that the decider owns the rule.
 */
export const aggregateRegistry = (lookups: OfferLookups = NO_LOOKUPS): AggregateRegistry => ({
  family: {
    errorPrefix: 'FAMILY',
    schemaVersion: FAMILY_EVENT_SCHEMA_VERSION,
    streamId: (id) => familyStreamId(id),
    creates: (command) => command.type === 'RegisterFamily' || command.type === 'RegisterNetworkFamily',
    notFound: (id) => FamilyErrors.notFound(id),
    ...familyDecider,
  },
  request: {
    errorPrefix: 'REQUEST',
    schemaVersion: 1,
    streamId: (id) => requestStreamId(id),
    creates: (command) => command.type === 'OpenRequest',
    notFound: (id) => RequestErrors.notFound(id),
    ...requestDecider,
  },
  offer: {
    errorPrefix: 'OFFER',
    schemaVersion: 1,
    streamId: (id) => offerStreamId(id),
    // An own placement is an offer too, made by the own-placement workflow.
    creates: (command) => command.type === 'MakeOffer' || command.type === 'PlaceOwnFamily',
    notFound: () => OfferErrors.notFound(),
    ...offerDecider,
    decide: (command, state, context) => offerDecider.decide(completeOfferCommand(command, state, lookups), state, context),
  },
  partnership: {
    errorPrefix: 'PARTNERSHIP',
    schemaVersion: 1,
    streamId: (partner, own) => partnershipStreamId(own, partner),
    creates: (command) => command.type === 'ProposePartnership' || command.type === 'RecordPartnerProposal',
    notFound: (partner) => new DomainError('PARTNERSHIP.NOT_FOUND', 'not-found', `No partnership with ${partner}`, { partner }),
    decide: (command, state, context) => decidePartnership(command, state, { now: context.now, own: context.municipality }),
    evolve: evolvePartnership,
    initialState: initialPartnershipState,
  },
  // What a municipality learns from partners (one command per message, actor `partner:<code>`).
  'partner-request': {
    errorPrefix: 'INBOX',
    schemaVersion: 1,
    streamId: (id, own) => {
      const { requester, requestId } = splitRequestRef(id);
      return partnerRequestStreamId(own, requester, requestId);
    },
    creates: (command) => command.type === 'RecordPartnerRequest',
    notFound: () => PartnerRequestErrors.notFound(),
    ...partnerRequestDecider,
  },
  'partner-pool': {
    errorPrefix: 'PARTNER_POOL',
    schemaVersion: 1,
    streamId: (partner, own) => partnerPoolStreamId(own, partner),
    // A tombstone or a drop for a pool never recorded decides nothing, and so creates no stream.
    creates: () => true,
    notFound: (partner) => new DomainError('PARTNER_POOL.NOT_FOUND', 'not-found', `No pool of ${partner}`, { partner }),
    ...partnerPoolDecider,
  },
  directory: {
    errorPrefix: 'DIRECTORY',
    schemaVersion: 1,
    // One directory per node: the caller acts as DIRECTORY_OWNER, whichever municipality reads the topic.
    streamId: (code) => directoryStreamId(code),
    creates: () => true,
    notFound: (code) => new DomainError('DIRECTORY.NOT_FOUND', 'not-found', `${code} has not announced itself`, { code }),
    ...directoryDecider,
  },
  'reported-views': {
    errorPrefix: 'PROFILE_VIEWS',
    schemaVersion: 1,
    streamId: (viewer, own) => reportedViewsStreamId(own, viewer),
    creates: () => true,
    notFound: (viewer) => new DomainError('PROFILE_VIEWS.NOT_FOUND', 'not-found', `No views reported by ${viewer}`, { viewer }),
    ...reportedViewsDecider,
  },
  'viewed-profiles': {
    errorPrefix: 'PROFILE_VIEWS',
    schemaVersion: 1,
    streamId: (_id, own) => viewedProfilesStreamId(own),
    creates: () => true,
    notFound: (own) => new DomainError('PROFILE_VIEWS.NOT_FOUND', 'not-found', `No views recorded by ${own}`, { own }),
    ...viewedProfilesDecider,
  },
  // Support after approval (apps/api/src/support).
  'development-plan': {
    errorPrefix: 'SUPPORT',
    schemaVersion: 1,
    streamId: (familyId) => developmentPlanStreamId(familyId),
    creates: (command) => command.type === 'AddGoal',
    notFound: (familyId) => SupportErrors.planNotFound(familyId),
    ...developmentPlanDecider,
  },
  'emergency-line': {
    errorPrefix: 'SUPPORT',
    schemaVersion: 1,
    streamId: (familyId) => emergencyLineStreamId(familyId),
    creates: () => true,
    notFound: (familyId) => SupportErrors.familyNotFound(familyId),
    ...emergencyLineDecider,
  },
  'supervision-meeting': {
    errorPrefix: 'SUPPORT',
    schemaVersion: 1,
    streamId: (meetingId) => supervisionMeetingStreamId(meetingId),
    creates: (command) => command.type === 'PlanSupervisionMeeting',
    notFound: (meetingId) => SupportErrors.meetingNotFound(meetingId),
    ...supervisionMeetingDecider,
  },
  course: {
    errorPrefix: 'SUPPORT',
    schemaVersion: 1,
    streamId: (courseId) => courseStreamId(courseId),
    creates: (command) => command.type === 'CreateCourse',
    notFound: (courseId) => SupportErrors.courseNotFound(courseId),
    ...courseDecider,
  },
  // Outbound notifications; the secret is derived by the node, never in an event (apps/api/src/webhooks).
  'webhook-subscription': {
    errorPrefix: 'WEBHOOK',
    schemaVersion: 1,
    streamId: (id) => webhookSubscriptionStreamId(id),
    creates: (command) => command.type === 'CreateWebhookSubscription',
    notFound: (id) => WebhookErrors.notFound(id),
    ...webhookSubscriptionDecider,
  },
  // The audit of reads: one stream per municipality and day (apps/api/src/audit).
  'read-audit': {
    errorPrefix: 'AUDIT',
    schemaVersion: 1,
    streamId: (day, own) => readAuditStreamId(own, day),
    creates: () => true,
    notFound: (day) => new DomainError('AUDIT.NOT_FOUND', 'not-found', `No reads recorded on ${day}`, { day }),
    ...readAuditDecider,
  },
});
