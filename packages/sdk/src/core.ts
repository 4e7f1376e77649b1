/**
 * The wiring shared by every module of a client: the state store and its one write path, the
 * HTTP transport, the event sequencer, the outbox, the search queue, cache syncing and error
 * reporting. Each of those lives in its own file; this one only connects them.
 * @packageDocumentation
 */
import type { CacheSync } from './cache-sync.js';
import type { InboxCache } from './cache.js';
import { ArgumentError, CimError, disposedError, NetworkError, InvalidRecordError, toCimError, ValidationError } from './errors.js';
import { HttpTransport, type HttpOptions, type RequestOptions } from './http.js';
import { hostIdle, type IdleScheduler } from './idle.js';
import { once } from './once.js';
import { memoryOutbox, type OutboxEntry, type OutboxStorage } from './outbox.js';
import type { Outbox } from './outbox-lanes.js';
import type { RealtimeChannel, WebSocketFactory } from './realtime.js';
import { conversationDocuments, messageDocuments } from './search.js';
import { SearchQueue } from './search-queue.js';
import type { EventSequencer } from './sequencer.js';
import { type Answer, applyAnswer, type CimState, initialState, viewKey } from './state.js';
import { Store } from './store.js';
import type * as v from 'valibot';

/** The client's decoders (`decoders.ts`, with valibot and the wire schemas): a chunk of their own. */
export type Decoders = typeof import('./decoders.js');
/** The answers the client reads, by what they are. */
export type AnswerName = keyof Decoders['ANSWERS'];
/** The records of list answers, by what they are. */
export type RecordName = keyof Decoders['RECORDS'];

/** One request through the core: the transport's options, plus the answer it expects. */
export interface CoreRequest<A extends AnswerName> extends RequestOptions {
  /** What the answer is: it picks the schema, and names the answer in errors. */
  answer: A;
}

/**
 * A lazy chunk, loaded once. A load that fails (offline, a CDN 404, a CSP refusal) rejects with a
 * typed `network` error, and the next call loads it again rather than failing forever.
 */
const lazy = <T>(load: () => Promise<T>): (() => Promise<T>) =>
  once(() =>
    load().catch((error: unknown) => {
      throw error instanceof CimError ? error : new NetworkError('network', `Part of Creator IM could not be loaded; try again. (${String(error)})`, { cause: error });
    }),
  );

/** Options of {@link createClient}. */
export interface ClientOptions extends HttpOptions {
  /**
   * Opens WebSockets; the global `WebSocket` by default. In Node 20 (no global WebSocket) pass one,
   * e.g. `(url) => new WebSocket(url)` from the `ws` package; `false` runs without real time.
   */
  webSocket?: WebSocketFactory | false;
  /** Where unsent messages wait; in memory by default, `indexedDbOutbox()` from `@creator-im/sdk/storage` to survive reloads. */
  outbox?: OutboxStorage;
  /** Real-time heartbeat interval, ms. */
  heartbeatMs?: number;
  /** First reconnect delay, ms. */
  reconnectBackoffMs?: number;
  /** Delay before an automatic retry of a failed send, ms (default 2 000, doubling to 60 000). */
  outboxRetryMs?: number;
  /** First delay before repeating a failed automatic resync, ms (default 500, doubling to 30 000). */
  resyncBackoffMs?: number;
  /** Keeps recent conversations, messages and cards across reloads for an instant inbox (`indexedDbCache(creatorKey)` from `@creator-im/sdk/storage`). */
  cache?: InboxCache;
  /** Delay between a change and its write to the cache, ms (default 1 000). */
  cacheDelayMs?: number;
  /**
   * Runs the start-up work the first paint does not need — opening the real-time channel, writing
   * the cache, search indexing, loading Showcase, blocks, links and quick replies — once the host
   * is idle. Default: `requestIdleCallback` where it exists, else right after the next frame, else
   * a timer (Node).
   */
  idle?: IdleScheduler;
}

/** Something went wrong outside any call the application awaits (a bad record, a failed background send). */
export type ErrorListener = (error: CimError) => void;

/** Internal: shared by the modules of one client. Not part of the public API. */
export class Core {
  readonly store = new Store<CimState>(initialState);
  readonly http: HttpTransport;
  realtime: RealtimeChannel | undefined;
  /** The event sequencer, a lazy chunk loaded by {@link sequence} (start loads it). */
  sequencer: EventSequencer | undefined;
  private readonly sequencerChunk = lazy(async () => {
    // Events are decoded synchronously as they arrive: the decoders load beside the sequencer's code.
    const [{ EventSequencer, coreHost }, decoders] = await Promise.all([import('./sequencer.js'), this.decoders()]);
    const sequencer = new EventSequencer(coreHost(this, decoders), { backoffMs: this.options.resyncBackoffMs });
    if (this.disposed) sequencer.dispose();
    this.sequencer = sequencer;
    for (const raw of this.early.splice(0)) sequencer.receive(raw);
    return sequencer;
  });
  /** Raw events received before the sequencer's code arrived. */
  private readonly early: unknown[] = [];
  /** Outbox delivery, a lazy chunk loaded on the first send or restore. */
  private readonly outboxChunk = lazy(async () => {
    const { Outbox, coreHost } = await import('./outbox-lanes.js');
    const lanes = new Outbox(this.outboxStorage, coreHost(this), this.options.outboxRetryMs ?? 2_000);
    if (this.disposed) lanes.dispose();
    this.outboxLanes = lanes;
    return lanes;
  });
  /** Outbox delivery once its chunk is loaded. */
  outboxLanes: Outbox | undefined;
  private readonly outboxStorage: OutboxStorage;
  readonly search: SearchQueue;
  private cacheSync: CacheSync | undefined;
  readonly options: ClientOptions;
  /** Runs work the first paint does not need (see {@link ClientOptions.idle}). */
  readonly idle: IdleScheduler;
  private readonly socket: WebSocketFactory | undefined;
  private readonly errorListeners = new Set<ErrorListener>();
  private readonly decodersChunk = lazy(async () => (this.loadedDecoders = await import('./decoders.js')));
  /** The decoders once loaded, for checks that run synchronously when they can (quick replies). */
  loadedDecoders: Decoders | undefined;
  private readonly writesChunk = lazy(() => import('./writes.js'));
  /** Ids of bad records already reported: each is reported once. */
  private readonly reported = new Set<string>();
  disposed = false;

  constructor(options: ClientOptions) {
    if (!options || typeof options !== 'object') throw new ArgumentError('createClient needs options: { baseUrl, token }.');
    this.http = new HttpTransport(options);
    this.options = options;
    if (options.idle !== undefined && typeof options.idle !== 'function') throw new ArgumentError('idle must be a function.');
    this.idle = options.idle ?? hostIdle();
    const report = (error: unknown) => this.report(error);
    this.search = new SearchQueue(report, this.idle);
    this.outboxStorage = options.outbox ?? memoryOutbox();
    const globalSocket = (globalThis as { WebSocket?: new (url: string) => unknown }).WebSocket;
    this.socket =
      options.webSocket === false
        ? undefined
        : (options.webSocket ?? (globalSocket ? (url) => new globalSocket(url) as ReturnType<WebSocketFactory> : undefined));
  }

  /** The event sequencer, loading its chunk once (a failed load is tried again by the next call). */
  sequence(): Promise<EventSequencer> {
    return this.sequencerChunk();
  }

  /** Takes one raw event (socket, adapter); held until the sequencer's code is loaded. */
  receive(raw: unknown): void {
    try {
      raw = JSON.parse(JSON.stringify(raw), this.http.media); // its media URLs, as answers' (http.media)
    } catch (error) {
      return this.report(new ValidationError('event', ['(root): not JSON'], { cause: error }));
    }
    if (this.sequencer) return this.sequencer.receive(raw);
    this.early.push(raw);
    this.sequence().catch((error: unknown) => this.report(error));
  }

  /** Outbox delivery, loading its chunk once (a failed load is tried again by the next call). */
  outbox(): Promise<Outbox> {
    return this.outboxChunk();
  }

  get state(): CimState {
    return this.store.getSnapshot();
  }

  /** Throws `disposed` once the client is disposed: every public call checks it first. */
  alive(): void {
    if (this.disposed) throw disposedError();
  }

  /** Writes the state (ignored after dispose). Every write is one snapshot, one notification. */
  update(recipe: (state: CimState) => CimState): void {
    if (!this.disposed) this.store.update(recipe);
  }

  /** Folds one answer into the state, and queues what it brings for search. */
  apply(answer: Answer): void {
    this.update((state) => applyAnswer(state, answer));
    if (answer.type === 'conversations') this.search.add(answer.conversations.flatMap(conversationDocuments));
    else if (answer.type === 'conversation' || answer.type === 'sent') this.search.add(conversationDocuments(answer.conversation));
    if (answer.type === 'messages') this.search.add(answer.messages.flatMap(messageDocuments));
    else if (answer.type === 'sent') this.search.add(messageDocuments(answer.message));
  }

  /**
   * The decoders, loading their chunk once. Every request starts this load together with its
   * fetch, so the code arrives while the answer is on the wire (no waterfall); a failed load is
   * tried again by the next request.
   */
  decoders(): Promise<Decoders> {
    return this.decodersChunk();
  }

  /**
   * The write paths the first paint never calls (writes.ts), loading their chunk once: on the
   * first such call, or in idle time after start. A failed load is tried again by the next call.
   */
  writes(): Promise<typeof import('./writes.js')> {
    return this.writesChunk();
  }

  /** Sends a request and returns its validated answer ({@link ValidationError} when it breaks the contract). */
  async request<A extends AnswerName>(path: string, request: CoreRequest<A>): Promise<v.InferOutput<Decoders['ANSWERS'][A]>> {
    this.alive();
    const loading = this.decoders(); // beside the fetch, not after it
    const body = await this.http.request(path, request);
    const { ANSWERS, parse } = await loading;
    return parse(ANSWERS[request.answer], body, request.answer);
  }

  onError(listener: ErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Reports a background failure to error listeners (and the console when nobody listens). */
  report(error: unknown): void {
    const failure = toCimError(error);
    if (failure.code === 'disposed' || failure.code === 'aborted') return;
    if (failure instanceof InvalidRecordError) {
      if (this.reported.has(failure.message)) return;
      this.reported.add(failure.message);
    }
    if (this.errorListeners.size === 0) console.warn('[creator-im]', failure);
    for (const listener of this.errorListeners) listener(failure);
  }

  /**
   * Validates a list record by record: a bad one is left out and reported once (with its id), so
   * one bad record never takes its whole view down. `what` the records are picks their decoder.
   */
  async items<R extends RecordName>(records: readonly unknown[], what: R): Promise<ReturnType<Decoders['RECORDS'][R]>[]> {
    const decode = (await this.decoders()).RECORDS[what] as (record: unknown) => ReturnType<Decoders['RECORDS'][R]>;
    const good: ReturnType<Decoders['RECORDS'][R]>[] = [];
    for (const record of records) {
      try {
        good.push(decode(record));
      } catch (error) {
        const typed = record as { id?: unknown; productId?: unknown; agencyId?: unknown; conversationId?: unknown } | null;
        const id = typed?.id ?? typed?.productId ?? typed?.agencyId ?? typed?.conversationId;
        this.report(new InvalidRecordError(what, typeof id === 'string' ? id.slice(0, 80) : '(unknown)', error instanceof ValidationError ? error.issues : [String(error)]));
      }
    }
    return good;
  }

  /** Loads one page of conversations into a view, record by record. */
  async conversationPage(tab: string, filter: string, cursor: string | null, options: { signal?: AbortSignal; limit?: number }): Promise<void> {
    const page = await this.request('/api/conversations', {
      query: { tab, filter, cursor, limit: options.limit },
      signal: options.signal,
      answer: 'conversation page',
    });
    const conversations = await this.items(page.conversations, 'conversation');
    this.apply({ type: 'conversations', key: viewKey(tab as never, filter), conversations, nextCursor: page.nextCursor });
  }

  // ---- start: the cache read beside the first requests, then catch up from the cache's sequence ----

  /**
   * Reads the cache (once per client) and shows what the network has not answered yet. Resolves
   * with whether it showed anything. Never rejects: a cache that cannot be read is reported and
   * the inbox loads from the network.
   */
  async showCache(): Promise<boolean> {
    const cache = this.options.cache;
    // Read once per client: a retried start() is told whether the first one showed it.
    if (!cache || this.cacheSync) return this.cacheShown;
    try {
      const { CacheSync } = await import('./cache-sync.js');
      this.alive();
      this.cacheSync ??= new CacheSync(cache, this.store, this.options.cacheDelayMs ?? 1_000, this.idle, (error) => this.report(error));
      this.cacheShown = (await this.cacheSync.hydrate()) !== undefined;
      return this.cacheShown;
    } catch (error) {
      this.report(error);
      return false;
    }
  }
  private cacheShown = false;

  /**
   * After a cached inbox was shown: catches up from the sequence it recorded through
   * `/api/events` (or revalidates everything when the server no longer has that history); a cache
   * without a sequence has its cards revalidated in the background. Once: a start() retried after
   * it failed runs it again (the summary, which moves the sequence to the server's, comes after it).
   */
  async catchUpFromCache(): Promise<void> {
    if (this.caughtUp) return;
    const sequencer = await this.sequence();
    if (this.state.lastSeq > 0) await sequencer.resync();
    else void sequencer.revalidateCards();
    this.caughtUp = true;
  }
  private caughtUp = false;

  /** Starts writing the state to the cache (after the first paint). */
  watchCache(): void {
    this.cacheSync?.watch();
  }

  /** Set by the client: reloads summary, first inbox page, Showcase, blocks, links and quick replies. */
  reloadAll: (() => Promise<void>) | undefined;

  /** Loads one page of a thread, message by message. */
  async messagePage(conversationId: string, before: string | null, options: { signal?: AbortSignal; limit?: number }): Promise<void> {
    const asOf = this.state.lastSeq;
    const page = await this.request(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, {
      query: { before, limit: options.limit },
      signal: options.signal,
      answer: 'message page',
    });
    const messages = await this.items(page.messages, 'message');
    // The server answers with cards as they are now: as recent as every event applied before the request.
    this.apply({ type: 'messages', conversationId, messages, olderCursor: page.olderCursor, latest: before === null, asOf: page.lastSeq ?? asOf });
  }

  // ---- real time ----

  /** Whether a WebSocket can be opened here. */
  get canRealtime(): boolean {
    return this.socket !== undefined || this.options.webSocket === false;
  }

  /**
   * Opens the real-time channel. Its code is a separate chunk: the first paint of the inbox needs
   * only HTTP, so the socket's code loads while the inbox renders.
   */
  async startRealtime(): Promise<void> {
    const socket = this.socket;
    if (!socket || this.realtime || this.disposed) return;
    const { connect } = await import('./realtime.js');
    if (this.realtime || this.disposed) return;
    this.realtime = connect(this, socket);
    this.realtime.start();
  }

  // ---- outbox ----

  /**
   * Puts a send in the outbox (persisted first), shows it optimistically, and starts its lane.
   * The persisted outbox is restored first: a send made before start() got to it (it waits for
   * idle time) never overtakes one kept from before a reload.
   */
  async enqueue(entry: OutboxEntry): Promise<void> {
    await this.restoreOutbox().catch((error: unknown) => this.report(error));
    await (await this.outbox()).enqueue(entry);
  }

  /**
   * Restores the persisted outbox once (start, or the first send when it comes first): only the
   * signed-in creator's entries. A failed restore is tried again.
   */
  readonly restoreOutbox = once(async () => (await this.outbox()).restore());

  dispose(): void {
    if (this.disposed) return;
    this.update((state) => (state.connection === 'idle' ? state : { ...state, connection: 'idle' }));
    this.disposed = true;
    this.http.close();
    this.sequencer?.dispose();
    this.outboxLanes?.dispose();
    this.search.dispose();
    this.cacheSync?.dispose();
    this.realtime?.stop();
  }
}
