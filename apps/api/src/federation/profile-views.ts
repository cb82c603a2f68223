import { v5 as uuidv5 } from 'uuid';
import type { EventStore, NewEvent } from '@familybank/event-store';
import type { RequestContext } from '../http/request-context';
import type { Clock } from '../infrastructure/tokens';

/** Binds a sealed views message to its viewer and owner. */
export const profileViewsAad = (viewer: string, owner: string) => `${viewer}|${owner}|profile-views`;

/** The viewer's own stream of what its caseworkers read of partners' pools: `profile-views-<viewer>`. */
export const PROFILE_VIEWS_STREAM_PREFIX = 'profile-views-';
/** Pseudonyms per event (and message): the contract's limit. */
const MAX_PSEUDONYMS = 200;
const SCHEMA_VERSION = 1;
const EVENT_ID_NAMESPACE = 'c6f0a3d2-5b1e-4c7a-8e29-3d4f5a6b7c81';

export interface ProfilesViewedData {
  owner: string;
  pseudonyms: string[];
  viewedAt: string;
}

export const profileViewsStreamId = (viewer: string) => `${PROFILE_VIEWS_STREAM_PREFIX}${viewer}`;

/**
 * Records, on the viewer's own stream, which partners' shared profiles a caseworker was shown:
 * one `ProfilesViewed` per owner municipality. The outbox relay tells each owner (DESIGN §3:
 * nothing is published from an HTTP handler); the response waits only for the append.
 */
export class ProfileViewRecorder {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly afterAppend: () => void,
  ) {}

  async record(ctx: RequestContext, profiles: ReadonlyArray<{ municipality: string; pseudonym: string }>): Promise<void> {
    const viewer = ctx.principal.municipality;
    const byOwner = new Map<string, Set<string>>();
    for (const { municipality, pseudonym } of profiles) {
      if (municipality === viewer) continue;
      const seen = byOwner.get(municipality) ?? new Set<string>();
      byOwner.set(municipality, seen.add(pseudonym));
    }
    if (byOwner.size === 0) return;
    const now = this.clock().toISOString();
    const events: NewEvent<'ProfilesViewed', ProfilesViewedData>[] = [];
    for (const [owner, pseudonyms] of [...byOwner].sort(([a], [b]) => a.localeCompare(b))) {
      const all = [...pseudonyms];
      for (let start = 0; start < all.length; start += MAX_PSEUDONYMS) {
        events.push({
          // From the command id: a retried POST (same Idempotency-Key) appends nothing twice.
          eventId: uuidv5(`${ctx.commandId}:profiles-viewed:${owner}:${start}`, EVENT_ID_NAMESPACE),
          type: 'ProfilesViewed',
          data: { owner, pseudonyms: all.slice(start, start + MAX_PSEUDONYMS), viewedAt: now },
          metadata: {
            actor: ctx.principal.subject,
            municipality: viewer,
            correlationId: ctx.correlationId,
            causationId: ctx.commandId,
            occurredAt: now,
            schemaVersion: SCHEMA_VERSION,
          },
        });
      }
    }
    await this.store.appendToStream(profileViewsStreamId(viewer), events, { expectedRevision: 'any' });
    this.afterAppend();
  }
}
