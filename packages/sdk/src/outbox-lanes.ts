/**
 * Outbox delivery, one lane per conversation: a send never overtakes an earlier one of its
 * conversation still waiting to be delivered, however often that one fails. A lazy chunk: the
 * first paint needs none of it.
 * @packageDocumentation
 */
import type { Core } from './core.js';
import { disposedError, ServerError, toCimError } from './errors.js';
import { optimisticMessage, type OutboxEntry, type OutboxStorage } from './outbox.js';
import { localId, putMessageBatches, removeMessage, replaceMessage } from './state.js';

/** What the outbox needs from the client. */
export interface OutboxHost {
  /** Sends one entry; resolves when the server stored it (its answer already applied). */
  send(entry: OutboxEntry): Promise<void>;
  /** Shows the entry's optimistic message with this delivery state (adds it when missing). */
  show(entry: OutboxEntry, delivery: 'sending' | 'failed'): void;
  /** Removes the entry's optimistic message. */
  hide(entry: OutboxEntry): void;
  report(error: unknown): void;
  /** The signed-in creator's id (entries are theirs): known from the summary, else asked for. */
  creator(): Promise<string>;
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
  async enqueue(unowned: OutboxEntry): Promise<void> {
    if (this.disposed) throw disposedError();
    // Stamped with its creator: only their client restores and delivers it after a reload.
    const entry: OutboxEntry = { ...unowned, creatorId: await this.host.creator() };
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

  /**
   * Restores the persisted outbox (after a reload): shows every entry of the signed-in creator (and
   * every entry that names no creator) and delivers what can be. Other creators' entries stay
   * stored, untouched, for their own client.
   */
  async restore(): Promise<void> {
    const creatorId = await this.host.creator();
    for (const entry of await this.storage.load()) {
      if (this.disposed || this.entries.has(entry.clientId)) continue;
      if (entry.creatorId !== undefined && entry.creatorId !== creatorId) continue;
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
        // Doubling from `retryMs`, at most 64 times it and never over a minute.
        const delay = Math.min(60_000, this.retryMs * 2 ** Math.min(next.attempts - 1, 6));
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



/** The outbox's host on a client core: how a send goes out and how it shows in its thread. */
export function coreHost(core: Core): OutboxHost {
  // Before start() applied the summary (a send right after a reload): ask for its creator only;
  // start() applies the summary itself, after catching up from the cache.
  // (once.ts's pattern, written out: importing it here would split it into a chunk of its own.)
  let asked: Promise<string> | undefined;
  const ask = (): Promise<string> => {
    const attempt = core.request('/api/inbox/summary', { answer: 'inbox summary' }).then((summary) => summary.creator.id);
    attempt.catch(() => {
      if (asked === attempt) asked = undefined; // asked again next time
    });
    return (asked = attempt);
  };
  return {
    creator: () => {
      const known = core.state.creator?.id;
      return known === undefined ? (asked ?? ask()) : Promise.resolve(known);
    },
    async send(entry) {
      const base = `/api/conversations/${encodeURIComponent(entry.conversationId)}`;
      const result = await core.request(entry.kind === 'text' ? `${base}/messages` : `${base}/samples`, {
        method: 'POST',
        body: entry.kind === 'text' ? { clientId: entry.clientId, type: 'TEXT', text: entry.payload } : { clientId: entry.clientId, productId: entry.payload },
        idempotent: true,
        answer: 'send result',
      });
      const { decodeMessage } = await core.decoders(); // loaded by the request
      core.apply({ type: 'sent', message: decodeMessage(result.message), conversation: result.conversation });
    },
    show(entry, delivery) {
      core.update((state) => {
        const id = localId(entry.clientId);
        const thread = state.threads.get(entry.conversationId);
        if (thread?.messages.some((m) => m.clientId === entry.clientId && !m.delivery)) return state; // already confirmed
        if (thread?.messages.some((m) => m.id === id)) return replaceMessage(state, entry.conversationId, id, (m) => (m.delivery === delivery ? m : { ...m, delivery }));
        return putMessageBatches(state, [{ conversationId: entry.conversationId, messages: [optimisticMessage(entry, delivery)] }]);
      });
    },
    hide: (entry) => core.update((state) => removeMessage(state, entry.conversationId, localId(entry.clientId))),
    report: (error) => core.report(error),
  };
}
