import type { Core } from '../core.js';
import { ArgumentError, RuleViolationError, toCimError } from '../errors.js';
import { newClientId, newEntry } from '../outbox.js';
import { decodeMessage, MessagePageSchema, QuickRepliesSchema, type Conversation, type QuickReply } from '../schemas.js';
import { EMPTY_THREAD, patchThread, type Thread } from '../state.js';
import { select, type ReadableStore } from '../store.js';

/** Longest text message accepted, in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * Conversations: paged history, sending text with optimistic delivery states, retry and discard
 * of failed sends, and the creator's quick replies.
 */
export class ConversationsModule {
  private readonly threads = new Map<string, ReadableStore<Thread>>();

  /** @internal */
  constructor(private readonly core: Core) {}

  /** The creator's quick replies (reply templates). */
  readonly quickReplies: ReadableStore<readonly QuickReply[]> = select(
    this.core.store,
    (state) => state.quickReplies,
  );

  /** A live view of one conversation's messages; it ignores changes to any other conversation. */
  thread(conversationId: string): ReadableStore<Thread> {
    requireId(conversationId, 'conversationId');
    let store = this.threads.get(conversationId);
    if (!store) {
      store = select(this.core.store, (state) => state.threads.get(conversationId) ?? EMPTY_THREAD);
      this.threads.set(conversationId, store);
    }
    return store;
  }

  /** A live view of one conversation's summary (name, blocked, starred…). */
  conversation(conversationId: string): ReadableStore<Conversation | undefined> {
    requireId(conversationId, 'conversationId');
    return select(this.core.store, (state) => state.conversations.get(conversationId));
  }

  /** Loads the latest page of history (on opening a conversation). */
  loadLatest(conversationId: string, options: { signal?: AbortSignal; limit?: number } = {}): Promise<void> {
    return this.loadPage(conversationId, null, options);
  }

  /** Loads the next older page; does nothing at the start of history or while loading. */
  async loadOlder(conversationId: string, options: { signal?: AbortSignal; limit?: number } = {}): Promise<void> {
    const thread = this.core.state.threads.get(conversationId) ?? EMPTY_THREAD;
    if (thread.status === 'loading') return;
    if (!thread.loaded) return this.loadLatest(conversationId, options);
    if (thread.olderCursor === null) return;
    return this.loadPage(conversationId, thread.olderCursor, options);
  }

  private async loadPage(conversationId: string, before: string | null, options: { signal?: AbortSignal; limit?: number }): Promise<void> {
    requireId(conversationId, 'conversationId');
    this.core.update((state) => patchThread(state, conversationId, { status: 'loading', error: null }));
    try {
      const page = await this.core.http.request(`/api/conversations/${encodeURIComponent(conversationId)}/messages`, {
        query: { before, limit: options.limit },
        signal: options.signal,
        schema: MessagePageSchema,
        what: 'message page',
      });
      // All or nothing: one malformed message rejects the page and leaves the thread as it was.
      const messages = page.messages.map(decodeMessage);
      const thread = this.core.state.threads.get(conversationId) ?? EMPTY_THREAD;
      const olderCursor = before === null && thread.loaded ? thread.olderCursor : page.olderCursor;
      this.core.ingest(conversationId, messages, { status: 'ready', loaded: true, olderCursor });
    } catch (error) {
      const failure = toCimError(error);
      this.core.update((state) => patchThread(state, conversationId, { status: 'error', error: failure }));
      throw failure;
    }
  }

  /**
   * Sends a text. It shows at once as `sending`, is kept in the outbox until the server confirms
   * it, becomes `failed` (and is retried automatically) when that fails. Resolves with its client id
   * once the first attempt has settled; never rejects for delivery failures (see the message's state).
   */
  async sendText(conversationId: string, text: string): Promise<string> {
    requireId(conversationId, 'conversationId');
    if (typeof text !== 'string') throw new ArgumentError('text must be a string.');
    const trimmed = text.trim();
    if (!trimmed) throw new RuleViolationError('empty_message', 'A message cannot be empty.');
    if (trimmed.length > MAX_TEXT_LENGTH) throw new ArgumentError(`A message is at most ${MAX_TEXT_LENGTH} characters.`);
    const conversation = this.core.state.conversations.get(conversationId);
    if (conversation?.blocked) throw new RuleViolationError('seller_blocked', 'Unblock this seller to send messages.');
    const entry = newEntry(conversationId, 'text', trimmed);
    await this.core.enqueue(entry);
    return entry.clientId;
  }

  /** Sends a failed message again now. */
  retry(clientId: string): Promise<void> {
    requireId(clientId, 'clientId');
    return this.core.retry(clientId);
  }

  /** Gives up a failed message: it leaves the outbox and the thread. */
  discard(clientId: string): Promise<void> {
    requireId(clientId, 'clientId');
    return this.core.discard(clientId);
  }

  /** Loads the quick replies. */
  async loadQuickReplies(signal?: AbortSignal): Promise<void> {
    const { replies } = await this.core.http.request('/api/quick-replies', { signal, schema: QuickRepliesSchema, what: 'quick replies' });
    this.core.update((state) => ({ ...state, quickReplies: replies }));
  }

  /** Replaces the quick replies (add, edit, remove, reorder). Optimistic; rolled back on failure. */
  async saveQuickReplies(replies: readonly { id?: string; text: string }[]): Promise<void> {
    if (!Array.isArray(replies)) throw new ArgumentError('replies must be an array.');
    const next = replies.map((reply) => {
      const text = typeof reply?.text === 'string' ? reply.text.trim() : '';
      if (!text) throw new ArgumentError('A quick reply needs a text.');
      if (text.length > 1000) throw new ArgumentError('A quick reply is at most 1,000 characters.');
      return { id: reply.id || newClientId(), text };
    });
    const before = this.core.state.quickReplies;
    this.core.update((state) => ({ ...state, quickReplies: next }));
    try {
      const saved = await this.core.http.request('/api/quick-replies', { method: 'PUT', body: { replies: next }, idempotent: true, schema: QuickRepliesSchema, what: 'quick replies' });
      this.core.update((state) => ({ ...state, quickReplies: saved.replies }));
    } catch (error) {
      this.core.update((state) => ({ ...state, quickReplies: before }));
      throw toCimError(error);
    }
  }
}

/** Throws {@link ArgumentError} unless `value` is a non-empty string. */
export function requireId(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) throw new ArgumentError(`${name} must be a non-empty string.`);
}
