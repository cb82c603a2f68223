import { assertNever, type Message } from '@familybank/domain-core';

/**
 * Which partners' shared profiles our caseworkers were shown (DESIGN §5: the owner may tell its
 * family who looked): one `ProfilesViewed` per owner municipality on our stream
 * `profile-views-<own>`, from which the relay tells each owner, sealed to its key.
 */
export const VIEWED_PROFILES_STREAM_PREFIX = 'profile-views-';
export const viewedProfilesStreamId = (own: string) => `${VIEWED_PROFILES_STREAM_PREFIX}${own}`;

/** Pseudonyms per event (and message): the exchange contract's limit. */
export const MAX_PSEUDONYMS_PER_VIEW = 200;

export interface ShownProfile {
  municipality: string;
  pseudonym: string;
}

export interface ProfilesViewedData {
  owner: string;
  pseudonyms: string[];
  viewedAt: string;
}

export type ViewedProfilesCommand = Message<'RecordProfilesShown', { shown: ShownProfile[] }>;
export type ViewedProfilesEvent = Message<'ProfilesViewed', ProfilesViewedData>;
export type ViewedProfilesState = Record<string, never>;

/** Our own families are no partner's profiles; each owner gets its pseudonyms once, at most 200 per event. */
export function decideViewedProfiles(command: ViewedProfilesCommand, _state: ViewedProfilesState, context: { now: Date; municipality: string }): ViewedProfilesEvent[] {
  switch (command.type) {
    case 'RecordProfilesShown': {
      const byOwner = new Map<string, Set<string>>();
      for (const { municipality, pseudonym } of command.data.shown) {
        if (municipality === context.municipality) continue;
        byOwner.set(municipality, (byOwner.get(municipality) ?? new Set<string>()).add(pseudonym));
      }
      const viewedAt = context.now.toISOString();
      return [...byOwner]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([owner, pseudonyms]) => chunks([...pseudonyms], MAX_PSEUDONYMS_PER_VIEW).map((part): ViewedProfilesEvent => ({ type: 'ProfilesViewed', data: { owner, pseudonyms: part, viewedAt } })));
    }
    default:
      return assertNever(command.type);
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

export const viewedProfilesDecider = {
  decide: decideViewedProfiles,
  evolve: (state: ViewedProfilesState): ViewedProfilesState => state,
  initialState: (): ViewedProfilesState => ({}),
};
