import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import type { CreatorImClient, Product, Thread } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { dialogStyles, tokens } from '../theme.js';
import { DialogHandle } from '../dialog.js';
import { emit } from '../events.js';
import { clip, errorMessage, formatPrice } from '../format.js';
import { formatLocale } from '../localization.js';
import { picture, pictureStyles } from '../avatar.js';
import { sessionDialogStyles } from './dialogs.styles.js';

/**
 * "Request sample": the products this seller shared in the conversation that can still be
 * requested (the SDK decides which), one "Request" each.
 *
 * @tag cim-sample-dialog
 * @summary Choosing a product to request a sample of.
 * @fires cim-sample-request - A sample was requested; `detail.conversationId`, `detail.productId`.
 * @csspart dialog - The dialog.
 */
@localized()
export class CimSampleDialog extends LitElement {
  static override styles = [tokens, dialogStyles, pictureStyles, sessionDialogStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The conversation with the seller. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  @state() private error = '';
  private readonly requestable = new StoreController<readonly Product[]>(this, () =>
    this.client && this.conversationId ? this.client.samples.requestable(this.conversationId) : undefined,
  );
  /** Products come from the thread: until it has loaded, "none shared" would be a false claim. */
  private readonly thread = new StoreController<Thread>(this, () =>
    this.client && this.conversationId ? this.client.conversations.thread(this.conversationId) : undefined,
  );
  private readonly dialog = new DialogHandle(() => this.renderRoot.querySelector('dialog'));

  /** Opens the dialog; focus returns to `opener` when it closes. */
  show(opener: EventTarget | null): void {
    this.error = '';
    this.dialog.open(opener);
  }

  override render() {
    const products = this.requestable.value ?? [];
    const locale = formatLocale();
    return html`<dialog part="dialog" aria-labelledby="samples-title">
      <div class="head">
        <h2 id="samples-title">${msg('Request sample', { id: 'sample.request' })}</h2>
        <button class="btn" @click=${() => this.dialog.close()}>${msg('Close', { id: 'action.close' })}</button>
      </div>
      <div class="body">
        ${products.length
          ? html`<ul aria-label=${msg('Products', { id: 'search.products' })}>
              ${products.map((product) => {
                const name = clip(product.name);
                return html`<li class="pick">
                  ${picture(product.name, product.imageUrl, 'thumb')}
                  <span><bdi>${name}</bdi> <small>${formatPrice(product.price, locale)}</small></span>
                  <button class="btn primary" aria-label=${msg(str`Request a sample of ${name}`, { id: 'sample.requestOne' })} @click=${() => this.request(product)}>
                    ${msg('Request', { id: 'sample.requestShort' })}
                  </button>
                </li>`;
              })}
            </ul>`
          : !this.thread.value?.loaded
            ? html`<p role="status">${msg('Loading messages…', { id: 'session.loadingMessages' })}</p>`
            : html`<p>${msg('No product to request yet: the seller has not shared one in this conversation.', { id: 'sample.none' })}</p>`}
        ${this.error ? html`<p class="failed" role="alert">${this.error}</p>` : ''}
      </div>
    </dialog>`;
  }

  private async request(product: Product): Promise<void> {
    if (!this.client) return;
    try {
      await this.client.samples.request(this.conversationId, product);
      emit(this, 'cim-sample-request', { conversationId: this.conversationId, productId: product.id });
      this.dialog.close();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}
