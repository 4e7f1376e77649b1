import { requireId, requireOptions, requireString } from '../args.js';
import type { Core } from '../core.js';
import { ArgumentError, RuleViolationError, toCimError } from '../errors.js';
import { newClientId, newEntry } from '../outbox.js';
import type { Conversation, QuickReply } from '../schemas.js';
import { LIMITS } from '../vocabulary.js';
import { EMPTY_THREAD, patchThread, type Thread } from '../state.js';
import { select, StoreCache, type ReadableStore } from '../store.js';

/** Longest text message accepted, in UTF-16 code units (`LIMITS.text`). */
export const MAX_TEXT_LENGTH = LIMITS.text;

/**
 * Conversations: paged history, sending text with optimistic delivery states, retry and discard
 * of failed sends, and the creator's quick replies.
 */
export class ConversationsModule {
  private readonly threads = new StoreCache<string, Thread>();
  private readonly sessions = new StoreCache<string, Thread>();
  private readonly summaries = new StoreCache<string, Conversation | undefined>();

  /** @internal */
  constructor(
    private readonly core: Core,
    private readonly markRead: (conversationId: string) => Promise<void>,
  ) {}

  /** The creator's quick replies (reply templates). */
  readonly quickReplies: ReadableStore<readonly QuickReply[]> = select(
    this.core.store,
    (state) => state.quickReplies,
  );

  /**
   * A live view of one conversation's messages; it ignores changes to any other conversation.
   * The same store for the same id while it has subscribers; the latest page loads when the first
   * subscriber arrives (unless already loaded).
   */
  thread(conversationId: string): ReadableStore<Thread> {
    requireId(conversationId, 'conversationId');
    return this.threads.get(
      conversationId,
      () => select(this.core.store, (state) => state.threads.get(conversationId) ?? EMPTY_THREAD),
      // Failures land in the thread's `status`/`error`; nothing is left unhandled.
      () => void this.loadIfNeeded(conversationId)?.catch(() => undefined),
    );
  }

  /**
   * The open conversation: its thread, loaded on the first subscription, and kept read while
   * anyone subscribes (opening it marks it read, and so does each message that arrives while it is
   * open). This is the store a conversation screen subscribes to.
   */
  session(conversationId: string): ReadableStore<Thread> {
    requireId(conversationId, 'conversationId');
    return this.sessions.get(
      conversationId,
      () => select(this.core.store, (state) => state.threads.get(conversationId) ?? EMPTY_THREAD),
      () => {
        // Failures land in the thread's `status`/`error`; nothing is left unhandled.
        if (!this.core.disposed) this.open(conversationId).catch(() => undefined);
        const read = () => {
          if ((this.core.state.conversations.get(conversationId)?.unreadCount ?? 0) > 0 && !this.core.disposed) {
            this.markRead(conversationId).catch((error: unknown) => this.core.report(error));
          }
        };
        // Just after opening, so the screen can still read how many messages were unread.
        queueMicrotask(read);
        return select(this.core.store, (state) => state.conversations.get(conversationId)?.unreadCount ?? 0).subscribe(read);
      },
    );
  }

  /** Loads the latest page unless it is loaded or loading; its promise, or undefined. */
  private loadIfNeeded(conversationId: string): Promise<void> | undefined {
    const thread = this.core.state.threads.get(conversationId) ?? EMPTY_THREAD;
    return thread.loaded || thread.status === 'loading' || this.core.disposed ? undefined : this.loadPage(conversationId, null, {});
  }

  /** A live view of one conversation's summary (name, blocked, starred…); the same store while subscribed. */
  conversation(conversationId: string): ReadableStore<Conversation | undefined> {
    requireId(conversationId, 'conversationId');
    return this.summaries.get(conversationId, () => select(this.core.store, (state) => state.conversations.get(conversationId)));
  }

  /** Loads the latest page of history. */
  async loadLatest(conversationId: string, options: { signal?: AbortSignal; limit?: number } = {}): Promise<void> {
    requireId(conversationId, 'conversationId');
    requireOptions(options);
    return this.loadPage(conversationId, null, options);
  }

  /**
   * Loads what a conversation's screen needs: its latest page when not loaded yet, and, for a
   * conversation the client has not loaded (a search hit, a link), its summary — opening marks it
   * read, and that answer carries it. A failure lands in the thread's `status`/`error` and rejects;
   * calling it again retries what failed. `session()` calls it when first subscribed.
   */
  async open(conversationId: string): Promise<void> {
    requireId(conversationId, 'conversationId');
    this.core.alive();
    const thread = this.core.state.threads.get(conversationId) ?? EMPTY_THREAD;
    const page = this.loadIfNeeded(conversationId);
    const summary = this.core.state.conversations.has(conversationId) ? undefined : this.markRead(conversationId);
    summary?.catch(() => undefined); // awaited below, after the page
    await page;
    try {
      await summary;
      // Retried after only the summary had failed: the loaded thread is fine again.
      if (!page && thread.loaded && thread.status === 'error') this.core.update((state) => patchThread(state, conversationId, { status: 'ready', error: null }));
    } catch (error) {
      // Without its summary the conversation cannot be shown: the thread says so, like a failed page.
      const failure = toCimError(error);
      this.core.update((state) => patchThread(state, conversationId, { status: 'error', error: failure }));
      throw failure;
    }
  }

  /** Loads the next older page; does nothing at the start of history or while loading. */
  async loadOlder(conversationId: string, options: { signal?: AbortSignal; limit?: number } = {}): Promise<void> {
    requireId(conversationId, 'conversationId');
    requireOptions(options);
    const thread = this.core.state.threads.get(conversationId) ?? EMPTY_THREAD;
    if (thread.status === 'loading') return;
    if (!thread.loaded) return this.loadLatest(conversationId, options);
    if (thread.olderCursor === null) return;
    return this.loadPage(conversationId, thread.olderCursor, options);
  }

  private async loadPage(conversationId: string, before: string | null, options: { signal?: AbortSignal; limit?: number }): Promise<void> {
    this.core.alive();
    this.core.update((state) => patchThread(state, conversationId, { status: 'loading', error: null }));
    try {
      // Message by message: a bad message is left out (and reported), the rest of the thread shows.
      await this.core.messagePage(conversationId, before, options);
    } catch (error) {
      const failure = toCimError(error);
      this.core.update((state) => patchThread(state, conversationId, { status: 'error', error: failure }));
      throw failure;
    }
  }

  /**
   * Sends a text. It shows at once as `sending`, is kept in the outbox until the server confirms
   * it, becomes `failed` (and is retried automatically) when that fails; sends of one conversation
   * are delivered in the order written. Resolves with its client id once it is persisted in the
   * outbox; never rejects for delivery failures (see the message's `delivery`).
   */
  async sendText(conversationId: string, text: string): Promise<string> {
    requireId(conversationId, 'conversationId');
    requireString(text, 'text');
    this.core.alive();
    const trimmed = text.trim();
    if (!trimmed) throw new RuleViolationError('empty_message', 'A message cannot be empty.');
    if (trimmed.length > LIMITS.text) throw new ArgumentError(`A message is at most ${LIMITS.text} characters.`);
    const conversation = this.core.state.conversations.get(conversationId);
    if (conversation?.blocked) throw new RuleViolationError('seller_blocked', 'Unblock this seller to send messages.');
    const entry = newEntry(conversationId, 'text', trimmed);
    await this.core.enqueue(entry);
    return entry.clientId;
  }

  /** Sends a failed message again now (after any earlier unsent message of its conversation). */
  async retry(clientId: string): Promise<void> {
    requireId(clientId, 'clientId');
    this.core.alive();
    await (await this.core.outbox()).retry(clientId);
  }

  /** Gives up a failed message: it leaves the outbox and the thread. */
  async discard(clientId: string): Promise<void> {
    requireId(clientId, 'clientId');
    this.core.alive();
    await (await this.core.outbox()).discard(clientId);
  }

  /** Loads the quick replies (a bad one is left out and reported). */
  async loadQuickReplies(signal?: AbortSignal): Promise<void> {
    requireOptions({ signal });
    const { replies } = await this.core.request('/api/quick-replies', { signal, answer: 'quick replies' });
    this.core.apply({ type: 'quickReplies', replies: await this.core.items(replies, 'quick reply') });
  }

  /**
   * Replaces the quick replies (add, edit, remove, reorder). Checked against `LIMITS` before
   * anything is sent. Optimistic; on failure the list goes back unless it changed since.
   */
  async saveQuickReplies(replies: readonly { id?: string; text: string }[]): Promise<void> {
    if (!Array.isArray(replies)) throw new ArgumentError('replies must be an array.');
    this.core.alive();
    const next = replies.map((reply) => {
      const text = typeof reply?.text === 'string' ? reply.text.trim() : '';
      if (!text) throw new ArgumentError('A quick reply needs a text.');
      return { id: reply.id === undefined || reply.id === '' ? newClientId() : reply.id, text };
    });
    // Loaded since the first request: then the optimistic list below shows synchronously, as before.
    const { parse, QuickRepliesSchema } = this.core.loadedDecoders ?? (await this.core.decoders());
    try {
      parse(QuickRepliesSchema, { replies: next }, 'quick replies');
    } catch (error) {
      throw new ArgumentError(`Quick replies: at most ${LIMITS.quickReplies}, ids of 1 to ${LIMITS.id} characters, texts of at most ${LIMITS.quickReply} (${(error as Error).message}).`);
    }
    const before = this.core.state.quickReplies;
    this.core.apply({ type: 'quickReplies', replies: next });
    try {
      const saved = await this.core.request('/api/quick-replies', { method: 'PUT', body: { replies: next }, idempotent: true, answer: 'quick replies' });
      this.core.apply({ type: 'quickReplies', replies: await this.core.items(saved.replies, 'quick reply') });
    } catch (error) {
      // Only our own change goes back: a list saved or loaded since stays.
      this.core.update((state) => (state.quickReplies === next ? { ...state, quickReplies: before } : state));
      throw toCimError(error);
    }
  }
}

export { requireId };
