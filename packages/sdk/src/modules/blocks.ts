import { requireId, requireSignal } from '../args.js';
import type { Core } from '../core.js';
import type { Party } from '../schemas.js';
import { select, type ReadableStore } from '../store.js';

/**
 * Blocking: "Block seller" from a seller conversation, "Unblock" later, and the list of blocked
 * sellers. While blocked the backend refuses the seller's messages and tells the seller so.
 */
export class BlocksModule {
  /** @internal */
  constructor(private readonly core: Core) {}

  /** Blocked sellers, by seller id. */
  readonly blocked: ReadableStore<ReadonlyMap<string, Party>> = select(
    this.core.store,
    (state) => state.blockedSellers,
  );

  /** Loads the blocked sellers. */
  async load(signal?: AbortSignal): Promise<void> {
    requireSignal(signal);
    const { sellers } = await this.core.request('/api/blocks', { signal, answer: 'blocked sellers' });
    this.core.apply({ type: 'blocks', sellers: await this.core.items(sellers, 'blocked seller') });
  }

  /** Blocks the seller of a conversation ("Block seller"). */
  async block(conversationId: string): Promise<void> {
    return this.set(conversationId, true);
  }

  /** Unblocks the seller of a conversation ("Unblock"). */
  async unblock(conversationId: string): Promise<void> {
    return this.set(conversationId, false);
  }

  private async set(conversationId: string, blocked: boolean): Promise<void> {
    requireId(conversationId, 'conversationId');
    return (await this.core.writes()).setBlocked(this.core, conversationId, blocked);
  }
}
