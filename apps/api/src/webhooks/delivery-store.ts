import { preparePrivateFile } from '@familybank/event-store';
import Database from 'better-sqlite3';
import type { WebhookEventType } from '@familybank/domain-webhooks';

export type SubscriptionStatus = 'active' | 'paused' | 'deleted';
export type DeliveryStatus = 'pending' | 'delivered' | 'dead' | 'cancelled';

/** A subscription as the worker folded it from the log (the same facts as its stream). */
export interface StoredSubscription {
  subscriptionId: string;
  municipality: string;
  url: string;
  eventTypes: WebhookEventType[];
  description?: string;
  status: SubscriptionStatus;
  secretVersion: number;
  /** When the secret was last rotated: the previous one still signs for a while. */
  rotatedAt?: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
}

export interface StoredDelivery {
  seq: number;
  deliveryId: string;
  subscriptionId: string;
  municipality: string;
  eventId: string;
  eventType: WebhookEventType;
  payload: string;
  status: DeliveryStatus;
  /** Tries since the delivery was created or last re-driven. */
  tries: number;
  nextAttemptAt: number;
  createdAt: string;
  deliveredAt?: string;
  deadAt?: string;
}

export interface StoredAttempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  statusCode?: number;
  error?: string;
  outcome: 'delivered' | 'failed' | 'dead';
}

type Row = Record<string, unknown>;

const toSubscription = (row: Row): StoredSubscription => ({
  subscriptionId: row.subscription_id as string,
  municipality: row.municipality as string,
  url: row.url as string,
  eventTypes: JSON.parse(row.event_types as string),
  description: (row.description as string | null) ?? undefined,
  status: row.status as SubscriptionStatus,
  secretVersion: row.secret_version as number,
  rotatedAt: (row.rotated_at as string | null) ?? undefined,
  createdAt: row.created_at as string,
  updatedAt: row.updated_at as string,
  revision: row.revision as number,
});

const toDelivery = (row: Row): StoredDelivery => ({
  seq: row.seq as number,
  deliveryId: row.delivery_id as string,
  subscriptionId: row.subscription_id as string,
  municipality: row.municipality as string,
  eventId: row.event_id as string,
  eventType: row.event_type as WebhookEventType,
  payload: row.payload as string,
  status: row.status as DeliveryStatus,
  tries: row.tries as number,
  nextAttemptAt: row.next_attempt_at as number,
  createdAt: row.created_at as string,
  deliveredAt: (row.delivered_at as string | null) ?? undefined,
  deadAt: (row.dead_at as string | null) ?? undefined,
});

/**
 * The webhook worker's own file (DATA_DIR/deliveries.sqlite): its checkpoint in the log, the
 * subscriptions folded from it, one delivery per (subscription, event) and every attempt. Not a read
 * model: it holds what was promised to receivers and what they answered, so it is never rebuilt.
 * A batch's deliveries and the checkpoint past it are written in one transaction.
 */
export class DeliveryStore {
  private readonly db: Database.Database;
  /** Each statement prepared once: the worker asks after every commit, and preparing costs more than running. */
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(filename: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}) {
    // Owner only, like every file under DATA_DIR (receivers' URLs and what they answered).
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS progress (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL, active_from INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS subscriptions (
        subscription_id TEXT PRIMARY KEY, municipality TEXT NOT NULL, url TEXT NOT NULL, event_types TEXT NOT NULL, description TEXT,
        status TEXT NOT NULL, secret_version INTEGER NOT NULL, rotated_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, revision INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS deliveries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, delivery_id TEXT NOT NULL UNIQUE, subscription_id TEXT NOT NULL, municipality TEXT NOT NULL,
        event_id TEXT NOT NULL, event_type TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL, tries INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL, created_at TEXT NOT NULL, delivered_at TEXT, dead_at TEXT,
        UNIQUE (subscription_id, event_id));
      CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
      CREATE TABLE IF NOT EXISTS attempts (
        delivery_id TEXT NOT NULL, attempt INTEGER NOT NULL, started_at TEXT NOT NULL, duration_ms INTEGER NOT NULL,
        status_code INTEGER, error TEXT, outcome TEXT NOT NULL, PRIMARY KEY (delivery_id, attempt));
    `);
  }

  /** Where the worker is in the log, and before which position it only folds subscriptions (its first start). */
  progress(): { position: number; activeFrom: number } | undefined {
    const row = this.statement('SELECT position, active_from FROM progress WHERE id = 1').get() as { position: number; active_from: number } | undefined;
    return row && { position: row.position, activeFrom: row.active_from };
  }

  begin(activeFrom: number): void {
    this.statement('INSERT OR IGNORE INTO progress (id, position, active_from) VALUES (1, 0, ?)').run(activeFrom);
  }

  /**
   * Runs `work` and moves the checkpoint to the position it returns (if any), all or nothing;
   * `committed` hears of the checkpoint once it is stored.
   */
  transaction(work: () => number | undefined, committed: (position: number) => void = () => undefined): void {
    const position = this.db.transaction(() => {
      const checkpoint = work();
      if (checkpoint !== undefined) this.statement('UPDATE progress SET position = ? WHERE id = 1').run(checkpoint);
      return checkpoint;
    })();
    if (position !== undefined) committed(position);
  }

  subscription(subscriptionId: string): StoredSubscription | undefined {
    const row = this.statement('SELECT * FROM subscriptions WHERE subscription_id = ?').get(subscriptionId) as Row | undefined;
    return row && toSubscription(row);
  }

  subscriptions(municipality: string): StoredSubscription[] {
    return (this.statement("SELECT * FROM subscriptions WHERE municipality = ? AND status != 'deleted' ORDER BY created_at, subscription_id").all(municipality) as Row[]).map(toSubscription);
  }

  /** Active subscriptions of a municipality to an event type: who is told of an event now. */
  subscribers(municipality: string, eventType: string): StoredSubscription[] {
    return (
      this
        .statement("SELECT * FROM subscriptions WHERE municipality = ? AND status = 'active' AND EXISTS (SELECT 1 FROM json_each(event_types) WHERE value = ?)")
        .all(municipality, eventType) as Row[]
    ).map(toSubscription);
  }

  putSubscription(subscription: StoredSubscription): void {
    const s = subscription;
    this
      .statement(
        `INSERT INTO subscriptions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (subscription_id) DO UPDATE SET url = excluded.url, event_types = excluded.event_types, description = excluded.description,
           status = excluded.status, secret_version = excluded.secret_version, rotated_at = excluded.rotated_at, updated_at = excluded.updated_at, revision = excluded.revision`,
      )
      .run(s.subscriptionId, s.municipality, s.url, JSON.stringify(s.eventTypes), s.description ?? null, s.status, s.secretVersion, s.rotatedAt ?? null, s.createdAt, s.updatedAt, s.revision);
  }

  /** One delivery per (subscription, event): a second insert of the same pair is ignored. */
  addDelivery(delivery: Omit<StoredDelivery, 'seq' | 'status' | 'tries' | 'deliveredAt' | 'deadAt'>): void {
    const d = delivery;
    this
      .statement(
        `INSERT OR IGNORE INTO deliveries (delivery_id, subscription_id, municipality, event_id, event_type, payload, status, tries, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
      )
      .run(d.deliveryId, d.subscriptionId, d.municipality, d.eventId, d.eventType, d.payload, d.nextAttemptAt, d.createdAt);
  }

  /** A dead letter goes back to the queue, for a new round of tries; its earlier attempts stay in the log. */
  redrive(subscriptionId: string, deliveryId: string, nowMs: number): void {
    this
      .statement("UPDATE deliveries SET status = 'pending', tries = 0, next_attempt_at = ?, dead_at = NULL WHERE delivery_id = ? AND subscription_id = ? AND status = 'dead'")
      .run(nowMs, deliveryId, subscriptionId);
  }

  cancelPending(subscriptionId: string): void {
    this.statement("UPDATE deliveries SET status = 'cancelled' WHERE subscription_id = ? AND status = 'pending'").run(subscriptionId);
  }

  /** Pending deliveries of active subscriptions whose time has come, oldest first. */
  due(nowMs: number, limit: number): StoredDelivery[] {
    return (
      this
        .statement(
          `SELECT d.* FROM deliveries d JOIN subscriptions s ON s.subscription_id = d.subscription_id
           WHERE d.status = 'pending' AND s.status = 'active' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.seq LIMIT ?`,
        )
        .all(nowMs, limit) as Row[]
    ).map(toDelivery);
  }

  /** When the next pending delivery of an active subscription falls due; undefined when none waits. */
  nextDue(): number | undefined {
    const row = this
      .statement("SELECT MIN(d.next_attempt_at) AS next FROM deliveries d JOIN subscriptions s ON s.subscription_id = d.subscription_id WHERE d.status = 'pending' AND s.status = 'active'")
      .get() as { next: number | null };
    return row.next ?? undefined;
  }

  /** Records an attempt and its consequence for the delivery, together. */
  recordAttempt(deliveryId: string, attempt: Omit<StoredAttempt, 'attempt'>, next: { status: 'delivered' | 'dead' } | { status: 'pending'; at: number }): void {
    this.db.transaction(() => {
      const { n } = this.statement('SELECT COUNT(*) AS n FROM attempts WHERE delivery_id = ?').get(deliveryId) as { n: number };
      this
        .statement('INSERT INTO attempts VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(deliveryId, n + 1, attempt.startedAt, attempt.durationMs, attempt.statusCode ?? null, attempt.error ?? null, attempt.outcome);
      if (next.status === 'pending') this.statement('UPDATE deliveries SET tries = tries + 1, next_attempt_at = ? WHERE delivery_id = ?').run(next.at, deliveryId);
      else if (next.status === 'delivered') this.statement("UPDATE deliveries SET tries = tries + 1, status = 'delivered', delivered_at = ? WHERE delivery_id = ?").run(attempt.startedAt, deliveryId);
      else this.statement("UPDATE deliveries SET tries = tries + 1, status = 'dead', dead_at = ? WHERE delivery_id = ?").run(attempt.startedAt, deliveryId);
    })();
  }

  delivery(municipality: string, deliveryId: string): StoredDelivery | undefined {
    const row = this.statement('SELECT * FROM deliveries WHERE municipality = ? AND delivery_id = ?').get(municipality, deliveryId) as Row | undefined;
    return row && toDelivery(row);
  }

  attempts(deliveryId: string): StoredAttempt[] {
    return (this.statement('SELECT * FROM attempts WHERE delivery_id = ? ORDER BY attempt').all(deliveryId) as Row[]).map((row) => ({
      attempt: row.attempt as number,
      startedAt: row.started_at as string,
      durationMs: row.duration_ms as number,
      statusCode: (row.status_code as number | null) ?? undefined,
      error: (row.error as string | null) ?? undefined,
      outcome: row.outcome as StoredAttempt['outcome'],
    }));
  }

  /** A municipality's deliveries, newest first, optionally of one subscription, status or event type. */
  deliveries(municipality: string, filter: { subscriptionId?: string; status?: DeliveryStatus; eventType?: string; before?: number; limit: number }): StoredDelivery[] {
    const conditions = ['municipality = ?'];
    const params: unknown[] = [municipality];
    const add = (sql: string, value: unknown) => {
      conditions.push(sql);
      params.push(value);
    };
    if (filter.subscriptionId) add('subscription_id = ?', filter.subscriptionId);
    if (filter.status) add('status = ?', filter.status);
    if (filter.eventType) add('event_type = ?', filter.eventType);
    if (filter.before !== undefined) add('seq < ?', filter.before);
    const sql = `SELECT * FROM deliveries WHERE ${conditions.join(' AND ')} ORDER BY seq DESC LIMIT ?`;
    return (this.statement(sql).all(...params, filter.limit) as Row[]).map(toDelivery);
  }

  close(): void {
    this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) this.prepared.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }
}
