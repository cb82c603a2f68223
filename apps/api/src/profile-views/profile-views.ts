import type { CommandExecutor } from '../platform/commands/command-gateway';
import type { RequestContext } from '../platform/http/request-context';

export { VIEWED_PROFILES_STREAM_PREFIX as PROFILE_VIEWS_STREAM_PREFIX, type ProfilesViewedData } from '@familybank/domain-partner-facts';

/** Binds a sealed views message to its viewer and owner. */

/**
 * Records, through the command gateway on the viewer's own stream, which partners' shared profiles
 * a caseworker was shown (the viewed-profiles decider groups them per owner). The outbox relay
 * tells each owner (DESIGN §3: nothing is published from an HTTP handler).
 */
export class ProfileViewRecorder {
  constructor(private readonly gateway: CommandExecutor) {}

  /** Appends only when a partner's profile was shown; the relay tells each owner. */
  async record(ctx: RequestContext, profiles: ReadonlyArray<{ municipality: string; pseudonym: string }>): Promise<void> {
    const own = ctx.principal.municipality;
    const shown = profiles.filter((profile) => profile.municipality !== own).map(({ municipality, pseudonym }) => ({ municipality, pseudonym }));
    if (shown.length === 0) return;
    // From the request's command id: a retried POST (same Idempotency-Key) appends nothing twice.
    await this.gateway.execute(
      { aggregate: 'viewed-profiles', id: own, command: { type: 'RecordProfilesShown', data: { shown } } },
      { municipality: own, actor: ctx.principal.subject, commandId: `${ctx.commandId}:profiles-viewed`, correlationId: ctx.correlationId },
    );
  }
}
