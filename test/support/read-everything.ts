import Database from 'better-sqlite3';
import { join } from 'node:path';
import { eventually } from './journeys';
import { FAMILY_SUPPORT_LISTS, SUPPORT_LISTS } from './support-journey';

/** GETs a path as one municipality (a caseworker and approver) and answers the JSON body; anything but 200 fails. */
export type Reader = (municipality: string, path: string) => Promise<unknown>;

export function httpReader(target: (municipality: string) => Promise<{ baseUrl: string; token: string }>): Reader {
  return async (municipality, path) => {
    const { baseUrl, token } = await target(municipality);
    const get = () => fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    // A connection kept alive from before a restart is closed by the new server: once, ask again.
    const response = await get().catch(get);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} as ${municipality} answered ${response.status}: ${body}`);
    return JSON.parse(body) as unknown;
  };
}

/** What every GET answered, by `<municipality> <path>`. */
export type Answers = Record<string, unknown>;

interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** Every page of a list, two items at a time (so that paging itself is read), items only: cursors are positions in the store. */
async function allPages<Item>(read: Reader, municipality: string, path: string, answers: Answers): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = (await read(municipality, `${path}${separator}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as Page<Item>;
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  answers[`${municipality} ${path}`] = { items, pages };
  return items;
}

async function one(read: Reader, municipality: string, path: string, answers: Answers): Promise<unknown> {
  const answer = await read(municipality, path);
  answers[`${municipality} ${path}`] = answer;
  return answer;
}

/** The families of each municipality, found through its family list (which records nothing). */
export async function familiesOf(read: Reader, municipalities: readonly string[]): Promise<Record<string, string[]>> {
  const families: Record<string, string[]> = {};
  for (const code of municipalities) families[code] = (await allPages<{ familyId: string }>(read, code, '/v1/families', {})).map((family) => family.familyId);
  return families;
}

/**
 * Every list and detail GET whose answer is not a read of partners' profiles: these read nothing
 * that records a view, and their answers do not depend on views recorded.
 */
export async function readWithoutViewing(read: Reader, municipalities: readonly string[]): Promise<Answers> {
  const answers: Answers = {};
  for (const code of municipalities) {
    for (const path of ['/v1/directory', '/v1/partnerships', '/v1/inbox', '/v1/offers', '/v1/pipeline', '/v1/availability-reminders', '/v1/worklist']) await one(read, code, path, answers);
    await allPages(read, code, '/v1/available-families', answers);
    for (const path of SUPPORT_LISTS) await allPages(read, code, path, answers);
    await one(read, code, '/v1/support/emergency-calls/per-month?from=2025-01&to=2026-12', answers);
    for (const { familyId } of await allPages<{ familyId: string }>(read, code, '/v1/families', answers)) {
      await one(read, code, `/v1/families/${familyId}`, answers);
      for (const list of ['events', 'support', 'assignments', ...FAMILY_SUPPORT_LISTS]) await allPages(read, code, `/v1/families/${familyId}/${list}`, answers);
    }
  }
  return answers;
}

/**
 * The GETs that show partners' shared profiles, in a fixed order: each records a view that its
 * owner lists later (GET …/views); their own answers do not depend on views.
 */
export async function readViewing(read: Reader, municipalities: readonly string[]): Promise<Answers> {
  const answers: Answers = {};
  for (const code of municipalities) {
    await allPages(read, code, '/v1/pool', answers);
    for (const { requestId } of await allPages<{ requestId: string }>(read, code, '/v1/requests', answers)) {
      await one(read, code, `/v1/requests/${requestId}`, answers);
      await one(read, code, `/v1/requests/${requestId}/candidates`, answers);
    }
  }
  return answers;
}

/** Who viewed each family (the owner's side of the views recorded by reads of partners). */
export async function readViews(read: Reader, families: Record<string, string[]>): Promise<Answers> {
  const answers: Answers = {};
  for (const [code, familyIds] of Object.entries(families)) {
    for (const familyId of familyIds) await one(read, code, `/v1/families/${familyId}/views`, answers);
  }
  return answers;
}

interface StoredEvent {
  stream_id: string;
  type: string;
  data: string;
}

function eventsIn(dataDir: string): StoredEvent[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT stream_id, type, data FROM events ORDER BY position').all() as StoredEvent[];
  } finally {
    db.close();
  }
}

export interface NodeUnderTest {
  baseUrl: () => string;
  dataDir: string;
}

/**
 * Waits until the federation is quiet: every node ready with nothing waiting (read models,
 * relay, workflows), every view a viewer recorded of an active partner's family reported at the
 * owner's (one report per ProfilesViewed event; a partner that revoked reads the viewer's topic no
 * more), and no node's log growing for a second.
 */
export async function settled(nodes: readonly NodeUnderTest[], timeoutMs: number): Promise<void> {
  let previous = '';
  await eventually(async () => {
    for (const node of nodes) {
      const ready = (await (await fetch(`${node.baseUrl()}/ready`)).json()) as { status: string; checks: Record<string, { status: string; detail?: string }> };
      expect({ node: node.dataDir, ready }).toEqual({ node: node.dataDir, ready: { status: 'ready', checks: expect.objectContaining({ exchange: { status: 'up' }, workflows: { status: 'up' } }) } });
    }
    const events = nodes.flatMap((node) => eventsIn(node.dataDir));
    expect(viewsReported(events, 'reported')).toEqual(viewsReported(events, 'viewed'));
    const now = `${events.length}`;
    const quiet = now === previous;
    previous = now;
    if (!quiet) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      throw new Error(`The logs still grow (${now} events)`);
    }
  }, timeoutMs);
}

/** By `<viewer> viewed <owner>`, for partnerships active at the owner's: how many reads were recorded, or reported. */
function viewsReported(events: readonly StoredEvent[], side: 'viewed' | 'reported'): Record<string, number> {
  const partnership = new Map<string, string>();
  for (const event of events) if (event.stream_id.startsWith('partnership-')) partnership.set(event.stream_id, event.type);
  const counts: Record<string, number> = {};
  for (const event of events) {
    let pair: { viewer: string; owner: string } | undefined;
    if (side === 'viewed' && event.type === 'ProfilesViewed') pair = { viewer: event.stream_id.split('-')[2]!, owner: (JSON.parse(event.data) as { owner: string }).owner };
    if (side === 'reported' && event.type === 'ProfileViewsReported') {
      const [, , owner, viewer] = event.stream_id.split('-');
      pair = { viewer: viewer!, owner: owner! };
    }
    if (!pair || partnership.get(`partnership-${pair.owner}-${pair.viewer}`) !== 'PartnershipActivated') continue;
    const key = `${pair.viewer} viewed ${pair.owner}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
