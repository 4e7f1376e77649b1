import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { msg, localized } from '@lit/localize';
import { indexedDbCache, indexedDbOutbox } from '@creator-im/sdk/storage';
import { createClient, type CimError, type CreatorImClient, type InboxTab, type OpenConversationRequest, type TokenProvider } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { emit } from '../events.js';
import { darkTokens, tokens } from '../theme.js';
import { warmFormats } from '../format.js';
import { formatLocale } from '../localization.js';

/**
 * The all-in-one Creator IM embed: tabs, filters, search and the open conversation. Two panes
 * when wide, one pane with back navigation when narrow.
 *
 * Give it a client (`inbox.client = createClient(…)`) or let it make one from `base-url` and a
 * `tokenProvider`. It provides the client to every Creator IM element inside it.
 *
 * @tag creator-inbox
 * @summary The whole Creator IM inbox in one tag.
 * @fires cim-conversation-open - A conversation was opened; `detail.conversationId`.
 * @fires cim-client-change - The SDK client was set or replaced (entrances on the host page listen).
 * @fires cim-inbox-open - The creator asked to see the inbox (Notifications icon, an entrance); a host showing the inbox in a drawer opens it.
 * @csspart header - The top bar with the search box.
 * @csspart list-pane - The pane with tabs, filters and conversations.
 * @csspart session-pane - The pane with the open conversation.
 * @csspart input - The search box.
 * @csspart results - The search results.
 * @csspart tabs - The inbox tabs.
 * @csspart filters - The filter chips.
 * @csspart list - The scrolling conversation list.
 * @csspart row - One conversation row.
 * @csspart row-star - A row's star toggle.
 * @csspart session-header - The open conversation's header.
 * @csspart star - The star toggle in the session header.
 * @csspart menu - The session's More options menu.
 * @csspart messages - The scrolling message history.
 * @csspart new-messages - The "N new messages" button.
 * @csspart composer - The composer (or the blocked notice).
 * @csspart dialog - Every dialog of the session and its cards.
 * @csspart card - The cards in the history.
 * @csspart status - A sample card's status pill.
 * @cssproperty --cim-color-background - Page background.
 * @cssproperty --cim-color-surface - Raised surfaces (cards, selected rows).
 * @cssproperty --cim-color-text - Main text.
 * @cssproperty --cim-color-text-muted - Secondary text.
 * @cssproperty --cim-color-border - Hairlines.
 * @cssproperty --cim-color-accent - Brand color (primary buttons, badges, selected tab).
 * @cssproperty --cim-color-accent-text - Text on the accent color.
 * @cssproperty --cim-color-focus - Focus ring.
 * @cssproperty --cim-radius - Corner radius of cards.
 * @cssproperty --cim-font-family - Font stack.
 * @cssproperty --cim-color-highlight - Background of matched text in search results.
 */
@localized()
export class CreatorInbox extends LitElement {
  // While the results page shows, the list is content-visibility: hidden rather than display: none:
  // out of view with its rendering state kept, so the first keystroke does not make its virtualizer
  // lay out and re-render (nor does Escape, bringing it back).
  static override styles = [
    tokens,
    darkTokens,
    css`
      :host {
        display: block;
        height: 100%;
        min-height: 420px;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
        container-type: inline-size;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(320px, 400px) 1fr;
        grid-template-rows: auto 1fr;
        height: 100%;
      }
      .top {
        grid-column: 1 / -1;
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.6rem 0.75rem;
        border-bottom: 1px solid var(--_border);
      }
      h1 {
        font-size: 1.05rem;
        margin: 0;
        white-space: nowrap;
      }
      .connection {
        font-size: 0.75rem;
        color: var(--_warning);
      }
      .list-pane {
        border-inline-end: 1px solid var(--_border);
        min-height: 0;
        display: flex;
        flex-direction: column;
      }
      cim-inbox-list {
        flex: 1;
        min-height: 0;
      }
      cim-search[active] {
        flex: 1;
      }
      cim-search[active] + cim-inbox-list {
        content-visibility: hidden;
        flex: 0;
      }
      .session-pane {
        min-height: 0;
        min-width: 0;
        display: flex;
        flex-direction: column;
        background: var(--_surface);
      }
      .placeholder {
        margin: auto;
        color: var(--_muted);
        text-align: center;
        padding: 2rem;
      }
      .error {
        padding: 1rem;
        color: var(--_danger);
      }
      @container (max-width: 640px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: 0 1fr;
        }
        /* Compact: the title bar gives its room to the conversation (the title stays for screen readers). */
        .top {
          overflow: hidden;
          padding: 0;
          border: 0;
        }
        .top h1 {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
        .layout[data-open] .list-pane,
        .layout:not([data-open]) .session-pane {
          display: none;
        }
      }
    `,
  ];

  /** Base URL of the Creator IM API. Used when no `client` is given. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /**
   * The signed-in creator's id. When set (and the inbox creates its own client), recent
   * conversations are cached in IndexedDB under it, so the inbox shows at once on the next visit.
   * Read once, when the client is made: set it with `base-url` (as an attribute, or as a property
   * before the element is in the page or before its token source is set).
   */
  @property({ attribute: 'cache-key' }) cacheKey = '';

  /** Supplies the bearer token when the inbox creates its own client. */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** A fixed bearer token (demos); real pages set `tokenProvider`. */
  @property() token = '';

  /** Light (default) or dark theme. */
  @property({ reflect: true }) theme: 'light' | 'dark' = 'light';

  /** The tab shown first. */
  @property({ reflect: true }) tab: InboxTab = 'shop';

  /** The open conversation's id; set it to open one (the entrances do). */
  @property({ attribute: 'conversation-id', reflect: true }) conversationId: string | null = null;

  /** The SDK client. Set it to share one client with the host page; otherwise one is created. */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: CreatorImClient;

  @state() private startError: CimError | null = null;
  /** The client this element made itself (from `base-url`), if any. */
  private made: CreatorImClient | undefined;
  private get ownClient(): boolean {
    return this.client !== undefined && this.client === this.made;
  }
  private readonly connection = new StoreController(this, () => this.client?.connection);

  /**
   * Ownership: a client this element made (from `base-url`) is its own: disposed when the element
   * leaves the document for good, and made again if it comes back. A client handed to it
   * (`client = …`) belongs to the host: started here if not started yet, never disposed here.
   * Moving the element (remove, then insert in the same task) keeps its client.
   *
   * Its own client is made as soon as the element is connected with a base URL and a token source
   * (before its first render, so the first requests leave while lit renders), or later when they
   * are set (a page usually sets `tokenProvider` just after the tag is in the page).
   */
  override connectedCallback(): void {
    if (this.ownClient && this.client?.disposed) this.client = this.made = undefined;
    this.makeClient();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const client = this.client;
    if (!this.ownClient || !client) return;
    // A move re-connects before this task ends: only a real removal disposes.
    setTimeout(() => {
      if (!this.isConnected && this.made === client) client.dispose();
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('client')) {
      // The host handed its own client: the one made here goes.
      if (this.made && this.client !== this.made) {
        this.made.dispose();
        this.made = undefined;
      }
      this.dispatchEvent(new Event('cim-client-change', { bubbles: true, composed: true }));
      const client = this.client;
      if (client && !this.ownClient && typeof client.start === 'function' && !client.started && !client.disposed) {
        this.startError = null;
        client.start().catch((error: CimError) => {
          if (this.client === client) this.startError = error;
        });
      }
    }
  }

  /**
   * Opens the conversation with a seller from an entrance (creating it when it does not exist),
   * records the entrance, and brings the inbox to the creator's attention.
   */
  async openConversation(request: OpenConversationRequest): Promise<void> {
    if (!this.client) throw new Error('Creator IM has no client yet: set `client` or `base-url`.');
    const conversation = await this.client.entrances.open(request);
    this.conversationId = conversation.id;
    // Opened from outside the list (an entrance): the host hears of it as of a row click.
    emit(this, 'cim-conversation-open', { conversationId: conversation.id });
    this.show();
  }

  /**
   * Asks the host to show the inbox (fires `cim-inbox-open`) and moves focus into it: the open
   * conversation's message field, else the conversation list.
   */
  show(): void {
    this.dispatchEvent(new Event('cim-inbox-open', { bubbles: true, composed: true }));
    this.scrollIntoView?.({ block: 'nearest' });
    void this.focusInside();
  }

  private async focusInside(): Promise<void> {
    await this.updateComplete;
    const session = this.renderRoot.querySelector('cim-chat-session');
    const target: HTMLElement | null = session ?? this.renderRoot.querySelector('cim-inbox-list');
    await (target as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    target?.focus({ preventScroll: true });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // No client given (React wrappers set every unset prop to undefined on each render): its own.
    if (changed.has('client') && !this.client && this.made && !this.made.disposed) this.client = this.made;
    // A token source or base URL set after the element was connected (or the host's client taken back).
    if (changed.has('baseUrl') || changed.has('tokenProvider') || changed.has('token') || changed.has('client')) this.makeClient();
  }

  /** Makes and starts this element's own client, once it is connected with a base URL and a token source. */
  private makeClient(): void {
    if (this.client || !this.isConnected || !this.baseUrl || !(this.tokenProvider || this.token)) return;
    const client = createClient({
      baseUrl: this.baseUrl,
      // Read at call time, so a provider set or replaced later is the one asked.
      token: (options) => (this.tokenProvider ? this.tokenProvider(options) : this.token),
      outbox: typeof indexedDB === 'undefined' ? undefined : indexedDbOutbox(),
      cache: typeof indexedDB === 'undefined' || !this.cacheKey ? undefined : indexedDbCache(this.cacheKey),
    });
    this.client = this.made = client;
    this.startError = null;
    client.start().catch((error: CimError) => {
      if (this.client === client) this.startError = error;
    });
    // The first requests are now on the network: build the rows' date formats while they travel,
    // in a task of their own, so the ICU initialisation (~28 ms) does not hold up the rest of this
    // task (the other elements' definitions, the shell's first render).
    setTimeout(() => warmFormats(formatLocale()));
  }

  // Listened to inside the shadow root: from outside, every event of the parts is retargeted to the host.
  private onOpen = (event: CustomEvent<{ conversationId: string }>): void => {
    const id = event.detail?.conversationId;
    if (id) this.conversationId = id;
  };

  override render() {
    const connection = this.connection.value;
    return html`<div class="layout" ?data-open=${this.conversationId !== null} @cim-conversation-open=${this.onOpen}>
      <div class="top" part="header">
        <h1>${msg('Messages', { id: 'inbox.title' })}</h1>
        <slot name="header"></slot>
        ${connection === 'offline' || connection === 'connecting'
          ? html`<span class="connection" role="status">${msg('Reconnecting…', { id: 'connection.reconnecting' })}</span>`
          : nothing}
      </div>
      <section class="list-pane" part="list-pane" aria-label=${msg('Conversations', { id: 'inbox.conversations' })}>
        ${this.startError
          ? html`<p class="error" role="alert">${msg('Creator IM could not start:', { id: 'inbox.startError' })} ${this.startError.message}</p>`
          : nothing}
        <cim-search exportparts="input, results"></cim-search>
        <cim-inbox-list exportparts="tabs, filters, list, row, row-star" .tab=${this.tab} .selectedId=${this.conversationId}></cim-inbox-list>
      </section>
      <section class="session-pane" part="session-pane" aria-label=${msg('Conversation', { id: 'inbox.conversation' })}>
        ${this.conversationId
          ? html`<cim-chat-session
              exportparts="header: session-header, star, menu, messages, new-messages, composer, dialog, card, status"
              .conversationId=${this.conversationId} @cim-back=${() => (this.conversationId = null)}></cim-chat-session>`
          : html`<p class="placeholder">${msg('Select a conversation to start messaging.', { id: 'inbox.pick' })}</p>`}
      </section>
    </div>`;
  }
}
