/**
 * The inbox cache: the latest conversations and recent messages of one creator, kept in IndexedDB
 * so the inbox renders instantly on start, before the network answers (then it revalidates).
 * @packageDocumentation
 */
import type { Conversation, Message } from './schemas.js';
import type { CimState } from './state.js';

/** What the cache keeps of a creator's inbox. */
export interface CachedInbox {
  readonly savedAt: string;
  readonly creator: CimState['creator'];
  readonly unread: CimState['unread'];
  readonly conversations: readonly Conversation[];
  /** Recent confirmed messages of the most recently active conversations. */
  readonly threads: readonly { readonly conversationId: string; readonly messages: readonly Message[] }[];
}

/** Where the inbox cache lives. */
export interface InboxCache {
  load(): Promise<CachedInbox | undefined>;
  save(inbox: CachedInbox): Promise<void>;
  clear(): Promise<void>;
}

/** How much of the inbox is cached. */
export const CACHE_LIMITS = { conversations: 500, threads: 50, messagesPerThread: 30 } as const;

/** The cacheable part of a state: confirmed data only (unsent messages live in the outbox). */
export function snapshotForCache(state: CimState): CachedInbox {
  const conversations = [...state.conversations.values()]
    .sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : -1))
    .slice(0, CACHE_LIMITS.conversations);
  const threads = conversations
    .slice(0, CACHE_LIMITS.threads)
    .map((conversation) => ({
      conversationId: conversation.id,
      messages: (state.threads.get(conversation.id)?.messages ?? []).filter((m) => !m.delivery).slice(-CACHE_LIMITS.messagesPerThread),
    }))
    .filter((thread) => thread.messages.length > 0);
  return { savedAt: new Date().toISOString(), creator: state.creator, unread: state.unread, conversations, threads };
}
