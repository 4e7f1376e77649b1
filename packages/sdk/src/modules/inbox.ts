import { requireId, requireOptions, requireSignal } from '../args.js';
import { ArgumentError, toCimError } from '../errors.js';
import type { Core } from '../core.js';
import { compareConversations, INBOX_FILTERS, INBOX_TABS, inTab, matchesFilter, type InboxFilter, type InboxTab } from '../rules.js';
import type { Conversation } from '../schemas.js';
import { changedConversations, EMPTY_VIEW, patchView, revertConversation, type CimState, type ViewPaging, viewKey } from '../state.js';
import { select, StoreCache, type ReadableStore } from '../store.js';

/** Filters and sorts every conversation; keeps `previous` when nothing moved. */
function fullList(all: CimState['conversations'], passes: (c: Conversation) => boolean, previous: readonly Conversation[]): readonly Conversation[] {
  const list = [...all.values()].filter(passes).sort(compareConversations);
  return list.length === previous.length && list.every((item, i) => item === previous[i]) ? previous : list;
}

/** Where `conversation` goes in a list sorted by {@link compareConversations} (binary search). */
function insertionPoint(list: readonly Conversation[], conversation: Conversation): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareConversations(list[mid]!, conversation) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Applies a few changed conversations to a sorted list: O(changes · log n) plus one copy. */
function updateSorted(
  list: readonly Conversation[],
  ids: readonly string[],
  before: CimState['conversations'],
  after: CimState['conversations'],
  passes: (c: Conversation | undefined) => c is Conversation,
): readonly Conversation[] {
  let next: Conversation[] | undefined;
  for (const id of new Set(ids)) {
    const old = before.get(id);
    const now = after.get(id);
    if (old === now) continue;
    next ??= list.slice();
    if (passes(old)) {
      const at = insertionPoint(next, old);
      const index = next[at] === old ? at : next.indexOf(old);
      if (index >= 0) next.splice(index, 1);
    }
    if (passes(now)) next.splice(insertionPoint(next, now), 0, now);
  }
  return next ?? list;
}

/** One inbox view: a tab with a filter. */
export interface InboxQuery {
  tab: InboxTab;
  filter?: InboxFilter;
}

/** What an inbox view renders. */
export interface InboxView extends ViewPaging {
  /** Conversations of the tab that pass the filter, latest activity first. */
  readonly conversations: readonly Conversation[];
  /** Whether older conversations can be loaded. */
  readonly hasMore: boolean;
}

function checkQuery(query: InboxQuery): Required<InboxQuery> {
  if (!query || typeof query !== 'object') throw new ArgumentError('query must be an object: { tab, filter? }.');
  const filter = query.filter ?? 'all';
  if (!INBOX_TABS.includes(query.tab)) throw new ArgumentError(`Unknown inbox tab "${String(query.tab)}"; use one of ${INBOX_TABS.join(', ')}.`);
  if (!INBOX_FILTERS.includes(filter)) throw new ArgumentError(`Unknown inbox filter "${String(filter)}"; use one of ${INBOX_FILTERS.join(', ')}.`);
  return { tab: query.tab, filter };
}

/**
 * The inbox: tabs ("TikTok Shop", "Collab Messages", "Agency"), filters ("New Connections",
 * "Starred", "Unread", "Unreplied"), cursor pagination, unread counts, star and mark read.
 */
export class InboxModule {
  private readonly views = new StoreCache<string, InboxView>();

  /** @internal */
  constructor(private readonly core: Core) {}

  /** Unread message counts per tab, for tab badges. */
  readonly unread: ReadableStore<CimState['unread']> = select(
    this.core.store,
    (state) => state.unread,
  );

  /**
   * Unread messages in the whole inbox, for the Notifications badge. Every conversation is in
   * "TikTok Shop" or "Agency"; "Collab Messages" only regroups some of them, so it is not added.
   */
  readonly totalUnread: ReadableStore<number> = select(
    this.core.store,
    (state) => state.unread.shop + state.unread.agency,
  );

  /**
   * A live view of one tab and filter: the same store for the same query while it has
   * subscribers. Its first page loads when the first subscriber arrives (unless already loaded);
   * it notifies only when its own list or paging changes.
   */
  view(query: InboxQuery): ReadableStore<InboxView> {
    const { tab, filter } = checkQuery(query);
    const key = viewKey(tab, filter);
    return this.views.get(
      key,
      () => {
        let lastConversations: CimState['conversations'] | undefined;
        let lastList: readonly Conversation[] = [];
        const passes = (conversation: Conversation | undefined): conversation is Conversation =>
          conversation !== undefined && inTab(conversation, tab) && matchesFilter(conversation, filter);
        return select(
          this.core.store,
          (state): InboxView => {
            if (state.conversations !== lastConversations) {
              const changed = lastConversations && changedConversations(lastConversations, state.conversations);
              lastList = changed ? updateSorted(lastList, changed, lastConversations!, state.conversations, passes) : fullList(state.conversations, passes, lastList);
              lastConversations = state.conversations;
            }
            const paging = state.views.get(key) ?? EMPTY_VIEW;
            return { ...paging, conversations: lastList, hasMore: !paging.loaded || paging.nextCursor !== null };
          },
          (a, b) => a.conversations === b.conversations && a.status === b.status && a.nextCursor === b.nextCursor && a.error === b.error && a.loaded === b.loaded,
        );
      },
      () => {
        const paging = this.core.state.views.get(key) ?? EMPTY_VIEW;
        // Failures land in the view's `status`/`error`; nothing is left unhandled.
        if (!paging.loaded && paging.status !== 'loading' && !this.core.disposed) this.load({ tab, filter }).catch(() => undefined);
      },
    );
  }

  /** Loads the first page of a view (again), replacing its cursor. */
  async load(query: InboxQuery, options: { signal?: AbortSignal; limit?: number } = {}): Promise<void> {
    const checked = checkQuery(query);
    requireOptions(options);
    await this.page(checked, null, options);
  }

  /** Loads the next page of a view; does nothing when everything is loaded or a load is running. */
  async loadMore(query: InboxQuery, options: { signal?: AbortSignal; limit?: number } = {}): Promise<void> {
    const checked = checkQuery(query);
    requireOptions(options);
    const paging = this.core.state.views.get(viewKey(checked.tab, checked.filter)) ?? EMPTY_VIEW;
    if (paging.status === 'loading') return;
    if (paging.loaded && paging.nextCursor === null) return;
    await this.page(checked, paging.loaded ? paging.nextCursor : null, options);
  }

  private async page(query: Required<InboxQuery>, cursor: string | null, options: { signal?: AbortSignal; limit?: number }): Promise<void> {
    this.core.alive();
    const key = viewKey(query.tab, query.filter);
    this.core.update((state) => patchView(state, key, { status: 'loading', error: null }));
    try {
      await this.core.conversationPage(query.tab, query.filter, cursor, options);
    } catch (error) {
      const failure = toCimError(error);
      this.core.update((state) => patchView(state, key, { status: 'error', error: failure }));
      throw failure;
    }
  }

  /** Refreshes the creator, unread counters and sequence start. Called by `client.start()`. */
  async loadSummary(signal?: AbortSignal): Promise<void> {
    requireSignal(signal);
    const summary = await this.core.request('/api/inbox/summary', { signal, answer: 'inbox summary' });
    this.core.apply({ type: 'summary', summary });
  }

  /** A conversation by id, if known. */
  get(conversationId: string): Conversation | undefined {
    requireId(conversationId, 'conversationId');
    return this.core.state.conversations.get(conversationId);
  }

  /** Stars or un-stars a conversation ("Starred" filter). Optimistic; on failure only `starred` goes back. */
  async star(conversationId: string, starred: boolean): Promise<void> {
    requireId(conversationId, 'conversationId');
    if (typeof starred !== 'boolean') throw new ArgumentError('starred must be a boolean.');
    await this.patch(conversationId, { starred }, () =>
      this.core.request(`/api/conversations/${encodeURIComponent(conversationId)}/star`, {
        method: 'PUT',
        body: { starred },
        idempotent: true,
        answer: 'conversation',
      }),
    );
  }

  /**
   * Marks a conversation read. Optimistic; on failure only the unread count goes back, unless newer
   * messages changed it. A conversation the client has not loaded (opened from a search hit) is
   * known from the answer.
   */
  async markRead(conversationId: string): Promise<void> {
    requireId(conversationId, 'conversationId');
    const known = this.core.state.conversations.get(conversationId);
    if (known?.unreadCount === 0) return;
    const send = () =>
      this.core.request(`/api/conversations/${encodeURIComponent(conversationId)}/read`, {
        method: 'POST',
        idempotent: true,
        answer: 'conversation',
      });
    if (known) return this.patch(conversationId, { unreadCount: 0 }, send);
    // A conversation the client has not loaded (opened from a search hit or a link): a write path of its own.
    return (await this.core.writes()).readUnknown(this.core, conversationId, send);
  }

  private async patch(conversationId: string, patch: Partial<Conversation>, send: () => Promise<{ conversation: Conversation }>): Promise<void> {
    this.core.alive();
    const before = this.core.state.conversations.get(conversationId);
    if (!before) throw new ArgumentError(`Unknown conversation "${conversationId}".`);
    this.core.apply({ type: 'conversation', conversation: { ...before, ...patch } });
    try {
      const { conversation } = await send();
      // The answer may predate what arrived meanwhile (a block, a message): take only this change's fields.
      const current = this.core.state.conversations.get(conversationId);
      const fields = Object.fromEntries(Object.keys(patch).map((key) => [key, conversation[key as keyof Conversation]]));
      if (current) this.core.apply({ type: 'conversation', conversation: { ...current, ...fields } });
    } catch (error) {
      this.core.update((state) => revertConversation(state, conversationId, patch, before));
      throw toCimError(error);
    }
  }
}
