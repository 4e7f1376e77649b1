import { requireOptions } from '../args.js';
import type { Core } from '../core.js';
import { ArgumentError, toCimError, type CimError } from '../errors.js';
import type { SearchHit } from '../schemas.js';
import { SEARCH_MODULES, type SearchModule } from '../search.js';
import { Store, type ReadableStore } from '../store.js';

/** Results grouped by module: Accounts, Messages, Products, Samples. */
export type SearchResults = Readonly<Record<SearchModule, readonly SearchHit[]>>;

/** What a search page renders. */
export interface SearchState {
  readonly query: string;
  /** `local`: instant results from cached data; `ready`: merged with the server's answer. */
  readonly status: 'idle' | 'local' | 'ready' | 'error';
  readonly results: SearchResults;
  readonly error: CimError | null;
}

const EMPTY: SearchResults = { accounts: [], messages: [], products: [], samples: [] };

function group(hits: readonly SearchHit[]): SearchResults {
  const grouped: Record<SearchModule, SearchHit[]> = { accounts: [], messages: [], products: [], samples: [] };
  const seen = new Set<string>();
  for (const hit of hits) {
    const key = `${hit.module}:${hit.conversationId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    grouped[hit.module].push(hit);
  }
  return grouped;
}

/**
 * Search: one query, four modules on one page. Local results come at once from what the client
 * has cached; the server's answer is merged in when it arrives. A newer query aborts the older one.
 */
export class SearchApi {
  private readonly store = new Store<SearchState>({ query: '', status: 'idle', results: EMPTY, error: null });
  private controller: AbortController | undefined;

  /** @internal */
  constructor(private readonly core: Core) {}

  /** The search page's state. */
  get state(): ReadableStore<SearchState> {
    return this.store;
  }

  /** Instant results from cached conversations and messages (no request). */
  async local(query: string): Promise<SearchResults> {
    if (typeof query !== 'string') throw new ArgumentError('query must be a string.');
    this.core.alive();
    return group((await this.core.search.load()).search(query));
  }

  /** Local results merged with the server's. Rejects with `aborted` when `signal` fires. */
  async query(query: string, options: { signal?: AbortSignal } = {}): Promise<SearchResults> {
    requireOptions(options);
    const local = await this.local(query);
    if (!query.trim()) return EMPTY;
    const { hits } = await this.core.request('/api/search', { query: { q: query }, signal: options.signal, answer: 'search results' });
    return group([...SEARCH_MODULES.flatMap((module) => local[module]), ...hits]);
  }

  /** Sets the search page's query: local results at once, then the merged ones. */
  async setQuery(query: string): Promise<void> {
    if (typeof query !== 'string') throw new ArgumentError('query must be a string.');
    this.core.alive();
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    if (!query.trim()) {
      this.store.set({ query, status: 'idle', results: EMPTY, error: null });
      return;
    }
    const local = await this.local(query);
    if (this.controller !== controller) return;
    this.store.set({ query, status: 'local', results: local, error: null });
    try {
      const results = await this.query(query, { signal: controller.signal });
      if (this.controller === controller) this.store.set({ query, status: 'ready', results, error: null });
    } catch (error) {
      const failure = toCimError(error);
      if (this.controller === controller && failure.code !== 'aborted') this.store.set({ ...this.store.getSnapshot(), status: 'error', error: failure });
    }
  }
}
