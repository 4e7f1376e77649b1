/**
 * Cache syncing: shows what the cache holds as soon as it is read (in parallel with the first
 * requests), then, once the first paint is done, writes the state back a moment after it changes,
 * in idle time. The cache records the event sequence it reflects, so the next start catches up
 * from there (see `CreatorImClient.start`).
 * @packageDocumentation
 */
import { snapshotForCache, type CachedInbox, type InboxCache } from './cache.js';
import type { IdleScheduler } from './idle.js';
import type { Conversation } from './schemas.js';
import { putBlock, putConversations, putLive, putMessageBatches, putShowcase, withEntries, type CimState } from './state.js';
import type { Store } from './store.js';

/** Keeps one client's state and its cache in step. */
export class CacheSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stop: (() => void) | undefined;
  private disposed = false;

  constructor(
    private readonly cache: InboxCache,
    private readonly store: Store<CimState>,
    private readonly delayMs: number,
    private readonly idle: IdleScheduler,
    private readonly report: (error: unknown) => void,
  ) {}

  /**
   * Reads the cache and shows it. It is read while the first requests are on the network, so an
   * answer may already be in the state: the cache only fills what the state does not hold yet
   * (see {@link fromCache}), never replacing fresher answers. Resolves with what was shown, or
   * undefined. Threads from the cache are not marked loaded, so opening one still fetches its
   * latest page.
   */
  async hydrate(): Promise<CachedInbox | undefined> {
    try {
      const cached = await this.cache.load();
      if (cached && !this.disposed) {
        this.store.update((state) => fromCache(state, cached));
        return cached;
      }
    } catch (error) {
      this.report(error);
    }
    return undefined;
  }

  /**
   * Writes the state back a moment (`delayMs`) after it changes, in idle time, and once now.
   * Called after the first paint: writing a snapshot is work the first row does not need.
   */
  watch(): void {
    if (this.stop || this.disposed) return;
    let last: CimState | undefined;
    const changed = () => {
      const state = this.store.getSnapshot();
      if (state.lastSeq === last?.lastSeq && state.conversations === last.conversations && state.threads === last.threads) return;
      last = state;
      this.timer ??= setTimeout(() => this.idle(save), this.delayMs);
    };
    const save = () => {
      this.timer = undefined;
      if (!this.disposed) this.cache.save(snapshotForCache(this.store.getSnapshot())).catch(this.report);
    };
    this.stop = this.store.subscribe(changed);
    changed();
  }

  dispose(): void {
    this.disposed = true;
    this.stop?.();
    clearTimeout(this.timer);
  }
}

/**
 * The state a cached inbox stands for, at the sequence it recorded (0 for caches older than that),
 * under what the state already holds: conversations and threads already answered by the network
 * stay as answered; cards keep any newer version (`putLive` compares sequences). The sequence goes
 * back to the cache's when the state is ahead of it, so the catch-up replays what the cached
 * entities missed (applying an event again is harmless: each carries the entity as it became).
 */
function fromCache(state: CimState, cached: CachedInbox): CimState {
  const seq = cached.lastSeq ?? 0;
  const conversations = (cached.conversations as Conversation[]).filter((conversation) => !state.conversations.has(conversation.id));
  const threads = cached.threads.filter((thread) => !state.threads.has(thread.conversationId));
  let next = putConversations(state, conversations);
  next = {
    ...next,
    creator: next.creator ?? cached.creator,
    unread: cached.unread,
    lastSeq: state.lastSeq > 0 ? Math.min(state.lastSeq, seq) : seq,
    quickReplies: cached.quickReplies ?? next.quickReplies,
  };
  next = putMessageBatches(next, threads.map((thread) => ({ ...thread, asOf: 0 })));
  next = putLive(next, seq, { samples: cached.samples, invitations: cached.invitations, links: cached.links });
  for (const seller of cached.blockedSellers ?? []) next = putBlock(next, seller, true);
  next = putShowcase(next, cached.showcase ?? []);
  return { ...next, showcase: withEntries(next.showcase, cached.unavailable ?? []) };
}
