/**
 * The engine shared by every module of a client: the state store, the HTTP transport, the
 * real-time channel with its sequence bookkeeping, the outbox, and error reporting.
 * @packageDocumentation
 */
import { CimError, ServerError, toCimError } from './errors.js';
import { assertTransition } from './rules.js';
import { HttpTransport, type HttpOptions } from './http.js';
import { snapshotForCache, type InboxCache } from './cache.js';
import { memoryOutbox, type OutboxEntry, type OutboxStorage } from './outbox.js';
import type { RealtimeChannel, WebSocketFactory } from './realtime.js';
import { decodeEvent, decodeMessage, EventsPageSchema, type Message, SendResultSchema } from './schemas.js';
import { conversationDocuments, messageDocuments, type SearchDocument } from './search.js';
import type { SearchIndex } from './search-index.js';
import {
  type CimState,
  initialState,
  localId,
  putBlock,
  putConversations,
  putMessageBatches,
  removeMessage,
  type MessageBatch,
  type Thread,
  replaceMessage,
} from './state.js';
import { Store } from './store.js';

/** Options of {@link createClient}. */
export interface ClientOptions extends HttpOptions {
  /** Opens WebSockets; the global `WebSocket` by default. Pass `false` to run without real time. */
  webSocket?: WebSocketFactory | false;
  /** Where unsent messages wait; in memory by default, `indexedDbOutbox()` from `@creator-im/sdk/storage` to survive reloads. */
  outbox?: OutboxStorage;
  /** Real-time heartbeat interval, ms. */
  heartbeatMs?: number;
  /** First reconnect delay, ms. */
  reconnectBackoffMs?: number;
  /** Delay before an automatic retry of a failed send, ms (default 2 000, doubling to 60 000). */
  outboxRetryMs?: number;
  /** Keeps recent conversations and messages across reloads for an instant inbox (`indexedDbCache(creatorKey)` from `@creator-im/sdk/storage`). */
  cache?: InboxCache;
  /** Delay between a change and its write to the cache, ms (default 1 000). */
  cacheDelayMs?: number;
}

/** Something went wrong outside any call the application awaits (a bad event, a failed background send). */
export type ErrorListener = (error: CimError) => void;

type EventWithMessage = ReturnType<typeof decodeEvent>;

/** Internal: shared by the modules of one client. Not part of the public API. */
export class Core {
  readonly store = new Store<CimState>(initialState);
  readonly http: HttpTransport;
  realtime: RealtimeChannel | undefined;
  private readonly options: ClientOptions;
  private readonly socket: WebSocketFactory | undefined;
  private readonly errorListeners = new Set<ErrorListener>();
  private readonly pending = new Map<number, unknown>();
  private resyncing: Promise<void> | undefined;
  private readonly outbox: OutboxStorage;
  /** Client ids queued or being sent. */
  private readonly inFlight = new Set<string>();
  /** Per conversation, the tail of its chain of send attempts. */
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly outboxRetryMs: number;
  private readonly cache: InboxCache | undefined;
  private readonly cacheDelayMs: number;
  private cacheTimer: ReturnType<typeof setTimeout> | undefined;
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private stopCaching: (() => void) | undefined;
  disposed = false;

  constructor(options: ClientOptions) {
    this.http = new HttpTransport(options);
    this.cache = options.cache;
    this.cacheDelayMs = options.cacheDelayMs ?? 1_000;
    this.outbox = options.outbox ?? memoryOutbox();
    this.outboxRetryMs = options.outboxRetryMs ?? 2_000;
    this.options = options;
    const globalSocket = (globalThis as { WebSocket?: new (url: string) => unknown }).WebSocket;
    this.socket =
      options.webSocket === false
        ? undefined
        : (options.webSocket ?? (globalSocket ? (url) => new globalSocket(url) as ReturnType<WebSocketFactory> : undefined));
  }

  /**
   * Opens the real-time channel. Its code is a separate chunk: the first paint of the inbox needs
   * only HTTP, so the socket's code loads while the inbox renders.
   */
  async startRealtime(): Promise<void> {
    const socket = this.socket;
    if (!socket || this.realtime || this.disposed) return;
    const { RealtimeChannel } = await import('./realtime.js');
    if (this.realtime || this.disposed) return;
    const options = this.options;
    this.realtime = new RealtimeChannel(
      {
        socket,
        url: async () => {
          const url = this.http.url('/api/ws', { token: await this.http.getToken() });
          return url.replace(/^http/, 'ws');
        },
        heartbeatMs: options.heartbeatMs,
        backoffMs: options.reconnectBackoffMs,
        random: options.random,
      },
      {
        lastSeq: () => this.state.lastSeq,
        resync: () => this.resync(),
        event: (raw) => this.receive(raw),
        state: (connection) => {
          this.store.update((state) => (state.connection === connection ? state : { ...state, connection }));
          if (connection === 'online') void this.flushOutbox();
        },
        error: (error) => this.report(error),
      },
    );
    this.realtime.start();
  }

  get state(): CimState {
    return this.store.getSnapshot();
  }

  update(recipe: (state: CimState) => CimState): void {
    if (!this.disposed) this.store.update(recipe);
  }

  onError(listener: ErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Reports a background failure to error listeners (and the console when nobody listens). */
  report(error: unknown): void {
    const failure = toCimError(error);
    if (this.errorListeners.size === 0) console.warn('[creator-im]', failure);
    for (const listener of this.errorListeners) listener(failure);
  }

  /** Stores messages of one conversation and indexes them for search. */
  ingest(conversationId: string, messages: readonly Message[], patch?: Partial<Thread>): void {
    this.ingestBatches([{ conversationId, messages, patch }]);
  }

  /** Stores messages of many conversations in one state change (hydration) and indexes them. */
  ingestBatches(batches: readonly MessageBatch[]): void {
    this.update((state) => putMessageBatches(state, batches));
    for (const batch of batches) this.queueForSearch(batch.messages.flatMap(messageDocuments));
  }

  // ---- search index: its code loads lazily, and it indexes in idle slices ----

  private searchIndex: SearchIndex | undefined;
  private searchIndexLoad: Promise<SearchIndex> | undefined;
  private readonly unindexed: SearchDocument[] = [];

  private queueForSearch(documents: readonly SearchDocument[]): void {
    if (this.searchIndex) this.searchIndex.add(documents);
    else for (const document of documents) this.unindexed.push(document);
    this.scheduleIndexing();
  }

  /** The search index, with every document seen so far. Its code is a separate chunk, loaded once. */
  loadSearchIndex(): Promise<SearchIndex> {
    this.searchIndexLoad ??= import('./search-index.js').then(({ SearchIndex }) => {
      const index = new SearchIndex();
      index.add(this.unindexed);
      this.unindexed.length = 0;
      this.searchIndex = index;
      return index;
    });
    return this.searchIndexLoad;
  }

  /** Indexes new documents in short slices, so a large hydration never blocks a frame for long. */
  private scheduleIndexing(): void {
    if (this.indexTimer !== undefined || this.disposed || this.searchIndex?.backlog === 0) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      this.loadSearchIndex().then(
        (index) => {
          if (!index.drain(Date.now() + 12)) this.scheduleIndexing();
        },
        (error: unknown) => this.report(error),
      );
    }, 30);
  }

  /** Stores conversations and indexes their names. */
  ingestConversations(conversations: Parameters<typeof putConversations>[1], unseenUnread?: Parameters<typeof putConversations>[2]): void {
    this.update((state) => putConversations(state, conversations, unseenUnread));
    this.queueForSearch(conversations.flatMap(conversationDocuments));
  }

  // ---- cache: an instant inbox on start, revalidated by the network ----

  /**
   * Shows what the cache holds (before any request), then keeps the cache up to date. Threads
   * from the cache are not marked loaded, so opening one still fetches its latest page.
   */
  async hydrateFromCache(): Promise<void> {
    const cache = this.cache;
    if (!cache || this.stopCaching) return;
    try {
      const cached = await cache.load();
      if (cached && this.state.conversations.size === 0) {
        this.ingestConversations(cached.conversations);
        this.update((state) => ({ ...state, creator: state.creator ?? cached.creator, unread: cached.unread }));
        this.ingestBatches(cached.threads);
      }
    } catch (error) {
      this.report(error);
    }
    let last = this.state;
    this.stopCaching = this.store.subscribe(() => {
      const state = this.state;
      if (state.conversations === last.conversations && state.threads === last.threads) return;
      last = state;
      this.cacheTimer ??= setTimeout(() => {
        this.cacheTimer = undefined;
        cache.save(snapshotForCache(this.state)).catch((error: unknown) => this.report(error));
      }, this.cacheDelayMs);
    });
  }

  // ---- real time: strict sequence order, each event once ----

  /** Takes one raw event (socket or resync). Out-of-order events wait; a gap triggers a resync. */
  receive(raw: unknown): void {
    const seq = (raw as { seq?: unknown } | null)?.seq;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
      this.report(new CimError('invalid_payload', 'Dropped a real-time event without a valid sequence number.'));
      return;
    }
    if (seq <= this.state.lastSeq) return; // already applied
    this.pending.set(seq, raw);
    this.drain();
    if (this.pending.size > 0) void this.resync();
  }

  private drain(): void {
    for (let next = this.state.lastSeq + 1; this.pending.has(next); next++) {
      const raw = this.pending.get(next);
      this.pending.delete(next);
      try {
        this.apply(decodeEvent(raw));
      } catch (error) {
        // A malformed event is reported and skipped; the sequence still advances past it.
        this.report(error);
      }
      this.update((state) => ({ ...state, lastSeq: next }));
    }
    for (const seq of this.pending.keys()) if (seq <= this.state.lastSeq) this.pending.delete(seq);
  }

  /** Fetches every event after the last one applied; concurrent calls share one run. */
  resync(): Promise<void> {
    this.resyncing ??= (async () => {
      try {
        for (;;) {
          const after = this.state.lastSeq;
          const page = await this.http.request('/api/events', { query: { after }, schema: EventsPageSchema, what: 'event page' });
          for (const raw of page.events) this.receive(raw);
          if (this.state.lastSeq >= page.lastSeq || page.events.length === 0) break;
        }
      } finally {
        this.resyncing = undefined;
      }
    })();
    return this.resyncing;
  }

  private apply(event: EventWithMessage): void {
    switch (event.type) {
      case 'message.created':
        this.ingestConversations([event.data.conversation], () => (event.message?.sender === 'counterpart' ? 1 : 0));
        this.ingest(event.data.conversation.id, [event.message!]);
        if (event.message?.clientId) void this.settle(event.message.clientId);
        return;
      case 'conversation.updated':
        return this.ingestConversations([event.data.conversation]);
      case 'sample.updated': {
        const sample = event.data.sample;
        const before = this.state.samples[sample.id];
        if (before) assertTransition('sample', before.status, sample.status);
        return this.update((state) => ({ ...state, samples: { ...state.samples, [sample.id]: sample } }));
      }
      case 'invitation.updated': {
        const invitation = event.data.invitation;
        const before = this.state.invitations[invitation.id];
        if (before) assertTransition('invitation', before.state, invitation.state);
        return this.update((state) => ({ ...state, invitations: { ...state.invitations, [invitation.id]: invitation } }));
      }
      case 'link.updated': {
        const link = event.data.link;
        assertTransition('link', this.state.links[link.agencyId] ?? 'none', link.state);
        return this.update((state) => ({ ...state, links: { ...state.links, [link.agencyId]: link.state } }));
      }
      case 'block.updated':
        return this.update((state) => putBlock(state, event.data.seller, event.data.blocked));
      case 'showcase.updated': {
        const ids = event.data.productIds;
        return this.update((state) => ({
          ...state,
          showcase: { ...state.showcase, ...Object.fromEntries(ids.map((id) => [id, { state: 'added' as const }])) },
        }));
      }
    }
  }

  // ---- outbox: optimistic, persisted, exactly-once sends ----

  /** Puts a send in the outbox (persisted first), shows it optimistically, and starts sending it. */
  async enqueue(entry: OutboxEntry, optimistic: Message = optimisticMessage(entry)): Promise<void> {
    await this.outbox.put(entry);
    this.ingest(entry.conversationId, [{ ...optimistic, id: localId(entry.clientId), clientId: entry.clientId, delivery: 'sending' }]);
    await this.deliver(entry);
  }

  /** Restores the persisted outbox (after a reload) and sends what is in it. */
  async restoreOutbox(): Promise<void> {
    for (const entry of await this.outbox.load()) {
      if (!this.state.threads.get(entry.conversationId)?.messages.some((m) => m.clientId === entry.clientId)) {
        this.ingest(entry.conversationId, [optimisticMessage(entry)]);
      }
      this.setDelivery(entry, entry.failed ? 'failed' : 'sending');
    }
    await this.flushOutbox();
  }

  /** Sends every outbox entry not refused for good. */
  async flushOutbox(): Promise<void> {
    const entries = await this.outbox.load();
    await Promise.all(entries.filter((entry) => !entry.failed).map((entry) => this.deliver(entry)));
  }

  /** Sends one entry now (used by "retry"); resets a refused entry. */
  async retry(clientId: string): Promise<void> {
    const entry = (await this.outbox.load()).find((candidate) => candidate.clientId === clientId);
    if (!entry) return;
    const fresh = { ...entry, failed: false };
    await this.outbox.put(fresh);
    await this.deliver(fresh);
  }

  /** Gives up an unsent message: removed from the outbox and the thread. */
  async discard(clientId: string): Promise<void> {
    const entry = (await this.outbox.load()).find((candidate) => candidate.clientId === clientId);
    clearTimeout(this.retryTimers.get(clientId));
    await this.outbox.delete(clientId);
    if (entry) this.update((state) => removeMessage(state, entry.conversationId, localId(clientId)));
  }

  /**
   * Queues one attempt on its conversation's lane: sends of one conversation go one at a time, in
   * the order they were written, so the seller reads them in that order. Never rejects.
   */
  private deliver(entry: OutboxEntry): Promise<void> {
    if (this.inFlight.has(entry.clientId) || this.disposed) return Promise.resolve();
    this.inFlight.add(entry.clientId);
    clearTimeout(this.retryTimers.get(entry.clientId));
    const lane = (this.lanes.get(entry.conversationId) ?? Promise.resolve()).then(() => this.attempt(entry));
    this.lanes.set(entry.conversationId, lane);
    void lane.then(() => {
      if (this.lanes.get(entry.conversationId) === lane) this.lanes.delete(entry.conversationId);
    });
    return lane;
  }

  private async attempt(entry: OutboxEntry): Promise<void> {
    try {
      if (this.disposed) return;
      this.setDelivery(entry, 'sending');
      const path =
        entry.kind === 'text'
          ? `/api/conversations/${encodeURIComponent(entry.conversationId)}/messages`
          : `/api/conversations/${encodeURIComponent(entry.conversationId)}/samples`;
      const body = entry.kind === 'text' ? { clientId: entry.clientId, type: 'TEXT', text: entry.payload } : { clientId: entry.clientId, productId: entry.payload };
      const result = await this.http.request(path, { method: 'POST', body, idempotent: true, schema: SendResultSchema, what: 'send result' });
      const message = decodeMessage(result.message);
      this.ingestConversations([result.conversation]);
      this.ingest(entry.conversationId, [message]);
      await this.outbox.delete(entry.clientId);
    } catch (error) {
      const failure = toCimError(error);
      const refused = failure instanceof ServerError && failure.status >= 400 && failure.status < 500 && failure.status !== 429;
      const next = { ...entry, attempts: entry.attempts + 1, failed: refused };
      if (!this.disposed) await this.outbox.put(next).catch((storageError: unknown) => this.report(storageError));
      this.setDelivery(entry, 'failed');
      this.report(failure);
      if (!refused) this.scheduleRetry(next);
    } finally {
      this.inFlight.delete(entry.clientId);
    }
  }

  private scheduleRetry(entry: OutboxEntry): void {
    if (this.disposed) return;
    const delay = Math.min(60_000, this.outboxRetryMs * 2 ** Math.min(entry.attempts - 1, 10));
    this.retryTimers.set(entry.clientId, setTimeout(() => void this.deliver(entry), delay));
  }

  /** A server copy of one of our sends arrived (socket or resync): the outbox entry is done. */
  private async settle(clientId: string): Promise<void> {
    clearTimeout(this.retryTimers.get(clientId));
    this.retryTimers.delete(clientId);
    if (!this.inFlight.has(clientId)) await this.outbox.delete(clientId);
  }

  private setDelivery(entry: OutboxEntry, delivery: 'sending' | 'failed'): void {
    this.update((state) => replaceMessage(state, entry.conversationId, localId(entry.clientId), (message) => ({ ...message, delivery })));
  }

  dispose(): void {
    this.disposed = true;
    this.stopCaching?.();
    clearTimeout(this.cacheTimer);
    clearTimeout(this.indexTimer);
    this.realtime?.stop();
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
  }
}

/** The optimistic stand-in for an outbox entry, shown until the server's copy arrives. */
export function optimisticMessage(entry: OutboxEntry): Message {
  const base = {
    id: localId(entry.clientId),
    conversationId: entry.conversationId,
    seq: 0,
    sender: 'creator' as const,
    sentAt: entry.createdAt,
    clientId: entry.clientId,
    delivery: 'sending' as const,
  };
  if (entry.kind === 'text') return { ...base, type: 'TEXT', text: entry.payload };
  return { ...base, type: 'SYSTEM_NOTICE', notice: { code: 'sample_pending', text: 'Requesting sample…' } };
}
