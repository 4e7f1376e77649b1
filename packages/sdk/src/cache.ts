/**
 * The inbox cache: the latest conversations, recent messages and cards' live state of one creator,
 * with the event sequence they reflect, kept in IndexedDB so the inbox renders instantly on start,
 * then catches up from that sequence.
 * @packageDocumentation
 */
import type { AgencyInvitation, AgencyLink, Conversation, Message, Party, QuickReply, SampleRequest } from './schemas.js';
import type { CimState, ShowcaseEntry } from './state.js';

/** What the cache keeps of a creator's inbox. */
export interface CachedInbox {
  readonly savedAt: string;
  /** The last event sequence this snapshot reflects; the next start catches up from it. Absent in caches written before 0.2. */
  readonly lastSeq?: number;
  readonly creator: CimState['creator'];
  readonly unread: CimState['unread'];
  readonly conversations: readonly Conversation[];
  /** Recent confirmed messages of the most recently active conversations. */
  readonly threads: readonly { readonly conversationId: string; readonly messages: readonly Message[] }[];
  readonly samples?: readonly SampleRequest[];
  readonly invitations?: readonly AgencyInvitation[];
  readonly links?: readonly AgencyLink[];
  readonly blockedSellers?: readonly Party[];
  /** Product ids in the Showcase. */
  readonly showcase?: readonly string[];
  /** Products that could not be added, with why. */
  readonly unavailable?: readonly (readonly [string, ShowcaseEntry])[];
  readonly quickReplies?: readonly QuickReply[];
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
  const showcase = [...state.showcase];
  return {
    savedAt: new Date().toISOString(),
    lastSeq: state.lastSeq,
    creator: state.creator,
    unread: state.unread,
    conversations,
    threads,
    samples: [...state.samples.values()],
    invitations: [...state.invitations.values()],
    links: [...state.links].map(([agencyId, linkState]) => ({ agencyId, state: linkState })),
    blockedSellers: [...state.blockedSellers.values()],
    showcase: showcase.filter(([, entry]) => entry.state === 'added').map(([id]) => id),
    unavailable: showcase.filter(([, entry]) => entry.state !== 'added'),
    quickReplies: state.quickReplies,
  };
}
