import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, localized, str } from '@lit/localize';
import { type EntranceType } from '@creator-im/sdk';
import { StoreController } from '../store-controller.js';
import { badgeCount, errorMessage } from '../format.js';
import { menuStyles, tokens } from '../theme.js';
import { MenuController } from '../menu.js';
import type { CreatorInbox } from '../inbox/creator-inbox.js';

/** Finds the `<creator-inbox>` an entrance targets: by id, else the first on the page. */
function findInbox(id: string | null): CreatorInbox | null {
  const found = id ? document.getElementById(id) : document.querySelector('creator-inbox');
  return found?.localName === 'creator-inbox' ? (found as CreatorInbox) : null;
}

/**
 * Base of the entrances a host page puts on its own pages: they target a `<creator-inbox>` (by the
 * `inbox` attribute, an element id; else the first on the page) and re-render when its client
 * changes.
 */
abstract class InboxEntrance extends LitElement {
  /** The id of the `<creator-inbox>` to open; the first one on the page when absent. */
  @property() inbox: string | null = null;

  protected get target(): CreatorInbox | null {
    return findInbox(this.inbox);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('cim-client-change', this.refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('cim-client-change', this.refresh);
  }

  private refresh = (): void => this.requestUpdate();
}

/**
 * "Contact" on a host page (Product Promotion, Connection Invites, Sample Applications, Seller's
 * Store): opens the inbox on the conversation with `seller-id`, creating it if needed, and records
 * the entrance (and product). With `action-label` ("Contact Seller Online", "Chat") the button
 * first shows a small menu with that one action, as the Creator Center does.
 *
 * @tag cim-contact-button
 * @summary Opens the inbox on a seller conversation from a host page.
 * @slot - The button's label; "Contact" by default.
 * @csspart button - The button.
 * @csspart menu - The menu shown when `action-label` is set.
 */
@localized()
export class CimContactButton extends InboxEntrance {
  static override styles = [
    tokens,
    menuStyles,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      .error {
        color: var(--_danger);
        font-size: 0.8125rem;
      }
    `,
  ];

  /** The seller (shop) to talk to. */
  @property({ attribute: 'seller-id' }) sellerId = '';

  /** Which entrance this is: `product_promotion`, `connection_invites`, `sample_applications`, `seller_store` or `notifications`. */
  @property() entrance: EntranceType = 'seller_store';

  /** The product the page is about, recorded with the entrance. */
  @property({ attribute: 'product-id' }) productId: string | null = null;

  /** When set, "Contact" opens a menu with this one action (e.g. "Contact Seller Online", "Chat"). */
  @property({ attribute: 'action-label' }) actionLabel: string | null = null;

  @state() private error = '';
  private readonly menu = new MenuController(this, () => ({
    button: this.renderRoot.querySelector<HTMLElement>('[part="button"]'),
    menu: this.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
  }));

  override render() {
    return html`<button
        class="btn primary"
        part="button"
        aria-haspopup=${this.actionLabel ? 'menu' : nothing}
        aria-expanded=${this.actionLabel ? String(this.menu.open) : nothing}
        @click=${this.onClick}
      >
        <slot>${msg('Contact', { id: 'contact.label' })}</slot>
      </button>
      ${this.menu.open
        ? html`<div role="menu" part="menu">
            <button role="menuitem" @click=${this.contact}>${this.actionLabel}</button>
          </div>`
        : nothing}
      ${this.error ? html`<span class="error" role="alert">${this.error}</span>` : nothing}`;
  }

  private onClick = (): Promise<void> => (this.actionLabel ? this.menu.toggle() : this.contact());

  private contact = async (): Promise<void> => {
    // Focus returns to "Contact" (the menu item disappears); the inbox then takes it when it shows.
    await this.menu.hide(true);
    const inbox = this.target;
    if (!inbox) {
      this.error = msg('The inbox is not on this page.', { id: 'contact.noInbox' });
      return;
    }
    try {
      await inbox.openConversation({ sellerId: this.sellerId, entrance: this.entrance, productId: this.productId });
      this.error = '';
    } catch (error) {
      this.error = errorMessage(error);
    }
  };
}

/**
 * The Notifications entry of the Creator Center: a bell with the inbox's unread count that opens
 * the inbox.
 *
 * @tag cim-notifications-button
 * @summary The Notifications icon with an unread badge.
 * @fires cim-inbox-open - On the target inbox, when the creator asks to see it.
 * @csspart button - The button.
 * @csspart badge - The unread badge.
 */
@localized()
export class CimNotificationsButton extends InboxEntrance {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
      }
      button {
        position: relative;
        border: 0;
        background: none;
        font-size: 1.35rem;
        line-height: 1;
        padding: 0.35rem 0.5rem;
        border-radius: 8px;
      }
      .badge {
        position: absolute;
        top: -0.2rem;
        inset-inline-end: -0.3rem;
      }
    `,
  ];

  private readonly unread = new StoreController<number>(this, () => this.target?.client?.inbox.totalUnread);

  override render() {
    const unread = this.unread.value ?? 0;
    const label = unread > 0 ? msg(str`Notifications, ${unread} unread`, { id: 'notifications.unread' }) : msg('Notifications', { id: 'notifications.label' });
    return html`<button part="button" aria-label=${label} @click=${() => this.target?.show()}>
      <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>${unread > 0 ? html`<span class="badge" part="badge" aria-hidden="true">${badgeCount(unread)}</span>` : nothing}
    </button>`;
  }
}
