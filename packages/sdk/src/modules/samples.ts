import type { Core } from '../core.js';
import { RuleViolationError } from '../errors.js';
import { newEntry } from '../outbox.js';
import type { Product, SampleRequest } from '../schemas.js';
import { sameItems, select, type ReadableStore } from '../store.js';
import { canRequestSample, requestableProducts } from '../rules.js';
import { requireId } from './conversations.js';

/**
 * Sample requests: the creator asks a seller for a sample from inside the seller conversation; the
 * card reads "To review" until the seller approves ("To ship") or rejects ("Cancelled").
 */
export class SamplesModule {
  /** @internal */
  constructor(private readonly core: Core) {}

  /** A live view of one sample request (status changes arrive in real time). */
  sample(sampleId: string): ReadableStore<SampleRequest | undefined> {
    requireId(sampleId, 'sampleId');
    return select(this.core.store, (state) => state.samples[sampleId]);
  }

  /** A live list of the products the creator can request a sample of in this conversation. */
  requestable(conversationId: string): ReadableStore<readonly Product[]> {
    requireId(conversationId, 'conversationId');
    let lastThread: unknown;
    let lastSamples: unknown;
    let last: readonly Product[] = [];
    return select(this.core.store, (state) => {
      const thread = state.threads.get(conversationId);
      if (thread === lastThread && state.samples === lastSamples) return last;
      lastThread = thread;
      lastSamples = state.samples;
      const next = requestableProducts(thread?.messages ?? [], (id) => state.samples[id]);
      if (!sameItems(next, last)) last = next;
      return last;
    });
  }

  /**
   * Requests a sample of `product` in a seller conversation. Sent through the outbox like a text:
   * optimistic, persisted, de-duplicated by client id. Resolves with the client id.
   */
  async request(conversationId: string, product: Pick<Product, 'id'> & Partial<Product>): Promise<string> {
    requireId(conversationId, 'conversationId');
    requireId(product?.id, 'product.id');
    const conversation = this.core.state.conversations.get(conversationId);
    if (!conversation) throw new RuleViolationError('unknown_entity', `Unknown conversation "${conversationId}".`);
    if (!canRequestSample(conversation)) throw new RuleViolationError('not_a_seller_conversation', 'Samples are requested from sellers.');
    if (conversation.blocked) throw new RuleViolationError('seller_blocked', 'Unblock this seller to request a sample.');
    const entry = newEntry(conversationId, 'sample', product.id);
    const { clientId, createdAt } = entry;
    const full: Product = { name: '', imageUrl: null, price: { amount: 0, currency: 'USD' }, commissionRate: 0, ...product };
    await this.core.enqueue(entry, {
      id: clientId,
      conversationId,
      seq: 0,
      sender: 'creator',
      sentAt: createdAt,
      clientId,
      type: 'SAMPLE_REQUEST',
      sample: { id: `local:${clientId}`, conversationId, product: full, requestedAt: createdAt, status: 'to_review' },
    });
    return clientId;
  }
}
