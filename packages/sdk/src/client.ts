import { Core, type ClientOptions, type ErrorListener } from './core.js';
import { toCimError } from './errors.js';
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

  constructor(options: ClientOptions) {
    this.core = new Core(options);
    this.inbox = new InboxModule(this.core);
    this.conversations = new ConversationsModule(this.core);
    this.samples = new SamplesModule(this.core);
    this.showcase = new ShowcaseModule(this.core);
    this.blocks = new BlocksModule(this.core);
    this.agency = new AgencyModule(this.core);
    this.search = new SearchApi(this.core);
    this.entrances = new EntrancesModule(this.core);
    this.connection = select(this.core.store, (state) => state.connection);
  }

  /** The whole state as one immutable snapshot store (prefer the modules' narrower stores in UIs). */
  get state(): ReadableStore<CimState> {
    return this.core.store;
  }

  /**
   * Shows the cached inbox at once (with a `cache`), then loads what the inbox needs first (summary, first page of the "TikTok Shop" tab, Showcase,
   * blocks, links, quick replies), restores the outbox and opens the real-time channel. Rejects
   * with a {@link CimError} when the summary or first page cannot be loaded; the client stays usable.
   */
  async start(signal?: AbortSignal): Promise<void> {
    await this.core.hydrateFromCache();
    await this.inbox.loadSummary(signal);
    await Promise.all([
      this.inbox.load({ tab: 'shop' }, { signal }),
      this.showcase.load(signal),
      this.blocks.load(signal),
      this.agency.loadLinks(signal),
      this.conversations.loadQuickReplies(signal),
    ]);
    this.core.startRealtime().catch((error: unknown) => this.core.report(error));
    this.core.restoreOutbox().catch((error: unknown) => this.core.report(error));
  }

  /** Subscribes to background failures (bad events, failed sends, resync errors). */
  onError(listener: ErrorListener): () => void {
    return this.core.onError(listener);
  }

  /** Applies every event after the last one seen (e.g. after the host page regains focus). */
  resync(): Promise<void> {
    return this.core.resync().catch((error: unknown) => Promise.reject(toCimError(error)));
  }

  /** Drops the real-time socket as a network failure would; it reconnects and resyncs by itself. */
  dropConnection(): void {
    this.core.realtime?.drop();
  }

  /** Applies a raw real-time event, exactly as if it came off the socket (server-push adapters, tests). */
  receive(raw: unknown): void {
    this.core.receive(raw);
  }

  /** Stops the real-time channel and timers. The state stays readable. */
  dispose(): void {
    this.core.dispose();
  }
}

/** Creates a client. Throws {@link ArgumentError} on unusable options. */
export function createClient(options: ClientOptions): CreatorImClient {
  return new CreatorImClient(options);
}
