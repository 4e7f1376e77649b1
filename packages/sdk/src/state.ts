/**
 * The client's whole state as one immutable snapshot, and the pure functions that fold server data
 * into it. Every write goes through here, so structural sharing is kept: a change to one
 * conversation leaves every other conversation's objects (and thread) identical.
 * @packageDocumentation
 */
import type { CimError } from './errors.js';
import { IdMap } from './id-map.js';
import { carriesCollabInvite, INBOX_TABS, inTab, type InboxTab } from './rules.js';
import type {
  AgencyInvitation,
  Conversation,
  LinkState,
  Message,
  Party,
  QuickReply,
  SampleRequest,
} from './schemas.js';

/** Loading state of anything fetched. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Real-time connection state, for "offline / reconnecting" banners. */
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

/** Everything the client knows. Never mutated: each change produces a new snapshot. */
export interface CimState {
  readonly creator: { readonly id: string; readonly name: string } | null;
  readonly connection: ConnectionState;
  /** Last real-time sequence applied. */
  readonly lastSeq: number;
  /** Conversations by id (an immutable map: `get(id)`, `values()`). */
  readonly conversations: IdMap<Conversation>;
  readonly views: Readonly<Record<string, ViewPaging>>;
  /** Unread message counts per tab. */
  readonly unread: Readonly<Record<InboxTab, number>>;
  /** Each conversation's loaded messages, by conversation id. */
  readonly threads: IdMap<Thread>;
  readonly samples: Readonly<Record<string, SampleRequest>>;
  readonly invitations: Readonly<Record<string, AgencyInvitation>>;
  /** Agreement ids the creator ticked, per invitation (local until Accept). */
  readonly acknowledged: Readonly<Record<string, readonly string[]>>;
  readonly links: Readonly<Record<string, LinkState>>;
  readonly showcase: Readonly<Record<string, ShowcaseEntry>>;
  readonly blockedSellers: Readonly<Record<string, Party>>;
  readonly quickReplies: readonly QuickReply[];
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
  views: {},
  unread: { shop: 0, collab: 0, agency: 0 },
  threads: IdMap.empty(),
  samples: {},
  invitations: {},
  acknowledged: {},
  links: {},
  showcase: {},
  blockedSellers: {},
  quickReplies: [],
};

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
}

/**
 * Merges messages into their threads and folds entity payloads carried by messages (samples,
 * invitations) into their registries. Takes many conversations at once so hydrating a large inbox
 * copies each registry once, not once per conversation.
 */
export function putMessageBatches(state: CimState, batches: readonly MessageBatch[]): CimState {
  if (batches.length === 0) return state;
  const threads = new Map<string, Thread>();
  // New entities are gathered first and merged once: copying a registry per message is quadratic.
  const samples: Record<string, SampleRequest> = {};
  const invitations: Record<string, AgencyInvitation> = {};
  let newSamples = false;
  let newInvitations = false;
  const collab: Conversation[] = [];
  for (const { conversationId, messages, patch } of batches) {
    for (const message of messages) {
      if (message.type === 'SAMPLE_REQUEST' && !state.samples[message.sample.id]) {
        samples[message.sample.id] ??= message.sample;
        newSamples = true;
      }
      if (message.type === 'AGENCY_INVITATION' && !state.invitations[message.invitation.id]) {
        invitations[message.invitation.id] ??= message.invitation;
        newInvitations = true;
      }
    }
    const conversation = state.conversations.get(conversationId);
    if (conversation && !conversation.collab && messages.some(carriesCollabInvite)) collab.push({ ...conversation, collab: true });
    threads.set(conversationId, { ...mergeMessages(threads.get(conversationId) ?? state.threads.get(conversationId) ?? EMPTY_THREAD, messages), ...patch });
  }
  return putConversations(
    {
      ...state,
      samples: newSamples ? { ...state.samples, ...samples } : state.samples,
      invitations: newInvitations ? { ...state.invitations, ...invitations } : state.invitations,
      threads: state.threads.set(threads),
    },
    collab,
  );
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

/** Records a seller as blocked or not, and mirrors it on that seller's conversations. */
export function putBlock(state: CimState, seller: Party, blocked: boolean): CimState {
  const blockedSellers = blocked
    ? { ...state.blockedSellers, [seller.id]: seller }
    : Object.fromEntries(Object.entries(state.blockedSellers).filter(([id]) => id !== seller.id));
  const touched = [...state.conversations.values()]
    .filter((conversation) => conversation.counterpart.id === seller.id && conversation.blocked !== blocked)
    .map((conversation) => ({ ...conversation, blocked }));
  return putConversations({ ...state, blockedSellers }, touched);
}

/** Key of an inbox view in {@link CimState.views}. */
export const viewKey = (tab: InboxTab, filter: string): string => `${tab}/${filter}`;

/** Replaces one inbox view's paging fields. */
export function patchView(state: CimState, key: string, patch: Partial<ViewPaging>): CimState {
  const view = state.views[key] ?? EMPTY_VIEW;
  return { ...state, views: { ...state.views, [key]: { ...view, ...patch } } };
}
