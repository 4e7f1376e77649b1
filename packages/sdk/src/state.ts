/**
 * The client's state, and the one write path into it: pure functions that fold one event
 * (`applyEvent`, in state-events.ts: the sequencer's lazy chunk) or one answer ({@link applyAnswer}) into a new immutable snapshot. Nothing
 * else writes the state, so one event or answer is one snapshot (one notification), and no reader
 * ever sees a conversation updated before its thread.
 *
 * Cards' live state (samples, invitations, agency links, Showcase availability) lives in one
 * registry each, with the event sequence each entry reflects: a message's copy of a sample only
 * fills a gap, it never overrides newer state.
 * @packageDocumentation
 */
import type { CimError } from './errors.js';
import { IdMap } from './id-map.js';
import { assertTransition, carriesCollabInvite, INBOX_TABS, inTab, type InboxTab } from './rules.js';
import type {
  AgencyInvitation,
  AgencyLink,
  Conversation,
  InboxSummary,
  LinkState,
  Message,
  Party,
  QuickReply,
  SampleRequest,
} from './schemas.js';

/** Loading state of anything fetched. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Real-time connection state: `idle` (not started, or disposed), `connecting` (opening a socket),
 * `resyncing` (socket open, catching up on missed events), `online`, `offline` (waiting to reconnect).
 */
export type ConnectionState = 'idle' | 'connecting' | 'resyncing' | 'online' | 'offline';

/** One conversation's messages, oldest first; the creator's unconfirmed sends come last. */
export interface Thread {
  readonly messages: readonly Message[];
  /** Cursor for the next older page, or null when the start of the history is loaded. */
  readonly olderCursor: string | null;
  /** Whether the latest page was loaded from the server (live messages can arrive before). */
  readonly loaded: boolean;
  readonly status: LoadStatus;
  readonly error: CimError | null;
}

/** Pagination state of one inbox view (a tab and a filter). */
export interface ViewPaging {
  readonly status: LoadStatus;
  readonly error: CimError | null;
  readonly nextCursor: string | null;
  readonly loaded: boolean;
}

/** Where a product stands in the creator's Showcase. */
export type ShowcaseEntry = { readonly state: 'added' } | { readonly state: 'unavailable'; readonly reason: string };

/** Everything the client knows. Never mutated: each change produces a new snapshot. Ids are `Map` keys. */
export interface CimState {
  readonly creator: { readonly id: string; readonly name: string } | null;
  readonly connection: ConnectionState;
  /** Last real-time sequence applied (or caught up to). */
  readonly lastSeq: number;
  /** Conversations by id (an immutable map: `get(id)`, `values()`). */
  readonly conversations: IdMap<Conversation>;
  /** Paging of each inbox view, by `tab/filter`. */
  readonly views: ReadonlyMap<string, ViewPaging>;
  /** Unread message counts per tab. */
  readonly unread: Readonly<Record<InboxTab, number>>;
  /** Each conversation's loaded messages, by conversation id. */
  readonly threads: IdMap<Thread>;
  /** Sample requests' live state, by sample id. */
  readonly samples: ReadonlyMap<string, SampleRequest>;
  /** Agency invitations' live state, by invitation id. */
  readonly invitations: ReadonlyMap<string, AgencyInvitation>;
  /** Agreement ids the creator ticked, per invitation (local until Accept). */
  readonly acknowledged: ReadonlyMap<string, readonly string[]>;
  /** The link with each agency, by agency id. */
  readonly links: ReadonlyMap<string, LinkState>;
  /** Showcase state per product id (absent: not added). */
  readonly showcase: ReadonlyMap<string, ShowcaseEntry>;
  /** Blocked sellers, by seller id. */
  readonly blockedSellers: ReadonlyMap<string, Party>;
  readonly quickReplies: readonly QuickReply[];
  /**
   * The event sequence each live entry reflects (`sample:<id>`, `invitation:<id>`, `link:<id>`).
   * An {@link IdMap}: every page carrying cards writes a few entries, and copying a plain map of
   * every card ever seen on each of them made revalidating thousands of conversations quadratic.
   */
  readonly versions: IdMap<number>;
}

/** A thread with nothing loaded. */
export const EMPTY_THREAD: Thread = { messages: [], olderCursor: null, loaded: false, status: 'idle', error: null };
/** An inbox view with nothing loaded. */
export const EMPTY_VIEW: ViewPaging = { status: 'idle', error: null, nextCursor: null, loaded: false };

/** The state of a client that has loaded nothing. */
export const initialState: CimState = {
  creator: null,
  connection: 'idle',
  lastSeq: 0,
  conversations: IdMap.empty(),
  views: new Map(),
  unread: { shop: 0, collab: 0, agency: 0 },
  threads: IdMap.empty(),
  samples: new Map(),
  invitations: new Map(),
  acknowledged: new Map(),
  links: new Map(),
  showcase: new Map(),
  blockedSellers: new Map(),
  quickReplies: [],
  versions: IdMap.empty(),
};

/** A copy of `map` with `entries` written (and `removals` removed); `map` itself when nothing changes. */
export function withEntries<K, V>(map: ReadonlyMap<K, V>, entries: Iterable<readonly [K, V]>, removals: Iterable<K> = []): ReadonlyMap<K, V> {
  let next: Map<K, V> | undefined;
  for (const [key, value] of entries) {
    if (map.get(key) === value && map.has(key)) continue;
    (next ??= new Map(map)).set(key, value);
  }
  for (const key of removals) if ((next ?? map).has(key)) (next ??= new Map(map)).delete(key);
  return next ?? map;
}

// ---------------------------------------------------------------- conversations and unread counters

/**
 * Stores conversations, keeping the unread-per-tab counters (seeded by the inbox summary) in step.
 * A conversation seen for the first time is already counted in the summary, unless the change is
 * news: `unseenUnread` says how much of its unread count is new (a live message: 1).
 */
export function putConversations(
  state: CimState,
  conversations: readonly Conversation[],
  unseenUnread: (conversation: Conversation) => number = () => 0,
): CimState {
  if (conversations.length === 0) return state;
  let unread = state.unread;
  const written = new Map<string, Conversation>();
  for (const conversation of conversations) {
    const before = written.get(conversation.id) ?? state.conversations.get(conversation.id);
    written.set(conversation.id, conversation);
    unread = adjustUnread(unread, before, conversation, before ? 0 : unseenUnread(conversation));
  }
  const next = state.conversations.set(written);
  journal.set(next, { base: new WeakRef(state.conversations), ids: conversations.map((c) => c.id) });
  return { ...state, conversations: next, unread };
}

type ConversationMap = CimState['conversations'];

/**
 * Which conversations each new conversations map changed from the map it was made from. The base
 * is held weakly, or every past version of the inbox would stay alive through the chain.
 */
const journal = new WeakMap<ConversationMap, { readonly base: WeakRef<ConversationMap>; readonly ids: readonly string[] }>();

/**
 * The ids of conversations that differ between two conversations maps, when `next` was made from
 * `previous` by a few writes; null when that is unknown (then compare everything). Lets inbox
 * views update in O(changes · log n) instead of re-sorting every conversation per event.
 */
export function changedConversations(previous: ConversationMap, next: ConversationMap): readonly string[] | null {
  const ids: string[] = [];
  let map = next;
  for (let steps = 0; map !== previous; steps++) {
    const entry = journal.get(map);
    if (!entry || steps > 16) return null;
    const base = entry.base.deref();
    if (!base) return null;
    ids.push(...entry.ids);
    map = base;
  }
  return ids;
}

function adjustUnread(unread: CimState['unread'], before: Conversation | undefined, after: Conversation, unseen: number): CimState['unread'] {
  let changed = false;
  const next = { ...unread };
  for (const tab of INBOX_TABS) {
    const delta = before
      ? (inTab(after, tab) ? after.unreadCount : 0) - (inTab(before, tab) ? before.unreadCount : 0)
      : inTab(after, tab)
        ? unseen
        : 0;
    if (delta !== 0) {
      next[tab] = Math.max(0, next[tab] + delta);
      changed = true;
    }
  }
  return changed ? next : unread;
}

// ---------------------------------------------------------------- threads

const ordinal = (message: Message): number => (message.delivery && message.delivery !== 'sent' ? Number.MAX_SAFE_INTEGER : message.seq);

/**
 * Merges messages into a thread: de-duplicated by id, a server copy replacing the creator's
 * optimistic one (matched by client id), ordered by server sequence with unconfirmed sends last.
 */
export function mergeMessages(thread: Thread, incoming: readonly Message[]): Thread {
  if (incoming.length === 0) return thread;
  const byId = new Map(thread.messages.map((message) => [message.id, message]));
  let appendOnly = true;
  const last = thread.messages[thread.messages.length - 1];
  for (const message of incoming) {
    if (message.clientId) {
      const local = localId(message.clientId);
      if (local !== message.id && byId.delete(local)) appendOnly = false;
    }
    if (byId.has(message.id)) appendOnly = false;
    else if (last && ordinal(message) < ordinal(last)) appendOnly = false;
    byId.set(message.id, message);
  }
  const merged = [...byId.values()];
  if (!appendOnly) merged.sort((a, b) => ordinal(a) - ordinal(b));
  return { ...thread, messages: merged };
}

/** The id under which an unconfirmed send lives in its thread. */
export const localId = (clientId: string): string => `local:${clientId}`;

/** Messages for one conversation, with optional thread fields to set. */
export interface MessageBatch {
  readonly conversationId: string;
  readonly messages: readonly Message[];
  readonly patch?: Partial<Thread>;
  /** The event sequence the cards' copies reflect (a page answered at `lastSeq`); each message's own seq otherwise. */
  readonly asOf?: number;
}

/**
 * Merges messages into their threads and lets the cards they carry (samples, invitations) fill
 * their registries, unless the registry already holds a state at least as recent. Takes many
 * conversations at once so hydrating a large inbox copies each registry once.
 */
export function putMessageBatches(state: CimState, batches: readonly MessageBatch[]): CimState {
  if (batches.length === 0) return state;
  const threads = new Map<string, Thread>();
  const samples: [string, SampleRequest][] = [];
  const invitations: [string, AgencyInvitation][] = [];
  const versions: [string, number][] = [];
  const collab: Conversation[] = [];
  for (const { conversationId, messages, patch, asOf } of batches) {
    for (const message of messages) {
      if (message.delivery) continue; // an optimistic copy is never the truth
      const seq = asOf ?? message.seq;
      if (message.type === 'SAMPLE_REQUEST' && newer(state, `sample:${message.sample.id}`, seq)) {
        samples.push([message.sample.id, message.sample]);
        versions.push([`sample:${message.sample.id}`, seq]);
      }
      if (message.type === 'AGENCY_INVITATION' && newer(state, `invitation:${message.invitation.id}`, seq)) {
        invitations.push([message.invitation.id, message.invitation]);
        versions.push([`invitation:${message.invitation.id}`, seq]);
      }
    }
    const conversation = state.conversations.get(conversationId);
    if (conversation && !conversation.collab && messages.some(carriesCollabInvite)) collab.push({ ...conversation, collab: true });
    threads.set(conversationId, { ...mergeMessages(threads.get(conversationId) ?? state.threads.get(conversationId) ?? EMPTY_THREAD, messages), ...patch });
  }
  return putConversations(
    {
      ...state,
      samples: withEntries(state.samples, samples),
      invitations: withEntries(state.invitations, invitations),
      versions: versions.length ? state.versions.set(versions) : state.versions,
      threads: state.threads.set(threads),
    },
    collab,
  );
}

/** Whether a copy reflecting `seq` is at least as recent as what the registry holds under `key`. */
function newer(state: CimState, key: string, seq: number): boolean {
  const known = state.versions.get(key);
  return known === undefined || seq >= known;
}

/** Replaces one thread's fields. */
export function patchThread(state: CimState, conversationId: string, patch: Partial<Thread>): CimState {
  const thread = state.threads.get(conversationId) ?? EMPTY_THREAD;
  return { ...state, threads: state.threads.set([[conversationId, { ...thread, ...patch }]]) };
}

/** Removes one message (a discarded unsent message). */
export function removeMessage(state: CimState, conversationId: string, messageId: string): CimState {
  const thread = state.threads.get(conversationId);
  if (!thread) return state;
  const messages = thread.messages.filter((message) => message.id !== messageId);
  return messages.length === thread.messages.length ? state : patchThread(state, conversationId, { messages });
}

/** Replaces one message in place (delivery state changes). */
export function replaceMessage(state: CimState, conversationId: string, messageId: string, recipe: (message: Message) => Message): CimState {
  const thread = state.threads.get(conversationId);
  const index = thread?.messages.findIndex((message) => message.id === messageId) ?? -1;
  if (!thread || index < 0) return state;
  const messages = thread.messages.slice();
  messages[index] = recipe(messages[index]!);
  return patchThread(state, conversationId, { messages });
}

// ---------------------------------------------------------------- live entities

/** Writes live entities that reflect sequence `seq`, skipping any the registry holds newer. */
export function putLive(
  state: CimState,
  seq: number,
  live: { samples?: readonly SampleRequest[]; invitations?: readonly AgencyInvitation[]; links?: readonly AgencyLink[]; checked?: boolean },
): CimState {
  const versions: [string, number][] = [];
  const pick = <T>(kind: string, items: readonly T[] | undefined, key: (item: T) => string, check?: (item: T) => void): [string, T][] =>
    (items ?? []).filter((item) => {
      if (!newer(state, `${kind}:${key(item)}`, seq)) return false;
      if (live.checked) check?.(item);
      versions.push([`${kind}:${key(item)}`, seq]);
      return true;
    }).map((item) => [key(item), item]);
  const samples = pick('sample', live.samples, (s) => s.id, (s) => {
    const before = state.samples.get(s.id);
    if (before) assertTransition('sample', before.status, s.status);
  });
  const invitations = pick('invitation', live.invitations, (i) => i.id, (i) => {
    const before = state.invitations.get(i.id);
    if (before) assertTransition('invitation', before.state, i.state);
  });
  const links = pick('link', live.links, (l) => l.agencyId, (l) => assertTransition('link', state.links.get(l.agencyId) ?? 'none', l.state));
  return {
    ...state,
    samples: withEntries(state.samples, samples),
    invitations: withEntries(state.invitations, invitations),
    links: withEntries(state.links, links.map(([id, link]) => [id, link.state] as const)),
    versions: versions.length ? state.versions.set(versions) : state.versions,
  };
}

/** Records a seller as blocked or not, and mirrors it on that seller's conversations. */
export function putBlock(state: CimState, seller: Party, blocked: boolean): CimState {
  const blockedSellers = blocked ? withEntries(state.blockedSellers, [[seller.id, seller]]) : withEntries(state.blockedSellers, [], [seller.id]);
  const touched = [...state.conversations.values()]
    .filter((conversation) => conversation.counterpart.id === seller.id && conversation.blocked !== blocked)
    .map((conversation) => ({ ...conversation, blocked }));
  return putConversations({ ...state, blockedSellers }, touched);
}

/** Replaces the blocked sellers with the server's list. */
export function putBlocks(state: CimState, sellers: readonly Party[]): CimState {
  let next: CimState = { ...state, blockedSellers: new Map() };
  for (const seller of state.blockedSellers.values()) if (!sellers.some((s) => s.id === seller.id)) next = putBlock(next, seller, false);
  for (const seller of sellers) next = putBlock(next, seller, true);
  return next;
}

/** Marks products as added to the Showcase. */
export const putShowcase = (state: CimState, productIds: readonly string[], entry: ShowcaseEntry = { state: 'added' }): CimState => ({
  ...state,
  showcase: withEntries(state.showcase, productIds.map((id) => [id, entry] as const)),
});

/** Key of an inbox view in {@link CimState.views}. */
export const viewKey = (tab: InboxTab, filter: string): string => `${tab}/${filter}`;

/** Replaces one inbox view's paging fields. */
export function patchView(state: CimState, key: string, patch: Partial<ViewPaging>): CimState {
  const view = state.views.get(key) ?? EMPTY_VIEW;
  return { ...state, views: withEntries(state.views, [[key, { ...view, ...patch }]]) };
}

/**
 * Undoes an optimistic change of some fields of a conversation: each field goes back to `before`
 * only while it still holds the optimistic value, so anything newer (a message that arrived
 * meanwhile) stays.
 */
export function revertConversation(state: CimState, id: string, patch: Partial<Conversation>, before: Conversation): CimState {
  const current = state.conversations.get(id);
  if (!current) return state;
  const undo: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (Object.is(current[field as keyof Conversation], value)) undo[field] = before[field as keyof Conversation];
  }
  return Object.keys(undo).length ? putConversations(state, [{ ...current, ...undo }]) : state;
}

// ---------------------------------------------------------------- the write path: answers (events: state-events.ts)

/** A validated answer of the server, as {@link applyAnswer} folds it. */
export type Answer =
  | { readonly type: 'summary'; readonly summary: InboxSummary }
  | { readonly type: 'conversations'; readonly key: string; readonly conversations: readonly Conversation[]; readonly nextCursor: string | null }
  | { readonly type: 'conversation'; readonly conversation: Conversation }
  | { readonly type: 'messages'; readonly conversationId: string; readonly messages: readonly Message[]; readonly olderCursor: string | null; readonly latest: boolean; readonly asOf?: number }
  | { readonly type: 'sent'; readonly message: Message; readonly conversation: Conversation }
  | { readonly type: 'showcase'; readonly productIds: readonly string[] }
  | { readonly type: 'showcaseResults'; readonly entries: readonly (readonly [string, ShowcaseEntry])[] }
  | { readonly type: 'blocks'; readonly sellers: readonly Party[] }
  | { readonly type: 'block'; readonly seller: Party; readonly blocked: boolean; readonly conversation: Conversation | null }
  // `asOf`: the sequence applied when the request left. The server answered from a state at least
  // that recent, but an event that landed since may be newer than the answer; it must win.
  | { readonly type: 'links'; readonly links: readonly AgencyLink[]; readonly asOf: number }
  | { readonly type: 'invitation'; readonly invitation: AgencyInvitation; readonly link: AgencyLink | null; readonly asOf: number }
  | { readonly type: 'link'; readonly link: AgencyLink; readonly asOf: number }
  | { readonly type: 'quickReplies'; readonly replies: readonly QuickReply[] };

/**
 * Folds one answer into the state. An answer reflects at least every event applied before its
 * request left, so its live entities are recorded at that sequence (`asOf`) and an event that
 * landed while it was on its way wins; a sent message's card is recorded at the message's seq
 * (the seller may decide before the answer lands).
 */
export function applyAnswer(state: CimState, answer: Answer): CimState {
  switch (answer.type) {
    case 'summary':
      return { ...state, creator: answer.summary.creator, unread: answer.summary.unread, lastSeq: Math.max(state.lastSeq, answer.summary.lastSeq) };
    case 'conversations':
      return patchView(putConversations(state, answer.conversations), answer.key, { status: 'ready', error: null, nextCursor: answer.nextCursor, loaded: true });
    case 'conversation':
      return putConversations(state, [answer.conversation]);
    case 'messages': {
      const thread = state.threads.get(answer.conversationId) ?? EMPTY_THREAD;
      // A refreshed latest page keeps the cursor of older pages already loaded.
      const olderCursor = answer.latest && thread.loaded ? thread.olderCursor : answer.olderCursor;
      return putMessageBatches(state, [
        { conversationId: answer.conversationId, messages: answer.messages, patch: { status: 'ready', error: null, loaded: true, olderCursor }, asOf: answer.asOf },
      ]);
    }
    case 'sent':
      // The card it carries is as of the message's own seq: the answer may land after a newer event.
      return putMessageBatches(putConversations(state, [answer.conversation]), [{ conversationId: answer.conversation.id, messages: [answer.message] }]);
    case 'showcase': {
      const listed = new Set(answer.productIds);
      const stale = [...state.showcase].filter(([id, entry]) => entry.state === 'added' && !listed.has(id)).map(([id]) => id);
      return { ...state, showcase: withEntries(state.showcase, answer.productIds.map((id) => [id, { state: 'added' }] as const), stale) };
    }
    case 'showcaseResults':
      return { ...state, showcase: withEntries(state.showcase, answer.entries) };
    case 'blocks':
      return putBlocks(state, answer.sellers);
    case 'block': {
      const next = putBlock(state, answer.seller, answer.blocked);
      return answer.conversation ? putConversations(next, [answer.conversation]) : next;
    }
    case 'links': {
      const listed = new Set(answer.links.map((link) => link.agencyId));
      const gone = [...state.links.keys()].filter((id) => !listed.has(id) && newer(state, `link:${id}`, answer.asOf));
      const next = putLive(state, answer.asOf, { links: answer.links });
      return { ...next, links: withEntries(next.links, [], gone) };
    }
    case 'invitation':
      return putLive(state, answer.asOf, { invitations: [answer.invitation], links: answer.link ? [answer.link] : [] });
    case 'link':
      return putLive(state, answer.asOf, { links: [answer.link] });
    case 'quickReplies':
      return { ...state, quickReplies: answer.replies };
  }
}
