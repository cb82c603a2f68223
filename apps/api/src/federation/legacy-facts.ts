import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { DomainError } from '@familybank/domain-core';
import { DIRECTORY_OWNER, type PartnerRequestCloseReason } from '@familybank/domain-partner-facts';
import type { AggregateCommand } from '@familybank/domain-workflows';
import type { EventStore } from '@familybank/event-store';
import {
  DIRECTORY,
  INBOX,
  PARTNER_POOL,
  PROFILE_VIEWS,
  directoryProjection,
  inboxProjection,
  partnerPoolProjection,
  profileViewsProjection,
  type DirectoryEntry,
  type DocumentStore,
  type InboxEntry,
  type PoolEntry,
  type ProfileViewDocument,
} from '@familybank/read-models';
import type { CommandExecutor } from '../platform/commands/command-gateway';

const LEGACY_NAMESPACE = 'e4b1c2d3-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const ACTOR = 'system:legacy-facts';
const logger = new Logger('LegacyFacts');

type Adoption = { municipality: string; target: AggregateCommand; key: string };

/**
 * Earlier releases wrote what partners told a municipality straight into the read models. Before
 * those collections become projections (their first catch-up drops them), each document is
 * recorded once as the events it stands for, with the times it kept, so upgrading loses nothing.
 * Idempotent: command ids derive from the documents, so an adoption cut short is taken up again.
 * Resolves to the number of facts recorded.
 */
export async function adoptLegacyFacts(documents: DocumentStore, events: EventStore, gateway: CommandExecutor): Promise<number> {
  const legacy = (projection: { name: string }, collection: string) =>
    documents.projectionVersion(projection.name) === undefined ? documents.findAcrossMunicipalities<unknown>(collection, { sql: '1 = 1', params: [] }) : [];
  const adoptions: Adoption[] = [
    ...legacy(directoryProjection, DIRECTORY).map(({ body }) => announcement(body as DirectoryEntry)),
    ...(await Promise.all(legacy(inboxProjection, INBOX).map(({ municipality, body }) => inboxEntry(municipality, body as InboxEntry, events)))).flat(),
    ...legacy(partnerPoolProjection, PARTNER_POOL).map(({ municipality, body }) => poolEntry(municipality, body as PoolEntry)),
    ...viewReports(legacy(profileViewsProjection, PROFILE_VIEWS) as Array<{ municipality: string; body: ProfileViewDocument }>),
  ];
  let adopted = 0;
  for (const { municipality, target, key } of adoptions) {
    const commandId = uuidv5(`${municipality}:${key}`, LEGACY_NAMESPACE);
    try {
      adopted += (await gateway.execute(target, { municipality, actor: ACTOR, commandId, correlationId: commandId })).appended > 0 ? 1 : 0;
    } catch (error) {
      // A document the rules refuse (e.g. a profile of another municipality) was never a fact.
      if (!(error instanceof DomainError)) throw error;
      logger.warn(`Left ${key} of ${municipality}: ${error.code}`);
    }
  }
  if (adopted > 0) logger.log(`Recorded ${adopted} facts that an earlier release kept among the read models`);
  return adopted;
}

function announcement(entry: DirectoryEntry): Adoption {
  const { code, name, signingKey, fingerprint, encryptionKey, announcedAt } = entry;
  const data = { code, name, signingKey, fingerprint, encryptionKey, announcedAt };
  return { municipality: DIRECTORY_OWNER, key: `directory:${entry.code}`, target: { aggregate: 'directory', id: entry.code, command: { type: 'RecordAnnouncement', data } } };
}

/** Received, answered “no match” (kept on a stream of its own then), closed: in that order, as it happened. */
async function inboxEntry(own: string, entry: InboxEntry, events: EventStore): Promise<Adoption[]> {
  const { requester, requestId } = entry;
  const id = `${requester}/${requestId}`;
  const key = `inbox:${requester}:${requestId}`;
  const steps: Adoption[] = [
    {
      municipality: own,
      key: `${key}:received`,
      target: { aggregate: 'partner-request', id, command: { type: 'RecordPartnerRequest', data: { requester, requestId, needs: entry.needs, responseDeadline: entry.responseDeadline, receivedAt: entry.receivedAt } } },
    },
  ];
  if ((await events.readStream(`answer-${own}-${requester}-${requestId}`)).length > 0) {
    steps.push({ municipality: own, key: `${key}:no-match`, target: { aggregate: 'partner-request', id, command: { type: 'AnswerNoMatch', data: { requester, requestId } } } });
  }
  if (entry.status === 'closed') {
    const reason = (entry.closedReason ?? 'withdrawn') as PartnerRequestCloseReason;
    steps.push({ municipality: own, key: `${key}:closed`, target: { aggregate: 'partner-request', id, command: { type: 'RecordPartnerRequestClosed', data: { requester, requestId, reason } } } });
  }
  return steps;
}

function poolEntry(own: string, entry: PoolEntry): Adoption {
  const { receivedAt, ...profile } = entry;
  const partner = profile.municipality;
  return {
    municipality: own,
    key: `pool:${partner}:${profile.pseudonym}:${profile.version}`,
    target: { aggregate: 'partner-pool', id: partner, command: { type: 'RecordPartnerProfile', data: { partner, profile, receivedAt } } },
  };
}

/** One report per viewer's message, naming every family it named. */
function viewReports(documents: Array<{ municipality: string; body: ProfileViewDocument }>): Adoption[] {
  const reports = new Map<string, { own: string; viewer: string; messageId: string; viewedAt: string; pseudonyms: string[] }>();
  for (const { municipality: own, body } of documents) {
    for (const view of body.views) {
      const key = `views:${view.municipality}:${view.messageId}`;
      const report = reports.get(`${own}|${key}`) ?? { own, viewer: view.municipality, messageId: view.messageId, viewedAt: view.viewedAt, pseudonyms: [] };
      report.pseudonyms.push(body.pseudonym);
      reports.set(`${own}|${key}`, report);
    }
  }
  return [...reports.values()]
    .sort((a, b) => a.viewedAt.localeCompare(b.viewedAt))
    .map(({ own, viewer, messageId, viewedAt, pseudonyms }) => ({
      municipality: own,
      key: `views:${viewer}:${messageId}`,
      target: { aggregate: 'reported-views', id: viewer, command: { type: 'RecordProfileViews', data: { viewer, messageId, pseudonyms, viewedAt } } },
    }));
}
