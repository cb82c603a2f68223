import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver does with one request: answer with a status, cut the connection, or never answer. */
export type ReceiverAnswer = number | 'reset' | 'hang';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as the signature covers it. */
  body: string;
  answer: ReceiverAnswer;
}

/**
 * A webhook receiver on loopback (port 0), as an integrator would run one: it records every request
 * and answers each path by its plan, given how often it has seen the request's Webhook-Id before.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly plans = new Map<string, (seenBefore: number) => ReceiverAnswer>();
  private readonly hanging = new Set<() => void>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const receiver: WebhookReceiver = new WebhookReceiver(createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const id = String(request.headers['webhook-id']);
        const seenBefore = receiver.requests.filter((seen) => seen.path === path && seen.headers['webhook-id'] === id).length;
        const answer = (receiver.plans.get(path) ?? (() => 200))(seenBefore);
        receiver.requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answer });
        if (answer === 'reset') request.socket.destroy();
        else if (answer === 'hang') receiver.hanging.add(() => response.destroy());
        else response.writeHead(answer).end();
      });
    }));
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  plan(path: string, answer: (seenBefore: number) => ReceiverAnswer): void {
    this.plans.set(path, answer);
  }

  at(path: string): ReceivedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** What the receiver acted on: the first 2xx request of each Webhook-Id (deduplicated, as integrators are told to). */
  accepted(path: string): Map<string, ReceivedRequest> {
    const accepted = new Map<string, ReceivedRequest>();
    for (const request of this.at(path)) {
      const id = String(request.headers['webhook-id']);
      if (typeof request.answer === 'number' && request.answer < 300 && !accepted.has(id)) accepted.set(id, request);
    }
    return accepted;
  }

  async stop(): Promise<void> {
    this.hanging.forEach((release) => release());
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
