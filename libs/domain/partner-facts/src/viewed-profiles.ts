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
/** The profiles already recorded as viewed on `day` (UTC), as `owner:pseudonym`: older days are forgotten. */
export interface ViewedProfilesState {
  day: string;
  seen: ReadonlySet<string>;
}

const seenKey = (owner: string, pseudonym: string) => `${owner}:${pseudonym}`;
const dayOf = (instant: string) => instant.slice(0, 10);

/**
 * Our own families are no partner's profiles; each owner gets its pseudonyms once, at most 200 per
 * event. Coalesced: a profile already recorded today (UTC) is not recorded again, so one event per
 * viewing municipality, family and day, however often the pool or a request is read; the owner
 * learns no more than that (which municipality looked, and when) anyway.
 */
export function decideViewedProfiles(command: ViewedProfilesCommand, state: ViewedProfilesState, context: { now: Date; municipality: string }): ViewedProfilesEvent[] {
  switch (command.type) {
    case 'RecordProfilesShown': {
      const viewedAt = context.now.toISOString();
      const seenToday = state.day === dayOf(viewedAt) ? state.seen : new Set<string>();
      const byOwner = new Map<string, Set<string>>();
      for (const { municipality, pseudonym } of command.data.shown) {
        if (municipality === context.municipality || seenToday.has(seenKey(municipality, pseudonym))) continue;
        byOwner.set(municipality, (byOwner.get(municipality) ?? new Set<string>()).add(pseudonym));
      }
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

export function evolveViewedProfiles(state: ViewedProfilesState, event: ViewedProfilesEvent): ViewedProfilesState {
  const day = dayOf(event.data.viewedAt);
  const seen = new Set(day === state.day ? state.seen : []);
  for (const pseudonym of event.data.pseudonyms) seen.add(seenKey(event.data.owner, pseudonym));
  return { day, seen };
}

export const viewedProfilesDecider = {
  decide: decideViewedProfiles,
  evolve: evolveViewedProfiles,
  initialState: (): ViewedProfilesState => ({ day: '', seen: new Set() }),
};
