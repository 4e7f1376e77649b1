import { requireSignal } from './args.js';
import { Core, type ClientOptions, type ErrorListener } from './core.js';
import { ArgumentError, CimError, toCimError } from './errors.js';
import { AgencyModule } from './modules/agency.js';
import { BlocksModule } from './modules/blocks.js';
import { ConversationsModule } from './modules/conversations.js';
import { EntrancesModule } from './modules/entrances.js';
import { InboxModule } from './modules/inbox.js';
import { SamplesModule } from './modules/samples.js';
import { SearchApi } from './modules/search.js';
import { ShowcaseModule } from './modules/showcase.js';
import type { CimState, ConnectionState } from './state.js';
import { select, type ReadableStore } from './store.js';

/**
 * A Creator IM client: one per signed-in creator. Create it with {@link createClient}, call
 * {@link CreatorImClient.start}, and read state through the modules' stores.
 */
export class CreatorImClient {
  private readonly core: Core;
  /** Tabs, filters, pagination, unread counts, star, mark read. */
  readonly inbox: InboxModule;
  /** History, sending, delivery states, retry, quick replies. */
  readonly conversations: ConversationsModule;
  /** Sample requests and their statuses. */
  readonly samples: SamplesModule;
  /** Adding products from product lists to the Showcase. */
  readonly showcase: ShowcaseModule;
  /** Blocking and unblocking sellers. */
  readonly blocks: BlocksModule;
  /** Agency invitations, agreements, links and unlink requests. */
  readonly agency: AgencyModule;
  /** One query, four modules. */
  readonly search: SearchApi;
  /** Opening a seller conversation from one of the five entrances. */
  readonly entrances: EntrancesModule;
  /** The real-time connection state. */
  readonly connection: ReadableStore<ConnectionState>;

  private starting: Promise<void> | undefined;

  constructor(options: ClientOptions) {
    this.core = new Core(options);
    this.inbox = new InboxModule(this.core);
    this.conversations = new ConversationsModule(this.core, (id) => this.inbox.markRead(id));
    this.samples = new SamplesModule(this.core);
    this.showcase = new ShowcaseModule(this.core);
    this.blocks = new BlocksModule(this.core);
    this.agency = new AgencyModule(this.core);
    this.search = new SearchApi(this.core);
    this.entrances = new EntrancesModule(this.core);
    this.connection = select(this.core.store, (state) => state.connection);
    this.core.reloadAll = () => this.reload();
  }

  /** The whole state as one immutable snapshot store (prefer the modules' narrower stores in UIs). */
  get state(): ReadableStore<CimState> {
    return this.core.store;
  }

  /** Whether {@link start} was called (it may still be running, or have failed). */
  get started(): boolean {
    return this.starting !== undefined;
  }

  /** Whether {@link dispose} was called. */
  get disposed(): boolean {
    return this.core.disposed;
  }

  /**
   * Starts the client. First paint: requests the summary and the first page of "TikTok Shop" at
   * once, and (with a `cache`) reads the cached inbox beside them, showing what the network has
   * not answered yet (usually all of it: the cache comes first); a shown cache then catches up from the sequence it recorded (through `/api/events`, or by
   * revalidating every cached entity when the server no longer has that history). Then, once the
   * host is idle (see the `idle` option): loads Showcase, blocks, links and quick replies, starts
   * writing the cache, restores the outbox and opens the real-time channel. Resolves when all of
   * that is done (delivery of restored sends goes on in the background).
   *
   * Rejects with a {@link CimError} when the summary or first page cannot be loaded (the client
   * stays usable; call `start()` again), with `no_websocket` when real time is wanted but no
   * WebSocket exists (Node 20: pass `webSocket`), and with `disposed` after {@link dispose}.
   * Calling it again while it runs returns the same promise.
   */
  async start(signal?: AbortSignal): Promise<void> {
    requireSignal(signal);
    this.core.alive();
    if (!this.core.canRealtime) {
      throw new CimError(
        'no_websocket',
        'No WebSocket here (Node 20 has none): pass createClient({ webSocket: (url) => new WebSocket(url) }) with WebSocket from the "ws" package, or webSocket: false to run without real time.',
      );
    }
    const run = (this.starting ??= this.run(signal).catch((error: unknown) => {
      this.starting = undefined; // a failed start can be retried
      throw toCimError(error);
    }));
    return run;
  }

  private async run(signal?: AbortSignal): Promise<void> {
    const core = this.core;
    // Everything the first row needs leaves now, in parallel: the first page (views subscribing
    // from here on see it loading and wait for it), the summary and the cache read.
    const page = this.inbox.load({ tab: 'shop' }, { signal });
    const summary = core.request('/api/inbox/summary', { signal, answer: 'inbox summary' });
    page.catch(() => undefined); // awaited below, after the cache
    summary.catch(() => undefined);
    const cacheShown = await core.showCache();
    // The summary moves the sequence to the server's: a shown cache catches up from its own first.
    if (cacheShown) await core.catchUpFromCache();
    core.apply({ type: 'summary', summary: await summary });
    await page;
    // After the first paint, in idle time: what the first row does not need.
    await new Promise((resolve) => core.idle(resolve as () => void));
    core.alive();
    core.watchCache();
    core.startRealtime().catch((error: unknown) => core.report(error));
    core.writes().catch((error: unknown) => core.report(error)); // so no first click waits for the write paths' chunk
    await Promise.all([
      core.sequence(), // live events (socket or receive()) apply at once from here on
      // Under a shown cache, the first page may have landed before the events the cache caught up
      // on were replayed over it: load it again, now that the sequence is current.
      cacheShown && this.inbox.load({ tab: 'shop' }, { signal }),
      ...this.secondary(signal),
    ]);
    // Persisted sends are back in their threads when start() resolves (delivery goes on in the
    // background), so nothing the creator wrote before a reload can be overtaken by a later action.
    await core.restoreOutbox().catch((error: unknown) => core.report(error));
  }

  /** Loads Showcase, blocks, links and quick replies (what the first row does not need). */
  private secondary(signal?: AbortSignal): Promise<void>[] {
    return [this.showcase.load(signal), this.blocks.load(signal), this.agency.loadLinks(signal), this.conversations.loadQuickReplies(signal)];
  }

  /** Loads summary, first page, Showcase, blocks, links and quick replies. */
  private async reload(signal?: AbortSignal): Promise<void> {
    await this.inbox.loadSummary(signal);
    await Promise.all([this.inbox.load({ tab: 'shop' }, { signal }), ...this.secondary(signal)]);
  }

  /** Subscribes to background failures (bad records, failed sends, resync errors). Returns the unsubscribe. */
  onError(listener: ErrorListener): () => void {
    if (typeof listener !== 'function') throw new ArgumentError('listener must be a function.');
    return this.core.onError(listener);
  }

  /** Applies every event after the last one seen (e.g. after the host page regains focus). */
  async resync(): Promise<void> {
    this.core.alive();
    return (await this.core.sequence()).resync().catch((error: unknown) => Promise.reject(toCimError(error)));
  }

  /** Drops the real-time socket as a network failure would; it reconnects and resyncs by itself. */
  dropConnection(): void {
    this.core.realtime?.drop();
  }

  /** Applies a raw real-time event, exactly as if it came off the socket (server-push adapters, tests). */
  receive(raw: unknown): void {
    this.core.alive();
    this.core.receive(raw);
  }

  /**
   * Stops the real-time channel, timers and pending requests (they reject with `disposed`). The
   * state stays readable; every later call rejects (or throws) with `disposed`. Unsent messages
   * stay in the outbox for the next client.
   */
  dispose(): void {
    this.core.dispose();
  }
}

/** Creates a client. Throws {@link ArgumentError} on unusable options (not an object, no `baseUrl`, no `token` function). */
export function createClient(options: ClientOptions): CreatorImClient {
  return new CreatorImClient(options);
}
