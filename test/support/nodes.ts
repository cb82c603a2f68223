import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@familybank/contracts';
import { createFamilybankClient, type FamilybankClient } from '@familybank/api-client';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { startApiProcess, waitForExit, type ApiProcess } from './api-process';

/** One municipality's own node: a separate API process with its own data directory. */
export interface Node {
  municipality: string;
  dataDir: string;
  env: Record<string, string>;
  process: ApiProcess;
  client(roles?: Role[]): Promise<FamilybankClient>;
}

export async function startNode(
  mainJs: string,
  municipality: string,
  env: Record<string, string>,
  dataDir = mkdtempSync(join(tmpdir(), `familybank-node-${municipality}-`)),
  startTimeoutMs?: number,
): Promise<Node> {
  const nodeEnv = { DATA_DIR: dataDir, NODE_ID: `node-${municipality}`, MUNICIPALITIES: municipality, RELAY_POLL_MS: '100', ...env };
  const process = await startApiProcess(mainJs, nodeEnv, startTimeoutMs);
  return {
    municipality,
    dataDir,
    env: nodeEnv,
    process,
    async client(roles: Role[] = ['caseworker', 'approver']) {
      const keys = await loadOrCreateDevKeys(dataDir);
      const token = await signDevToken(keys, { municipality, roles, issuer: 'familybank-dev', audience: 'familybank-api' });
      return createFamilybankClient({ baseUrl: process.baseUrl, token });
    },
  };
}

/** Restarts the node's process on the same data directory (after a crash or a stop). */
export async function restartNode(mainJs: string, node: Node, startTimeoutMs?: number): Promise<Node> {
  if (node.process.child.exitCode === null && node.process.child.signalCode === null) {
    node.process.child.kill('SIGTERM');
    await waitForExit(node.process.child);
  }
  return startNode(mainJs, node.municipality, node.env, node.dataDir, startTimeoutMs);
}

export async function stopNode(node: Node, signal: NodeJS.Signals = 'SIGTERM', removeData = true): Promise<void> {
  if (node.process.child.exitCode === null && node.process.child.signalCode === null) {
    node.process.child.kill(signal);
    await waitForExit(node.process.child);
  }
  if (removeData) rmSync(node.dataDir, { recursive: true, force: true });
}
