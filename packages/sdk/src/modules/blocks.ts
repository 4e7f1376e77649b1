import type { Core } from '../core.js';
import { RuleViolationError } from '../errors.js';
import { canBlock } from '../rules.js';
import { BlockResultSchema, BlocksSchema, type Party } from '../schemas.js';
import { putBlock } from '../state.js';
import { select, type ReadableStore } from '../store.js';
import { requireId } from './conversations.js';

/**
 * Blocking: "Block seller" from a seller conversation, "Unblock" later, and the list of blocked
 * sellers. While blocked the backend refuses the seller's messages and tells the seller so.
 */
export class BlocksModule {
  /** @internal */
  constructor(private readonly core: Core) {}

  /** Blocked sellers, by seller id. */
  readonly blocked: ReadableStore<Readonly<Record<string, Party>>> = select(
    this.core.store,
    (state) => state.blockedSellers,
  );

  /** Loads the blocked sellers. */
  async load(signal?: AbortSignal): Promise<void> {
    const { sellers } = await this.core.http.request('/api/blocks', { signal, schema: BlocksSchema, what: 'blocked sellers' });
    this.core.update((state) => sellers.reduce((next, seller) => putBlock(next, seller, true), { ...state, blockedSellers: {} }));
  }

  /** Blocks the seller of a conversation ("Block seller"). */
  block(conversationId: string): Promise<void> {
    return this.set(conversationId, true);
  }

  /** Unblocks the seller of a conversation ("Unblock"). */
  unblock(conversationId: string): Promise<void> {
    return this.set(conversationId, false);
  }

  private async set(conversationId: string, blocked: boolean): Promise<void> {
    requireId(conversationId, 'conversationId');
    const conversation = this.core.state.conversations.get(conversationId);
    if (!conversation) throw new RuleViolationError('unknown_entity', `Unknown conversation "${conversationId}".`);
    const seller = conversation.counterpart;
    if (!canBlock(conversation)) throw new RuleViolationError('not_a_seller_conversation', 'Only sellers can be blocked.');
    const result = await this.core.http.request(`/api/blocks/${encodeURIComponent(seller.id)}`, {
      method: blocked ? 'PUT' : 'DELETE',
      idempotent: true,
      schema: BlockResultSchema,
      what: 'block result',
    });
    this.core.update((state) => putBlock(state, seller, result.blocked));
    if (result.conversation) this.core.ingestConversations([result.conversation]);
  }
}
