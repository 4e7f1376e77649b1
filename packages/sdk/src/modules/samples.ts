import { requireId } from '../args.js';
import type { Core } from '../core.js';
import { ArgumentError } from '../errors.js';
import type { Product, SampleRequest } from '../schemas.js';
import { sameItems, select, StoreCache, type ReadableStore } from '../store.js';
import { requestableProducts } from '../rules.js';

/**
 * Sample requests: the creator asks a seller for a sample from inside the seller conversation; the
 * card reads "To review" until the seller approves ("To ship") or rejects ("Cancelled").
 */
export class SamplesModule {
  private readonly samples = new StoreCache<string, SampleRequest | undefined>();
  private readonly requestables = new StoreCache<string, readonly Product[]>();

  /** @internal */
  constructor(private readonly core: Core) {}

  /** A live view of one sample request (status changes arrive in real time); the same store while subscribed. */
  sample(sampleId: string): ReadableStore<SampleRequest | undefined> {
    requireId(sampleId, 'sampleId');
    return this.samples.get(sampleId, () => select(this.core.store, (state) => state.samples.get(sampleId)));
  }

  /** A live list of the products the creator can request a sample of in this conversation; the same store while subscribed. */
  requestable(conversationId: string): ReadableStore<readonly Product[]> {
    requireId(conversationId, 'conversationId');
    return this.requestables.get(conversationId, () => {
      let lastThread: unknown;
      let lastSamples: unknown;
      let last: readonly Product[] = [];
      return select(this.core.store, (state) => {
        const thread = state.threads.get(conversationId);
        if (thread === lastThread && state.samples === lastSamples) return last;
        lastThread = thread;
        lastSamples = state.samples;
        const next = requestableProducts(thread?.messages ?? [], (id) => state.samples.get(id));
        if (!sameItems(next, last)) last = next;
        return last;
      });
    });
  }

  /**
   * Requests a sample of `product` in a seller conversation. Sent through the outbox like a text:
   * optimistic, persisted (with the product, so the card looks the same after a reload),
   * de-duplicated by client id. Resolves with the client id.
   */
  async request(conversationId: string, product: Pick<Product, 'id'> & Partial<Product>): Promise<string> {
    requireId(conversationId, 'conversationId');
    if (!product || typeof product !== 'object') throw new ArgumentError('product must be a product (at least { id }).');
    requireId(product.id, 'product.id');
    return (await this.core.writes()).requestSample(this.core, conversationId, product);
  }
}

