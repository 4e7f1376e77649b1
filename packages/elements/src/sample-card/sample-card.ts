import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized } from '@lit/localize';
import type { CreatorImClient, SampleRequest, SampleStatus } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { cardStyles, tokens } from '../theme.js';
import { clip, formatPrice } from '../format.js';
import { picture, pictureStyles } from '../avatar.js';

/** The guide's three statuses, and how each looks. */
const STATUS: Record<SampleStatus, { label: () => string; tone: string }> = {
  to_review: { label: () => msg('To review', { id: 'sample.toReview' }), tone: 'warn' },
  to_ship: { label: () => msg('To ship', { id: 'sample.toShip' }), tone: 'good' },
  cancelled: { label: () => msg('Cancelled', { id: 'sample.cancelled' }), tone: 'bad' },
};

/**
 * A sample request card: the product and its status, "To review" until the seller approves
 * ("To ship") or rejects ("Cancelled"). Status changes arrive live and are announced politely.
 *
 * @tag cim-sample-card
 * @summary A sample request and its live status.
 * @csspart card - The card.
 * @csspart status - The status pill.
 */
@localized()
export class CimSampleCard extends LitElement {
  static override styles = [tokens, cardStyles, pictureStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The sample request's id; its live status comes from the SDK. */
  @property({ attribute: 'sample-id' }) sampleId = '';

  /** The request as the message carried it, shown until (or unless) the SDK knows it. */
  @property({ attribute: false }) fallback?: SampleRequest;

  private readonly sample = new StoreController<SampleRequest | undefined>(this, () =>
    this.client && this.sampleId ? this.client.samples.sample(this.sampleId) : undefined,
  );

  override render() {
    const sample = this.sample.value ?? this.fallback;
    if (!sample) return nothing;
    const status = STATUS[sample.status];
    return html`<article class="card" part="card" aria-label=${msg('Sample request', { id: 'sample.kind' })}>
      <span class="kind">${msg('Sample request', { id: 'sample.kind' })}</span>
      <div class="product">
        ${picture(sample.product.name, sample.product.imageUrl, 'thumb', clip(sample.product.name))}
        <div>
          <div class="name" dir="auto">${clip(sample.product.name)}</div>
          <div class="facts">${formatPrice(sample.product.price)}</div>
        </div>
        <span class="pill ${status.tone}" part="status" role="status">${status.label()}</span>
      </div>
    </article>`;
  }
}
