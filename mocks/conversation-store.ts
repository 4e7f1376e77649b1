/**
 * The mock's conversations with the indexes a page request needs: one sorted list per inbox view
 * (tab × filter), unread counts per tab and the conversation of each party, all kept current on
 * every `set`/`delete`, so listing a page costs the page, not the whole inbox. It is a `Map`, so
 * tests and stories may still read and replace conversations directly.
 */
import { compareConversations, inTab, matchesFilter, INBOX_FILTERS, INBOX_TABS, type Conversation, type InboxFilter, type InboxTab } from '@creator-im/sdk';

/** The sort key of a conversation: latest activity first, then id. */
export interface ConversationKey {
  lastActivityAt: string;
  id: string;
}

const compareKeys = (a: ConversationKey, b: ConversationKey) => compareConversations(a as Conversation, b as Conversation);

/** First index in `list` whose element sorts after `key` (or equal when `inclusive`). */
function bound(list: readonly ConversationKey[], key: ConversationKey, inclusive: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compareKeys(list[mid]!, key);
    if (order < 0 || (order === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A `Map` of conversations by id that keeps its inbox views sorted and its counters current. */
export class ConversationStore extends Map<string, Conversation> {
  private views = new Map<string, Conversation[]>();
  private unreadByTab: Record<InboxTab, number> = { shop: 0, collab: 0, agency: 0 };
  private readonly partyIndex = new Map<string, string>();
  /** While true (bulk seeding), indexes are not maintained; {@link reindex} rebuilds them. */
  private deferred = false;

  override set(id: string, conversation: Conversation): this {
    const before = super.get(id);
    super.set(id, conversation);
    if (!this.partyIndex.has(conversation.counterpart.id)) this.partyIndex.set(conversation.counterpart.id, id);
    if (!this.deferred) {
      if (before) this.unindex(before);
      this.index(conversation);
    }
    return this;
  }

  override delete(id: string): boolean {
    const before = super.get(id);
    if (!before) return false;
    super.delete(id);
    if (this.partyIndex.get(before.counterpart.id) === id) this.partyIndex.delete(before.counterpart.id);
    if (!this.deferred) this.unindex(before);
    return true;
  }

  override clear(): void {
    super.clear();
    this.partyIndex.clear();
    this.views = new Map();
    this.unreadByTab = { shop: 0, collab: 0, agency: 0 };
  }

  /** Stops index maintenance until {@link reindex}: seeding thousands of conversations sorts once. */
  defer(): void {
    this.deferred = true;
  }

  /** Rebuilds every index from the current conversations and resumes maintaining them. */
  reindex(): void {
    this.deferred = false;
    this.views = new Map();
    this.unreadByTab = { shop: 0, collab: 0, agency: 0 };
    const all = [...this.values()].sort(compareConversations);
    for (const tab of INBOX_TABS) {
      const inThisTab = all.filter((conversation) => inTab(conversation, tab));
      for (const conversation of inThisTab) this.unreadByTab[tab] += conversation.unreadCount;
      for (const filter of INBOX_FILTERS) this.views.set(`${tab}/${filter}`, inThisTab.filter((conversation) => matchesFilter(conversation, filter)));
    }
  }

  /** The conversation with a seller or agency, if any. */
  ofParty(partyId: string): Conversation | undefined {
    const id = this.partyIndex.get(partyId);
    return id === undefined ? undefined : this.get(id);
  }

  /** Unread messages per tab. */
  unread(): Record<InboxTab, number> {
    return { ...this.unreadByTab };
  }

  /** One page of a view, after `cursor` (exclusive); `more` tells whether anything follows. */
  page(tab: InboxTab, filter: InboxFilter, cursor: ConversationKey | null, limit: number): { conversations: Conversation[]; more: boolean } {
    const list = this.view(tab, filter);
    const start = cursor ? bound(list, cursor, false) : 0;
    return { conversations: list.slice(start, start + limit), more: start + limit < list.length };
  }

  private view(tab: InboxTab, filter: InboxFilter): Conversation[] {
    let list = this.views.get(`${tab}/${filter}`);
    if (!list) {
      list = [];
      this.views.set(`${tab}/${filter}`, list);
    }
    return list;
  }

  private index(conversation: Conversation): void {
    for (const tab of INBOX_TABS) {
      if (!inTab(conversation, tab)) continue;
      this.unreadByTab[tab] += conversation.unreadCount;
      for (const filter of INBOX_FILTERS) {
        if (!matchesFilter(conversation, filter)) continue;
        const list = this.view(tab, filter);
        list.splice(bound(list, conversation, true), 0, conversation);
      }
    }
  }

  private unindex(conversation: Conversation): void {
    for (const tab of INBOX_TABS) {
      if (!inTab(conversation, tab)) continue;
      this.unreadByTab[tab] -= conversation.unreadCount;
      for (const filter of INBOX_FILTERS) {
        const list = this.view(tab, filter);
        const at = bound(list, conversation, true);
        if (list[at]?.id === conversation.id) list.splice(at, 1);
      }
    }
  }
}
