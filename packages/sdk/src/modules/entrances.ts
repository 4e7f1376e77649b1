import type { Core } from '../core.js';
import { ArgumentError } from '../errors.js';
import type { Conversation, EntranceType } from '../schemas.js';
import { ENTRANCE_TYPES } from '../vocabulary.js';
import { requireId, requireSignal } from '../args.js';

/** The guide's five entrances. */
export const ENTRANCES: readonly EntranceType[] = ENTRANCE_TYPES;

/** Where a host page opens the inbox from. */
export interface OpenConversationRequest {
  sellerId: string;
  entrance: EntranceType;
  /** The product the creator was looking at (Product Promotion page, Sample Applications). */
  productId?: string | null;
}

/**
 * Entrances: open a conversation with a seller from Notifications, the Product Promotion page
 * ("Contact Seller Online"), Connection Invites, Sample Applications or the Seller's Store page
 * ("Chat"). The server creates it when missing, returns the existing one otherwise, and records
 * the entrance.
 */
export class EntrancesModule {
  /** @internal */
  constructor(private readonly core: Core) {}

  /** Opens (or creates) the conversation with a seller, recording the entrance. */
  async open(request: OpenConversationRequest, signal?: AbortSignal): Promise<Conversation> {
    if (!request || typeof request !== 'object') throw new ArgumentError('request must be { sellerId, entrance, productId? }.');
    requireId(request.sellerId, 'sellerId');
    requireSignal(signal);
    if (!ENTRANCES.includes(request.entrance)) throw new ArgumentError(`Unknown entrance "${String(request.entrance)}"; use one of ${ENTRANCES.join(', ')}.`);
    if (request.productId !== undefined && request.productId !== null) requireId(request.productId, 'productId');
    const { conversation } = await this.core.request('/api/conversations/open', {
      method: 'POST',
      body: { sellerId: request.sellerId, entrance: { type: request.entrance, productId: request.productId ?? null } },
      idempotent: true,
      signal,
      answer: 'conversation',
    });
    this.core.apply({ type: 'conversation', conversation });
    return conversation;
  }
}
