/**
 * The outbox: the creator's sends (texts, sample requests) waiting for the server. Entries are
 * persisted before the first attempt, so a reload or a closed tab loses nothing, and carry a
 * client id the server de-duplicates by, so a repeated attempt never delivers twice. Each
 * conversation is one lane: a send never overtakes an earlier one still waiting to be delivered,
 * however often that one fails.
 * @packageDocumentation
 */
import { disposedError, ServerError, toCimError } from './errors.js';
import type { Message, Product } from './schemas.js';
import { localId } from './state.js';
/** A send waiting for, or refused by, the server. */
export interface OutboxEntry {
  /** Client-generated id; the server de-duplicates by it. */
  readonly clientId: string;
  readonly conversationId: string;
  readonly kind: 'text' | 'sample';
  /** The text, or the product id of a sample request. */
  readonly payload: string;
  /** A sample request's product as the card shows it (so a restored request shows the same card). */
  readonly product?: Product;
  /** ISO time the creator sent it. */
  readonly createdAt: string;
  /** Strictly increasing within a client (and across reloads): the order sends are delivered in. */
  readonly order: number;
  readonly attempts: number;
  /** Set once the server refused it for good (4xx); such entries wait for retry or discard. */
  readonly failed: boolean;
}

/** Where the outbox lives. In-memory by default; `indexedDbOutbox` from `@creator-im/sdk/storage` survives reloads. */
export interface OutboxStorage {
  load(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(clientId: string): Promise<void>;
}

/** An outbox that lives as long as the page. */
export function memoryOutbox(): OutboxStorage {
  const entries = new Map<string, OutboxEntry>();
  return {
    load: () => Promise.resolve(byOrder([...entries.values()])),
    put: (entry) => {
      entries.set(entry.clientId, entry);
      return Promise.resolve();
    },
    delete: (clientId) => {
      entries.delete(clientId);
      return Promise.resolve();
    },
  };
}

/** Sorts entries into delivery order. */
export const byOrder = (entries: OutboxEntry[]): OutboxEntry[] => entries.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

let lastOrder = 0;

/** A new outbox entry for a send the creator just made. */
export function newEntry(conversationId: string, kind: OutboxEntry['kind'], payload: string, product?: Product): OutboxEntry {
  const now = Date.now();
  // Microsecond-scaled wall time keeps the order across reloads; the +1 keeps it strict within one.
  lastOrder = Math.max(lastOrder + 1, now * 1000);
  return { clientId: newClientId(), conversationId, kind, payload, ...(product ? { product } : {}), createdAt: new Date(now).toISOString(), order: lastOrder, attempts: 0, failed: false };
}

/** The optimistic stand-in for an outbox entry, shown until the server's copy arrives: the same after a reload. */
export function optimisticMessage(entry: OutboxEntry, delivery: 'sending' | 'failed' = entry.failed ? 'failed' : 'sending'): Message {
  const base = { id: localId(entry.clientId), conversationId: entry.conversationId, seq: 0, sender: 'creator' as const, sentAt: entry.createdAt, clientId: entry.clientId, delivery };
  if (entry.kind === 'text') return { ...base, type: 'TEXT', text: entry.payload };
  const product: Product = entry.product ?? { id: entry.payload, name: '', imageUrl: null, price: { amount: 0, currency: 'USD' }, commissionRate: 0 };
  return {
    ...base,
    type: 'SAMPLE_REQUEST',
    sample: { id: localId(entry.clientId), conversationId: entry.conversationId, product, requestedAt: entry.createdAt, status: 'to_review' },
  };
}

/** What the outbox needs from the client. */
export interface OutboxHost {
  /** Sends one entry; resolves when the server stored it (its answer already applied). */
  send(entry: OutboxEntry): Promise<void>;
  /** Shows the entry's optimistic message with this delivery state (adds it when missing). */
  show(entry: OutboxEntry, delivery: 'sending' | 'failed'): void;
  /** Removes the entry's optimistic message. */
  hide(entry: OutboxEntry): void;
  report(error: unknown): void;
}

/** Delivers outbox entries: one lane per conversation, in the order written, retried with backoff. */
export class Outbox {
  /** Every entry not yet confirmed, by client id (a write-through mirror of the storage). */
  private readonly entries = new Map<string, OutboxEntry>();
  /** Conversations whose lane is delivering now. */
  private readonly running = new Set<string>();
  /** Per conversation, the timer of the head's next automatic try. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Client ids the server confirmed (through an event) while their attempt was in flight. */
  private readonly confirmed = new Set<string>();
  /** Callers of {@link enqueue} waiting for their entry's first attempt, by client id. */
  private readonly waiters = new Map<string, { conversationId: string; done: () => void }>();
  private disposed = false;

  constructor(
    private readonly storage: OutboxStorage,
    private readonly host: OutboxHost,
    private readonly retryMs: number,
  ) {}

  /**
   * Persists a new send, shows it, and starts its lane. Resolves once its first attempt settled,
   * or at once when it waits behind an earlier send of its conversation that waits for a retry.
   * Rejects only when it cannot be persisted.
   */
  async enqueue(entry: OutboxEntry): Promise<void> {
    if (this.disposed) throw disposedError();
    await this.storage.put(entry);
    if (this.disposed) throw disposedError();
    this.entries.set(entry.clientId, entry);
    this.host.show(entry, 'sending');
    if (this.timers.has(entry.conversationId)) return; // queued behind a send waiting for its retry
    const settled = new Promise<void>((done) => this.waiters.set(entry.clientId, { conversationId: entry.conversationId, done }));
    this.kick(entry.conversationId);
    await settled;
  }

  /** Releases the callers waiting on a lane (or on one entry). */
  private release(conversationId: string, clientId?: string): void {
    for (const [id, waiter] of this.waiters) {
      if (clientId ? id === clientId : waiter.conversationId === conversationId) {
        this.waiters.delete(id);
        waiter.done();
      }
    }
  }

  /** Restores the persisted outbox (after a reload): shows every entry and delivers what can be. */
  async restore(): Promise<void> {
    for (const entry of await this.storage.load()) {
      if (this.disposed || this.entries.has(entry.clientId)) continue;
      this.entries.set(entry.clientId, entry);
      this.host.show(entry, entry.failed ? 'failed' : 'sending');
    }
    this.flush();
  }

  /** Delivers every lane now (the connection came back). */
  flush(): void {
    for (const conversationId of new Set([...this.entries.values()].map((entry) => entry.conversationId))) this.kick(conversationId, true);
  }

  /** "Retry": resets a refused entry and delivers its lane now. */
  async retry(clientId: string): Promise<void> {
    if (this.disposed) throw disposedError();
    const entry = this.entries.get(clientId);
    if (!entry) return;
    await this.write({ ...entry, failed: false });
    const settled = new Promise<void>((done) => this.waiters.set(clientId, { conversationId: entry.conversationId, done }));
    this.kick(entry.conversationId, true);
    await settled;
  }

  /** "Discard": the entry leaves the outbox and its thread; the lane moves on. */
  async discard(clientId: string): Promise<void> {
    if (this.disposed) throw disposedError();
    const entry = this.entries.get(clientId);
    if (!entry) return;
    this.entries.delete(clientId);
    await this.storage.delete(clientId);
    this.host.hide(entry);
    this.kick(entry.conversationId, true);
  }

  /** The server's copy of a send arrived (socket or resync): that entry is done. */
  confirm(clientId: string): void {
    const entry = this.entries.get(clientId);
    if (!entry) return;
    if (this.running.has(entry.conversationId)) {
      this.confirmed.add(clientId);
      return;
    }
    this.entries.delete(clientId);
    this.storage.delete(clientId).catch((error: unknown) => this.host.report(error));
    this.kick(entry.conversationId, true);
  }

  private async write(entry: OutboxEntry): Promise<void> {
    this.entries.set(entry.clientId, entry);
    await this.storage.put(entry).catch((error: unknown) => this.host.report(error));
  }

  /** The next entry of a lane: the oldest not refused for good. */
  private head(conversationId: string): OutboxEntry | undefined {
    let head: OutboxEntry | undefined;
    for (const entry of this.entries.values()) {
      if (entry.conversationId === conversationId && !entry.failed && (!head || entry.order < head.order)) head = entry;
    }
    return head;
  }

  /** Starts a lane unless it runs; `now` cancels a pending backoff. */
  private kick(conversationId: string, now = false): void {
    if (this.disposed || this.running.has(conversationId)) return;
    if (this.timers.has(conversationId)) {
      if (!now) return;
      clearTimeout(this.timers.get(conversationId));
      this.timers.delete(conversationId);
    }
    this.running.add(conversationId);
    void this.drain(conversationId).finally(() => {
      this.running.delete(conversationId);
      this.release(conversationId);
    });
  }

  /** Delivers a lane's entries one at a time; stops at the first that must wait for a retry. */
  private async drain(conversationId: string): Promise<void> {
    for (let entry = this.head(conversationId); entry && !this.disposed; entry = this.head(conversationId)) {
      const current: OutboxEntry = entry;
      try {
        this.host.show(current, 'sending');
        await this.host.send(current);
        this.entries.delete(current.clientId);
        await this.storage.delete(current.clientId).catch((error: unknown) => this.host.report(error));
      } catch (error) {
        const failure = toCimError(error);
        if (this.disposed || failure.code === 'disposed') return;
        if (this.confirmed.delete(current.clientId)) {
          this.entries.delete(current.clientId);
          continue;
        }
        if (!this.entries.has(current.clientId)) continue; // discarded meanwhile
        const refused = failure instanceof ServerError && failure.status >= 400 && failure.status < 500 && failure.status !== 429;
        const next = { ...current, attempts: current.attempts + 1, failed: refused };
        await this.write(next);
        this.host.show(next, 'failed');
        this.host.report(failure);
        if (refused) continue; // refused for good: waits for retry or discard; the lane moves on
        // Everything behind it waits: a send never overtakes an earlier unsent one.
        const delay = Math.min(60_000, this.retryMs * 2 ** Math.min(next.attempts - 1, 10));
        this.timers.set(conversationId, setTimeout(() => {
          this.timers.delete(conversationId);
          this.kick(conversationId);
        }, delay));
        return;
      } finally {
        this.confirmed.delete(current.clientId);
        this.release(conversationId, current.clientId);
      }
    }
  }

  /** Stops every lane and timer; entries stay persisted for the next client. */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const waiter of this.waiters.values()) waiter.done();
    this.waiters.clear();
  }
}


/** A fresh client id: random, URL-safe, unique across tabs and reloads. */
export function newClientId(): string {
  const crypto = globalThis.crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}
