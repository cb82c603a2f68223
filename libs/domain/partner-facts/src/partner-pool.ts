import { DomainError, assertNever, ensure, type DecisionContext, type Message } from '@familybank/domain-core';

/**
 * What one municipality holds of one partner's pool, on its own stream
 * `partner-pool-<own>-<partner>`: each profile the partner published (newest version only), its
 * withdrawal, and the whole pool dropped when the partnership ends.
 */
export const PARTNER_POOL_STREAM_PREFIX = 'partner-pool-';

export const partnerPoolStreamId = (own: string, partner: string) => `${PARTNER_POOL_STREAM_PREFIX}${own}-${partner}`;

/** The shared profile as the pool topic carries it (see the SharedProfile contract); the rules need only these fields. */
export interface PartnerProfile {
  municipality: string;
  pseudonym: string;
  version: number;
  readonly [field: string]: unknown;
}

export type PartnerPoolCommand =
  | Message<'RecordPartnerProfile', { partner: string; profile: PartnerProfile; receivedAt: string }>
  | Message<'RecordPartnerProfileWithdrawal', { partner: string; pseudonym: string }>
  | Message<'DropPartnerPool', { partner: string }>;

export type PartnerProfilePublished = Message<'PartnerProfilePublished', { profile: PartnerProfile; receivedAt: string }>;
export type PartnerProfileWithdrawn = Message<'PartnerProfileWithdrawn', { partner: string; pseudonym: string }>;
export type PartnerPoolDropped = Message<'PartnerPoolDropped', { partner: string; pseudonyms: string[] }>;
export type PartnerPoolEvent = PartnerProfilePublished | PartnerProfileWithdrawn | PartnerPoolDropped;

export interface PartnerPoolState {
  /** Pseudonym → the version recorded: an older or repeated version changes nothing. */
  versions: Record<string, number>;
}

export const PartnerPoolErrors = {
  foreignProfile: (partner: string, owner: string) =>
    new DomainError('PARTNER_POOL.FOREIGN_PROFILE', 'rule', `${partner} published a profile of ${owner}: a pool holds only its owner's families`, { partner, owner }),
} as const;

export function decidePartnerPool(command: PartnerPoolCommand, state: PartnerPoolState, _context?: DecisionContext): PartnerPoolEvent[] {
  switch (command.type) {
    case 'RecordPartnerProfile': {
      const { partner, profile, receivedAt } = command.data;
      ensure(profile.municipality === partner, () => PartnerPoolErrors.foreignProfile(partner, profile.municipality));
      // Upsert by version: a redelivered or reordered older profile never replaces a newer one.
      const recorded = state.versions[profile.pseudonym];
      return recorded !== undefined && recorded >= profile.version ? [] : [{ type: 'PartnerProfilePublished', data: { profile, receivedAt } }];
    }
    case 'RecordPartnerProfileWithdrawal':
      return command.data.pseudonym in state.versions ? [{ type: 'PartnerProfileWithdrawn', data: command.data }] : [];
    case 'DropPartnerPool': {
      const pseudonyms = Object.keys(state.versions).sort();
      return pseudonyms.length ? [{ type: 'PartnerPoolDropped', data: { partner: command.data.partner, pseudonyms } }] : [];
    }
    default:
      return assertNever(command);
  }
}

export function evolvePartnerPool(state: PartnerPoolState, event: PartnerPoolEvent): PartnerPoolState {
  switch (event.type) {
    case 'PartnerProfilePublished':
      return { versions: { ...state.versions, [event.data.profile.pseudonym]: event.data.profile.version } };
    case 'PartnerProfileWithdrawn': {
      const { [event.data.pseudonym]: _withdrawn, ...versions } = state.versions;
      return { versions };
    }
    case 'PartnerPoolDropped':
      return { versions: {} };
    default:
      return assertNever(event);
  }
}

export const partnerPoolDecider = {
  decide: decidePartnerPool,
  evolve: evolvePartnerPool,
  initialState: (): PartnerPoolState => ({ versions: {} }),
};
