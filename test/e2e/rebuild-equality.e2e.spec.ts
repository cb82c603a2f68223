import type { FamilybankClient } from '@familybank/api-client';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { buildApiForProcessTests } from '../support/api-process';
import { startTestServer, type TestServer } from '../support/api-server';
import { deleteReadModels, fileDigests, rebuildProjections } from '../support/data-dir';
import { A, B, C, D, MUNICIPALITIES, runFourMunicipalities } from '../support/four-municipalities';
import { startNode, stopNode, type Node } from '../support/nodes';
import { familiesOf, httpReader, readViewing, readViews, readWithoutViewing, settled, type Answers, type NodeUnderTest, type Reader } from '../support/read-everything';

const brokers = process.env.KAFKA_BROKERS;
jest.setTimeout(brokers ? 900_000 : 180_000);
/**
 * Not read models: what the relay told partners, what the workflows promised, the answers kept for
 * retries. (The tool reads the log, and closing it may fold the log's WAL into its file.)
 */
const NOT_READ_MODELS = ['outbox.sqlite', 'workflows.sqlite', 'idempotency.sqlite'];

/** How a run of the scenario is hosted: one node serving all four, or a node per municipality. */
interface Federation {
  clients: Record<string, FamilybankClient>;
  read: Reader;
  nodes(): NodeUnderTest[];
  /** Stops every node, runs `meanwhile` on each data directory with the node's configuration, and starts them again. */
  restart(meanwhile: (dataDir: string, env: Record<string, string>) => Promise<void>): Promise<void>;
  timeoutMs: number;
  /** Time stands still from here (in-process only): answers that depend on the clock are compared at the same instant. */
  freeze(): void;
  /** Whether `freeze` stops the clock; if not, answers say when they were read (the pipeline's and worklist's `asOf`), which is left out. */
  frozen: boolean;
}

/** Leaves out what only says when an answer was read. */
function withoutReadTimes(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).map(([key, answer]) => [key, key.endsWith(' /v1/pipeline') || key.endsWith(' /v1/worklist') ? { ...(answer as object), asOf: '(when read)' } : answer]));
}

/**
 * What a municipality learns from partners is recorded as its own events, so every read model can
 * be dropped: the same GETs answer the same after deleting the read-model file and restarting, and
 * after `npm run rebuild-projections`. Reads of partners' profiles record views (their owners list
 * them), so views are compared on their own: read first after each restart, then the other
 * answers; the views those reads recorded are part of the state compared the next time.
 */
function describeRebuildEquality(setUp: () => Promise<Federation>) {
  let federation: Federation;
  let families: Record<string, string[]>;
  let withoutViewing: Answers;
  let viewing: Answers;
  let views: Answers;

  const settle = () => settled(federation.nodes(), federation.timeoutMs * 4);
  const comparable = (answers: Answers) => (federation.frozen ? answers : withoutReadTimes(answers));
  const expectSameAnswers = async () => {
    expect(await readViews(federation.read, families)).toEqual(views);
    expect(comparable(await readWithoutViewing(federation.read, MUNICIPALITIES))).toEqual(comparable(withoutViewing));
    expect(await readViewing(federation.read, MUNICIPALITIES)).toEqual(viewing);
    await settle();
    views = await readViews(federation.read, families);
  };

  beforeAll(async () => {
    federation = await setUp();
  });

  it('runs the four-municipality scenario and reads every list and detail of every municipality', async () => {
    await runFourMunicipalities(federation.clients, settle, federation.timeoutMs);
    federation.freeze();
    families = await familiesOf(federation.read, MUNICIPALITIES);
    withoutViewing = await readWithoutViewing(federation.read, MUNICIPALITIES);
    viewing = await readViewing(federation.read, MUNICIPALITIES);
    await settle();
    views = await readViews(federation.read, families);

    // What is compared holds what partners told: received requests, pools, the directory, views.
    const inboxOf = (code: string) => (withoutViewing[`${code} /v1/inbox`] as { items: Array<{ status: string; answered: boolean; receivedAt: string }> }).items;
    expect(inboxOf(B).map(({ status, answered }) => ({ status, answered }))).toEqual(
      expect.arrayContaining([{ status: 'open', answered: false }, { status: 'closed', answered: true }, { status: 'closed', answered: true }]),
    );
    expect(inboxOf(D).map(({ status, answered }) => ({ status, answered }))).toEqual([{ status: 'open', answered: false }, { status: 'closed', answered: true }]);
    expect((withoutViewing[`${C} /v1/directory`] as { items: unknown[] }).items).toHaveLength(4);
    expect((viewing[`${A} /v1/pool`] as { items: unknown[] }).items).toHaveLength(3);
    expect((viewing[`${C} /v1/pool`] as { items: unknown[] }).items).toEqual([]);
    const viewers = Object.entries(views).flatMap(([key, answer]) => (key.startsWith(B) ? (answer as { items: Array<{ municipality: string }> }).items.map((view) => view.municipality) : []));
    expect(new Set(viewers)).toEqual(new Set([A, C, D]));
  });

  it('after deleting the read-model file and restarting, every answer is the same, received times included', async () => {
    await federation.restart(async (dataDir) => deleteReadModels(dataDir));
    await expectSameAnswers();
  });

  it('after npm run rebuild-projections, every answer is the same, and the relay’s, workflows’ and log’s files are untouched', async () => {
    await federation.restart(async (dataDir, env) => {
      const before = fileDigests(dataDir, NOT_READ_MODELS);
      expect(await rebuildProjections(env)).toMatch(/^Rebuilt read models from [\d,]+ events/);
      expect(fileDigests(dataDir, NOT_READ_MODELS)).toEqual(before);
    });
    await expectSameAnswers();
  });
}

describe('disposable read models, four municipalities on one node (in-process exchange)', () => {
  let server: TestServer;
  let frozen: Date | undefined;
  afterAll(() => server.stop());

  describeRebuildEquality(async () => {
    server = await startTestServer({}, { clock: () => frozen ?? new Date() });
    const clients: Record<string, FamilybankClient> = {};
    const tokens: Record<string, string> = {};
    for (const code of MUNICIPALITIES) {
      clients[code] = await server.client(code);
      tokens[code] = await server.token(code);
    }
    return {
      clients,
      read: httpReader(async (code) => ({ baseUrl: server.baseUrl, token: tokens[code]! })),
      nodes: () => [{ baseUrl: () => server.baseUrl, dataDir: server.dataDir }],
      restart: (meanwhile) => server.restart(() => meanwhile(server.dataDir, { DATA_DIR: server.dataDir })),
      timeoutMs: 8_000,
      freeze: () => (frozen = new Date()),
      frozen: true,
    };
  });
});

if (!brokers) {
  it.skip('disposable read models over Kafka skipped: set KAFKA_BROKERS (npm run kafka:start) to run four nodes over the real broker', () => undefined);
}

(brokers ? describe : describe.skip)('disposable read models, a node per municipality over real Kafka', () => {
  const nodes: Record<string, Node> = {};
  afterAll(async () => {
    for (const node of Object.values(nodes)) await stopNode(node, 'SIGKILL');
  });

  describeRebuildEquality(async () => {
    const mainJs = buildApiForProcessTests();
    const env = { EXCHANGE: 'kafka', KAFKA_BROKERS: brokers!, EXCHANGE_NAMESPACE: `rebuild${Date.now()}` };
    const clients: Record<string, FamilybankClient> = {};
    for (const code of MUNICIPALITIES) {
      nodes[code] = await startNode(mainJs, code, env);
      clients[code] = await nodes[code]!.client();
    }
    const tokenOf = async (node: Node) => signDevToken(await loadOrCreateDevKeys(node.dataDir), { municipality: node.municipality, roles: ['caseworker', 'approver'], issuer: 'familybank-dev', audience: 'familybank-api' });
    return {
      clients,
      read: httpReader(async (code) => ({ baseUrl: nodes[code]!.process.baseUrl, token: await tokenOf(nodes[code]!) })),
      nodes: () => [A, B, C, D].map((code) => ({ baseUrl: () => nodes[code]!.process.baseUrl, dataDir: nodes[code]!.dataDir })),
      async restart(meanwhile) {
        const stopped = MUNICIPALITIES.map((code) => nodes[code]!);
        await Promise.all(stopped.map((node) => stopNode(node, 'SIGTERM', false)));
        for (const node of stopped) await meanwhile(node.dataDir, node.env);
        // Consumer groups wait for the stopped processes' members to time out before they start.
        const started = await Promise.all(stopped.map((node) => startNode(mainJs, node.municipality, node.env, node.dataDir, 180_000)));
        for (const node of started) nodes[node.municipality] = node;
      },
      timeoutMs: 30_000,
      freeze: () => undefined,
      frozen: false,
    };
  });
});
