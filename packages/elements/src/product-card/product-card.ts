import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import { type CreatorImClient, type Product, type ProductList, type ShowcaseEntry } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { emit } from '../events.js';
import { cardStyles, dialogStyles, tokens } from '../theme.js';
import { clip, errorMessage, formatPercent, formatPrice } from '../format.js';
import { picture, pictureStyles } from '../avatar.js';
import { DialogHandle } from '../dialog.js';
import { keepingFocus } from '../focus.js';

/** Adds products to the Showcase and tells the host what was added; resolves with the error to show, or ''. */
async function addToShowcase(host: HTMLElement, client: CreatorImClient, productIds: string[]): Promise<string> {
  try {
    const { added } = await client.showcase.add(productIds);
    if (added.length) emit(host, 'cim-products-add', { productIds: [...added] });
    return '';
  } catch (error) {
    return errorMessage(error);
  }
}

/** One product's picture, name, price and commission (shared by both cards). */
function productLine(product: Product, action: unknown = nothing) {
  const name = clip(product.name);
  return html`<div class="product">
    ${picture(product.name, product.imageUrl, 'thumb', name)}
    <div class="text">
      <div class="name" dir="auto" title=${name}>${name}</div>
      <div class="facts">
        ${formatPrice(product.price)} · ${msg(str`Commission ${formatPercent(product.commissionRate)}`, { id: 'product.commission' })}
      </div>
    </div>
    ${action}
  </div>`;
}

/**
 * A single product sent in a conversation, with "Add to Showcase" (and "Added" once it is in).
 *
 * @tag cim-product-card
 * @summary One product, addable to the Showcase.
 * @fires cim-products-add - The product was added; `detail.productIds`.
 * @csspart card - The card.
 */
@localized()
export class CimProductCard extends LitElement {
  static override styles = [tokens, cardStyles, dialogStyles, pictureStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The product shown. */
  @property({ attribute: false }) product?: Product;

  @state() private busy = false;
  @state() private error = '';

  private readonly entry = new StoreController<ShowcaseEntry | undefined>(this, () => (this.client && this.product ? this.client.showcase.product(this.product.id) : undefined));

  override render() {
    const product = this.product;
    if (!product) return nothing;
    const entry = this.entry.value;
    const action =
      entry?.state === 'added'
        ? html`<span class="pill good" tabindex="-1">${msg('Added', { id: 'showcase.added' })}</span>`
        : entry?.state === 'unavailable'
          ? html`<span class="pill bad">${msg('Unavailable', { id: 'showcase.unavailable' })}</span>`
          : html`<button class="btn primary" ?disabled=${this.busy} @click=${this.add} aria-label=${msg(str`Add to Showcase: ${clip(product.name)}`, { id: 'showcase.addToLabel' })}>
              ${msg('Add to Showcase', { id: 'showcase.addOne' })}
            </button>`;
    return html`<article class="card" part="card" aria-label=${msg(str`Product: ${clip(product.name)}`, { id: 'product.label' })}>
      <span class="kind">${msg('Product', { id: 'product.kind' })}</span>
      ${productLine(product, action)}
      ${entry?.state === 'unavailable' ? html`<p class="error">${entry.reason}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </article>`;
  }

  private add = async (): Promise<void> => {
    if (!this.client || !this.product) return;
    this.busy = true;
    const client = this.client;
    const id = this.product.id;
    this.error = await keepingFocus(this, () => addToShowcase(this, client, [id]), () => this.renderRoot.querySelector<HTMLElement>('.pill, button'));
    this.busy = false;
  };
}

/**
 * A product list: a seller's Targeted Plan invite or an agency's product list. "Add all" adds every
 * product to the Showcase at once; "View products" opens the list to add them one by one; the card
 * shows "Added" once every product is in. Products that can no longer be added are named with why.
 *
 * @tag cim-product-list-card
 * @summary A Targeted Plan or agency product list with "Add all".
 * @fires cim-products-add - Products were added; `detail.productIds`.
 * @csspart card - The card.
 * @csspart dialog - The product list dialog.
 */
@localized()
export class CimProductListCard extends LitElement {
  static override styles = [tokens, cardStyles, dialogStyles, pictureStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The product list shown. */
  @property({ attribute: false }) list?: ProductList;

  @state() private busy = new Set<string>();
  @state() private error = '';

  private readonly view = new StoreController(this, () => (this.client && this.list ? this.client.showcase.list(this.list) : undefined));
  private readonly dialog = new DialogHandle(() => this.renderRoot.querySelector('dialog'));

  override render() {
    const list = this.list;
    if (!list) return nothing;
    const view = this.view.value;
    const added = view?.products.filter((p) => p.state === 'added').length ?? 0;
    const unavailable = view?.products.filter((p) => p.state === 'unavailable').length ?? 0;
    const kind = list.source === 'targeted_plan' ? msg('Targeted Plan', { id: 'list.targetedPlan' }) : msg('Product list', { id: 'list.agency' });
    const name = clip(list.name);
    return html`<article class="card" part="card" aria-label=${`${kind}: ${name}`}>
        <span class="kind">${kind}</span>
        <p class="title" dir="auto">${name}</p>
        ${list.products.slice(0, 2).map((product) => productLine(product))}
        <div class="facts">${msg(str`${added} of ${list.products.length} products in your Showcase`, { id: 'list.progress' })}</div>
        ${unavailable ? html`<p class="error">${msg(str`${unavailable} could not be added`, { id: 'list.unavailable' })}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          ${view?.state === 'added'
            ? html`<span class="pill good" role="status">${msg('Added', { id: 'showcase.added' })}</span>`
            : html`<button class="btn primary" ?disabled=${this.busy.size > 0} @click=${() => this.add(list.products.map((p) => p.id))}>
                ${msg('Add all', { id: 'showcase.addAll' })}
              </button>`}
          <button class="btn" aria-haspopup="dialog" @click=${(event: Event) => this.dialog.open(event.currentTarget)}>
            ${msg('View products', { id: 'list.view' })}
          </button>
        </div>
      </article>
      <dialog part="dialog" aria-labelledby="list-title" @click=${this.onBackdrop}>
        <div class="head">
          <h2 id="list-title" dir="auto">${name}</h2>
          <button class="btn" @click=${() => this.dialog.close()}>${msg('Close', { id: 'action.close' })}</button>
        </div>
        <div class="body">
          <ul aria-label=${msg('Products', { id: 'search.products' })}>
            ${list.products.map((product, i) => html`<li>${productLine(product, this.productAction(product, view?.products[i]))}</li>`)}
          </ul>
        </div>
      </dialog>`;
  }

  private productAction(product: Product, entry: { state: string; reason: string | null } | undefined) {
    if (entry?.state === 'added') return html`<span class="pill good">${msg('Added', { id: 'showcase.added' })}</span>`;
    if (entry?.state === 'unavailable') return html`<span class="error">${clip(entry.reason ?? '')}</span>`;
    return html`<button
      class="btn"
      ?disabled=${this.busy.has(product.id)}
      aria-label=${msg(str`Add ${clip(product.name)} to Showcase`, { id: 'showcase.addOneLabel' })}
      @click=${() => this.add([product.id])}
    >
      ${msg('Add', { id: 'showcase.add' })}
    </button>`;
  }

  private onBackdrop = (event: MouseEvent): void => {
    if (event.target === event.currentTarget) this.dialog.close();
  };

  private async add(productIds: string[]): Promise<void> {
    if (!this.client) return;
    this.busy = new Set([...this.busy, ...productIds]);
    const client = this.client;
    const dialog = this.renderRoot.querySelector('dialog');
    // "Add all" becomes "Added": focus moves to "View products"; in the list, to the next "Add" or Close.
    this.error = await keepingFocus(
      this,
      () => addToShowcase(this, client, productIds),
      () =>
        dialog?.open
          ? (dialog.querySelector<HTMLElement>('li button:not([disabled])') ?? dialog.querySelector<HTMLElement>('.head button'))
          : this.renderRoot.querySelector<HTMLElement>('.actions button'),
    );
    this.busy = new Set([...this.busy].filter((id) => !productIds.includes(id)));
  }
}
