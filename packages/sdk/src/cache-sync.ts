/**
 * Cache syncing: shows what the cache holds before any request, then writes the state back a
 * moment after it changes. The cache records the event sequence it reflects, so the next start
 * catches up from there (see `Core.start`).
 * @packageDocumentation
 */
import { snapshotForCache, type CachedInbox, type InboxCache } from './cache.js';
import type { Conversation } from './schemas.js';
import { putBlock, putConversations, putLive, putMessageBatches, putShowcase, withEntries, type CimState } from './state.js';
import type { Store } from './store.js';

/** Keeps one client's state and its cache in step. */
export class CacheSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stop: (() => void) | undefined;

  constructor(
    private readonly cache: InboxCache,
    private readonly store: Store<CimState>,
    private readonly delayMs: number,
    private readonly report: (error: unknown) => void,
  ) {}

  /**
   * Shows the cached inbox (once, into an empty state) and starts writing changes back. Resolves
   * with what was shown, or undefined. Threads from the cache are not marked loaded, so opening one
   * still fetches its latest page.
   */
  async hydrate(): Promise<CachedInbox | undefined> {
    if (this.stop) return undefined;
    let shown: CachedInbox | undefined;
    try {
      const cached = await this.cache.load();
      if (cached && this.store.getSnapshot().conversations.size === 0) {
        this.store.update((state) => fromCache(state, cached));
        shown = cached;
      }
    } catch (error) {
      this.report(error);
    }
    let last = this.store.getSnapshot();
    this.stop = this.store.subscribe(() => {
      const state = this.store.getSnapshot();
      if (state.lastSeq === last.lastSeq && state.conversations === last.conversations && state.threads === last.threads) return;
      last = state;
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.cache.save(snapshotForCache(this.store.getSnapshot())).catch((error: unknown) => this.report(error));
      }, this.delayMs);
    });
    return shown;
  }

  dispose(): void {
    this.stop?.();
    clearTimeout(this.timer);
  }
}

/** The state a cached inbox stands for, at the sequence it recorded (0 for caches older than that). */
function fromCache(state: CimState, cached: CachedInbox): CimState {
  const seq = cached.lastSeq ?? 0;
  let next = putConversations(state, cached.conversations as Conversation[]);
  next = { ...next, creator: next.creator ?? cached.creator, unread: cached.unread, lastSeq: seq, quickReplies: cached.quickReplies ?? next.quickReplies };
  next = putMessageBatches(next, cached.threads.map((thread) => ({ ...thread, asOf: 0 })));
  next = putLive(next, seq, { samples: cached.samples, invitations: cached.invitations, links: cached.links });
  for (const seller of cached.blockedSellers ?? []) next = putBlock(next, seller, true);
  next = putShowcase(next, cached.showcase ?? []);
  return { ...next, showcase: withEntries(next.showcase, cached.unavailable ?? []) };
}
