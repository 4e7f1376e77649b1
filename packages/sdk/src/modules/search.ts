import { requireOptions } from '../args.js';
import type { Core } from '../core.js';
import { ArgumentError, toCimError, type CimError } from '../errors.js';
import type { SearchHit } from '../schemas.js';
import type { SearchModule } from '../search.js';
import { Store, type ReadableStore } from '../store.js';
import { LIMITS } from '../vocabulary.js';

/**
 * Results grouped by module: Accounts, Messages, Products, Samples. Every hit names its
 * conversation's `counterpart`: the loaded conversation's, else the one the server sent with the
 * hit (a conversation the client has not loaded yet); it is absent only when neither is known.
 */
export type SearchResults = Readonly<Record<SearchModule, readonly SearchHit[]>>;

/** What a search page renders. */
export interface SearchState {
  readonly query: string;
  /** `local`: instant results from cached data; `ready`: merged with the server's answer. */
  readonly status: 'idle' | 'local' | 'ready' | 'error';
  readonly results: SearchResults;
  readonly error: CimError | null;
}

/** Most conversations per module, local and merged alike: what the results page shows. */
const LIMIT = 20;
/**
 * The server is asked once typing pauses this long: a request per keystroke would only be
 * cancelled by the next one, and each answer landing mid-typing costs a frame.
 */
const REMOTE_DELAY_MS = 250;

/** A query the server accepts: a string of at most `LIMITS.query` characters. */
function requireQuery(query: string): void {
  if (typeof query !== 'string') throw new ArgumentError('query must be a string.');
  if (query.length > LIMITS.query) throw tooLong();
}

const tooLong = () => new ArgumentError(`A search query is at most ${LIMITS.query} characters.`);

const EMPTY: SearchResults = { accounts: [], messages: [], products: [], samples: [] };

/**
 * `hits` appended to `into`, one per module and conversation, at most {@link LIMIT} per module,
 * each given its conversation's counterpart by `name`. A module that gains nothing keeps its array
 * (the same object), so a page rendering it is untouched.
 */
function merge(into: SearchResults, hits: readonly SearchHit[], name: (hit: SearchHit) => SearchHit): SearchResults {
  const grouped = { ...into };
  for (const hit of hits) {
    const list = grouped[hit.module];
    if (list.length < LIMIT && !list.some((known) => known.conversationId === hit.conversationId)) grouped[hit.module] = [...list, name(hit)];
  }
  return grouped;
}

/**
 * Search: one query, four modules on one page. Local results come at once from what the client
 * has cached; the server's answer is merged in when it arrives (after typing pauses). A newer
 * query aborts the older one, and an older answer never replaces a newer query's results.
 */
export class SearchApi {
  private readonly store = new Store<SearchState>({ query: '', status: 'idle', results: EMPTY, error: null });
  private controller: AbortController | undefined;

  /** @internal */
  constructor(private readonly core: Core) {}

  /** `hit` with its conversation's counterpart: the loaded conversation's (kept current), else the server's. */
  private readonly name = (hit: SearchHit): SearchHit => {
    const counterpart = this.core.state.conversations.get(hit.conversationId)?.counterpart ?? hit.counterpart;
    return counterpart ? { ...hit, counterpart } : hit;
  };

  /** The search page's state. */
  get state(): ReadableStore<SearchState> {
    return this.store;
  }

  /** Instant results from cached conversations and messages (no request). */
  async local(query: string): Promise<SearchResults> {
    if (typeof query !== 'string') throw new ArgumentError('query must be a string.');
    this.core.alive();
    // The index's own limit per module is LIMIT too (20).
    return merge(EMPTY, (await this.core.search.load()).search(query), this.name);
  }

  /**
   * Local results merged with the server's. Rejects with `aborted` when `signal` fires, and with
   * `invalid_argument` for a query longer than `LIMITS.query` (the server's limit).
   */
  async query(query: string, options: { signal?: AbortSignal } = {}): Promise<SearchResults> {
    requireOptions(options);
    requireQuery(query);
    const local = await this.local(query);
    return query.trim() ? this.remote(local, query, options.signal) : EMPTY;
  }

  private async remote(local: SearchResults, query: string, signal: AbortSignal | undefined): Promise<SearchResults> {
    const { hits } = await this.core.request('/api/search', { query: { q: query }, signal, answer: 'search results' });
    // Hit by hit: a bad one (a malformed counterpart…) is left out and reported once, the rest show.
    return merge(local, await this.core.items(hits, 'search hit'), this.name);
  }

  /**
   * Sets the search page's query: its local results at once (in the keystroke's own task: it
   * paints them in its next frame), then, once typing pauses, merged with the server's. A query
   * longer than `LIMITS.query` is not sent: its local results show with status `error` and an
   * `invalid_argument` error (`<cim-search>` caps its box at that length).
   */
  async setQuery(query: string): Promise<void> {
    if (typeof query !== 'string') throw new ArgumentError('query must be a string.');
    this.core.alive();
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    if (!query.trim()) {
      this.store.set({ query, status: 'idle', results: EMPTY, error: null });
      return;
    }
    const local = await this.local(query);
    if (signal.aborted) return;
    if (query.length > LIMITS.query) return this.store.set({ query, status: 'error', results: local, error: tooLong() });
    this.store.set({ query, status: 'local', results: local, error: null });
    await new Promise((resolve) => {
      setTimeout(resolve, REMOTE_DELAY_MS);
      signal.addEventListener('abort', resolve);
    });
    if (signal.aborted) return;
    try {
      const results = await this.remote(local, query, signal);
      if (!signal.aborted) this.store.set({ query, status: 'ready', results, error: null });
    } catch (error) {
      const failure = toCimError(error);
      if (!signal.aborted && failure.code !== 'aborted') this.store.set({ query, status: 'error', results: local, error: failure });
    }
  }
}
