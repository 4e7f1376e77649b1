import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import { canBlock, canRequestSample, previewText, type CreatorImClient, type Message, type Product } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { emit } from '../events.js';
import { dialogStyles, menuStyles, tokens } from '../theme.js';
import { errorMessage, formatPrice, formatTime } from '../format.js';
import { DialogHandle } from '../dialog.js';

/**
 * One conversation: header (name, verified label, More options menu with Block seller / Unblock
 * seller), the virtualized message history (older pages load on scroll), and the composer with
 * quick replies, send on Enter and retry of failed messages. When the seller is blocked the
 * composer is replaced by the blocked notice with "Unblock".
 *
 * @tag cim-chat-session
 * @summary An open conversation.
 * @fires cim-back - The back button (narrow layout) was pressed.
 * @fires cim-message-send - A message was sent; `detail.conversationId`, `detail.clientId`.
 * @fires cim-seller-block - The seller was blocked or unblocked.
 * @fires cim-sample-request - A sample was requested; `detail.conversationId`, `detail.productId`.
 * @csspart header - The session header.
 * @csspart messages - The scrolling history.
 * @csspart composer - The message composer.
 */
@localized()
export class CimChatSession extends LitElement {
  static override styles = [
    tokens,
    dialogStyles,
    menuStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
        background: var(--_surface);
      }
      .header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.6rem 0.75rem;
        background: var(--_bg);
        border-bottom: 1px solid var(--_border);
        position: relative;
        --_menu-inset: 0.75rem;
      }
      .header h2 {
        font-size: 1rem;
        margin: 0;
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .back {
        display: none;
        border: 0;
        background: none;
        font-size: 1.2rem;
      }
      @container (max-width: 640px) {
        .back {
          display: inline-block;
        }
      }
      .verified {
        font-size: 0.6875rem;
        font-weight: 600;
        color: var(--_success);
        border: 1px solid currentColor;
        border-radius: 4px;
        padding: 0 0.25rem;
      }
      .icon-btn {
        border: 0;
        background: none;
        font-size: 1.25rem;
        line-height: 1;
        padding: 0.25rem 0.5rem;
        border-radius: 6px;
      }
      lit-virtualizer {
        flex: 1;
        min-height: 0;
        overflow: auto;
        padding: 0.5rem 0;
      }
      .msg {
        display: flex;
        flex-direction: column;
        padding: 0.25rem 0.9rem;
        width: 100%;
      }
      .msg.creator {
        align-items: flex-end;
      }
      .msg.system {
        align-items: center;
      }
      .bubble {
        max-width: min(75%, 34rem);
        padding: 0.5rem 0.75rem;
        border-radius: 14px;
        background: var(--_bg);
        border: 1px solid var(--_border);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .creator .bubble {
        background: var(--_accent);
        color: var(--_accent-text);
        border-color: var(--_accent);
      }
      .system .bubble {
        background: none;
        border: 0;
        color: var(--_muted);
        font-size: 0.8125rem;
      }
      .meta {
        font-size: 0.6875rem;
        color: var(--_muted);
        margin-top: 0.15rem;
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      .failed {
        color: var(--_danger);
      }
      .composer {
        border-top: 1px solid var(--_border);
        background: var(--_bg);
        padding: 0.5rem 0.75rem;
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      .quick {
        display: flex;
        gap: 0.4rem;
        overflow-x: auto;
      }
      .quick button {
        white-space: nowrap;
        border: 1px solid var(--_border);
        background: var(--_surface);
        border-radius: 999px;
        padding: 0.2rem 0.7rem;
        font-size: 0.8125rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: flex-end;
      }
      textarea {
        flex: 1;
        resize: none;
        font: inherit;
        color: inherit;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: 10px;
        padding: 0.5rem 0.6rem;
        min-height: 2.5rem;
        max-height: 8rem;
      }
      .tools {
        display: flex;
        gap: 0.5rem;
      }
      .pick {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
      }
      .pick input {
        flex: 1;
        font: inherit;
        color: inherit;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: 8px;
        padding: 0.35rem 0.5rem;
      }
      .pick small {
        color: var(--_muted);
      }
      .blocked {
        border-top: 1px solid var(--_border);
        background: var(--_bg);
        padding: 0.9rem;
        display: flex;
        gap: 0.75rem;
        align-items: center;
        justify-content: center;
        color: var(--_muted);
      }
      .status {
        text-align: center;
        color: var(--_muted);
        padding: 1rem;
      }
    `,
  ];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The conversation to show. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  @state() private menuOpen = false;
  @state() private actionError = '';
  @state() private announcement = '';
  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('lit-virtualizer') private virtualizer?: LitVirtualizer;
  @query('.menu-button') private menuButton?: HTMLButtonElement;

  // The open conversation: the SDK loads it on subscription and keeps it read while subscribed.
  private readonly thread = new StoreController(this, () => (this.client && this.conversationId ? this.client.conversations.session(this.conversationId) : undefined));
  private readonly conversation = new StoreController(this, () =>
    this.client && this.conversationId ? this.client.conversations.conversation(this.conversationId) : undefined,
  );
  private readonly quickReplies = new StoreController(this, () => this.client?.conversations.quickReplies);
  private readonly requestable = new StoreController<readonly Product[]>(this, () =>
    this.client && this.conversationId ? this.client.samples.requestable(this.conversationId) : undefined,
  );
  private readonly sampleDialog = new DialogHandle(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog.samples'));
  private readonly quickDialog = new DialogHandle(() => this.renderRoot.querySelector<HTMLDialogElement>('dialog.quick-replies'));
  private lastCount = 0;
  private lastId: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('conversationId') || changed.has('client')) && this.client && this.conversationId) {
      this.lastCount = 0;
      this.menuOpen = false;
      emit(this, 'cim-conversation-open', { conversationId: this.conversationId });
    }
    const messages = this.thread.value?.messages ?? [];
    const last = messages[messages.length - 1];
    if (last && last.id !== this.lastId && this.lastCount > 0 && last.sender === 'counterpart') {
      this.announcement = msg(str`New message: ${previewText(last)}`, { id: 'session.newMessage' });
    }
    this.lastId = last?.id;
  }

  protected override updated(): void {
    const count = this.thread.value?.messages.length ?? 0;
    if (count !== this.lastCount && this.virtualizer) {
      // Stick to the bottom when new messages arrive (but not when older pages are prepended).
      const prepended = this.lastCount > 0 && this.thread.value?.messages[count - 1]?.id === this.lastId && count > this.lastCount;
      if (!prepended || this.lastCount === 0) this.virtualizer.element(count - 1)?.scrollIntoView({ block: 'end' });
      this.lastCount = count;
    }
  }

  override render() {
    const conversation = this.conversation.value;
    const thread = this.thread.value;
    if (!conversation) return html`<p class="status" role="status">${msg('Loading conversation…', { id: 'session.loading' })}</p>`;
    const party = conversation.counterpart;
    return html`
      <div class="header" part="header">
        <button class="back icon-btn" aria-label=${msg('Back to conversations', { id: 'session.back' })} @click=${() => this.dispatchEvent(new Event('cim-back', { bubbles: true, composed: true }))}>←</button>
        <h2>${party.name}</h2>
        ${party.kind === 'agency' && party.verified ? html`<span class="verified">${msg('Verified', { id: 'party.verified' })}</span>` : nothing}
        ${canBlock(conversation)
          ? html`<button
              class="icon-btn menu-button"
              aria-label=${msg('More options', { id: 'session.more' })}
              aria-haspopup="menu"
              aria-expanded=${this.menuOpen ? 'true' : 'false'}
              @click=${this.toggleMenu}
            >
              ⋮
            </button>`
          : nothing}
        ${this.menuOpen ? this.renderMenu(conversation.blocked) : nothing}
      </div>
      ${this.actionError ? html`<p class="status failed" role="alert">${this.actionError}</p>` : nothing}
      ${thread?.status === 'error' && thread.messages.length === 0
        ? html`<p class="status" role="alert">${msg('Could not load messages.', { id: 'session.error' })}</p>`
        : nothing}
      <lit-virtualizer
        part="messages"
        role="log"
        aria-label=${msg('Messages', { id: 'inbox.title' })}
        scroller
        .items=${(thread?.messages ?? []) as Message[]}
        .keyFunction=${(m: Message) => m.id}
        .renderItem=${(m: Message) => this.renderMessage(m)}
        @rangeChanged=${(event: { first: number }) => {
          if (event.first === 0 && thread?.olderCursor && this.client) this.client.conversations.loadOlder(this.conversationId).catch(() => undefined);
        }}
      ></lit-virtualizer>
      <div class="sr-only" aria-live="polite">${this.announcement}</div>
      ${conversation.blocked ? this.renderBlocked() : this.renderComposer(canRequestSample(conversation))}
    `;
  }

  private renderMenu(blocked: boolean) {
    return html`<div role="menu" aria-label=${msg('More options', { id: 'session.more' })} @keydown=${this.onMenuKey}>
      <button role="menuitem" @click=${() => this.setBlocked(!blocked)}>
        ${blocked ? msg('Unblock seller', { id: 'session.unblockSeller' }) : msg('Block seller', { id: 'session.blockSeller' })}
      </button>
    </div>`;
  }

  private renderBlocked() {
    return html`<div class="blocked" part="composer" role="status">
      <span>${msg('You blocked this seller. They cannot message you.', { id: 'session.blockedNotice' })}</span>
      <button class="btn primary" @click=${() => this.setBlocked(false)}>${msg('Unblock', { id: 'session.unblock' })}</button>
    </div>`;
  }

  private renderComposer(isSeller: boolean) {
    const replies = this.quickReplies.value ?? [];
    return html`<div class="composer" part="composer">
      ${replies.length
        ? html`<div class="quick" role="group" aria-label=${msg('Quick replies', { id: 'session.quickReplies' })}>
            ${replies.map((reply) => html`<button @click=${() => this.insert(reply.text)}>${reply.text}</button>`)}
          </div>`
        : nothing}
      <div class="row">
        <textarea
          rows="1"
          aria-label=${msg('Message', { id: 'session.message' })}
          placeholder=${msg('Send a message…', { id: 'session.placeholder' })}
          maxlength="10000"
          @keydown=${this.onComposerKey}
        ></textarea>
        <button class="btn primary" @click=${this.send}>${msg('Send', { id: 'session.send' })}</button>
      </div>
      <div class="tools">
        ${isSeller
          ? html`<button class="btn" aria-haspopup="dialog" @click=${(event: Event) => this.sampleDialog.open(event.currentTarget)}>
              ${msg('Request sample', { id: 'sample.request' })}
            </button>`
          : nothing}
        <button class="btn" aria-haspopup="dialog" @click=${this.editQuickReplies}>${msg('Edit quick replies', { id: 'quick.edit' })}</button>
      </div>
      ${isSeller ? this.renderSampleDialog() : nothing} ${this.renderQuickRepliesDialog()}
    </div>`;
  }

  /** The quick replies being edited (a draft until "Save"). */
  @state() private draft: { id?: string; text: string }[] = [];

  private editQuickReplies = (event: Event): void => {
    this.draft = (this.quickReplies.value ?? []).map((reply) => ({ ...reply }));
    this.actionError = '';
    this.quickDialog.open(event.currentTarget);
  };

  private renderQuickRepliesDialog() {
    return html`<dialog class="quick-replies" aria-labelledby="quick-title">
      <div class="head">
        <h2 id="quick-title">${msg('Quick replies', { id: 'session.quickReplies' })}</h2>
        <button class="btn" @click=${() => this.quickDialog.close()}>${msg('Close', { id: 'action.close' })}</button>
      </div>
      <div class="body">
        <ul aria-label=${msg('Quick replies', { id: 'session.quickReplies' })}>
          ${this.draft.map(
            (reply, i) => html`<li class="pick">
              <input
                aria-label=${msg(str`Quick reply ${i + 1}`, { id: 'quick.item' })}
                maxlength="1000"
                .value=${reply.text}
                @input=${(event: Event) => (this.draft = this.draft.map((r, j) => (j === i ? { ...r, text: (event.target as HTMLInputElement).value } : r)))}
              />
              <button class="btn" aria-label=${msg(str`Remove quick reply ${i + 1}`, { id: 'quick.remove' })} @click=${() => (this.draft = this.draft.filter((_, j) => j !== i))}>
                ${msg('Remove', { id: 'quick.removeShort' })}
              </button>
            </li>`,
          )}
        </ul>
        <button class="btn" @click=${() => (this.draft = [...this.draft, { text: '' }])}>${msg('Add a quick reply', { id: 'quick.add' })}</button>
        ${this.actionError ? html`<p class="failed" role="alert">${this.actionError}</p>` : nothing}
      </div>
      <div class="foot">
        <button class="btn primary" @click=${this.saveQuickReplies}>${msg('Save', { id: 'quick.save' })}</button>
      </div>
    </dialog>`;
  }

  private saveQuickReplies = async (): Promise<void> => {
    if (!this.client) return;
    try {
      await this.client.conversations.saveQuickReplies(this.draft);
      this.actionError = '';
      this.quickDialog.close();
    } catch (error) {
      this.actionError = errorMessage(error);
    }
  };

  private renderSampleDialog() {
    const products = this.requestable.value ?? [];
    return html`<dialog class="samples" aria-labelledby="samples-title">
      <div class="head">
        <h2 id="samples-title">${msg('Request sample', { id: 'sample.request' })}</h2>
        <button class="btn" @click=${() => this.sampleDialog.close()}>${msg('Close', { id: 'action.close' })}</button>
      </div>
      <div class="body">
        ${products.length
          ? html`<ul aria-label=${msg('Products', { id: 'search.products' })}>
              ${products.map(
                (product) => html`<li class="pick">
                  <span>${product.name} <small>${formatPrice(product.price)}</small></span>
                  <button class="btn primary" aria-label=${msg(str`Request a sample of ${product.name}`, { id: 'sample.requestOne' })} @click=${() => this.requestSample(product)}>
                    ${msg('Request', { id: 'sample.requestShort' })}
                  </button>
                </li>`,
              )}
            </ul>`
          : html`<p>${msg('No product to request yet: the seller has not shared one in this conversation.', { id: 'sample.none' })}</p>`}
      </div>
    </dialog>`;
  }

  private async requestSample(product: Product): Promise<void> {
    if (!this.client) return;
    this.sampleDialog.close();
    try {
      await this.client.samples.request(this.conversationId, product);
      this.actionError = '';
      emit(this, 'cim-sample-request', { conversationId: this.conversationId, productId: product.id });
    } catch (error) {
      this.actionError = errorMessage(error);
    }
  }

  /** Renders one message; card kinds are delegated to their elements. */
  private renderMessage(m: Message) {
    const who = m.sender;
    let body;
    switch (m.type) {
      case 'TEXT':
        body = html`<div class="bubble">${m.text}</div>`;
        break;
      case 'SYSTEM_NOTICE':
        body = html`<div class="bubble">${m.notice.text}</div>`;
        break;
      case 'PRODUCT_CARD':
        body = html`<cim-product-card .product=${m.product}></cim-product-card>`;
        break;
      case 'PRODUCT_LIST':
        body = html`<cim-product-list-card .list=${m.list}></cim-product-list-card>`;
        break;
      case 'SAMPLE_REQUEST':
        body = html`<cim-sample-card .sampleId=${m.sample.id} .fallback=${m.sample}></cim-sample-card>`;
        break;
      case 'AGENCY_INVITATION':
        body = html`<cim-invitation-card .invitationId=${m.invitation.id}></cim-invitation-card>`;
        break;
      case 'UNLINK_REQUEST':
        body = html`<div class="bubble">${msg('Unlink request sent', { id: 'message.unlink' })}</div>`;
        break;
      default:
        body = html`<div class="bubble">${msg('Unsupported message', { id: 'message.unsupported' })}</div>`;
    }
    return html`<div class="msg ${who}">
      ${body}
      ${who !== 'system'
        ? html`<div class="meta">
            <span>${formatTime(m.sentAt)}</span>
            ${m.delivery === 'sending' ? html`<span>${msg('Sending…', { id: 'message.sending' })}</span>` : nothing}
            ${m.delivery === 'failed'
              ? html`<span class="failed">${msg('Failed to send', { id: 'message.failed' })}</span>
                  <button class="btn" @click=${() => m.clientId && this.client?.conversations.retry(m.clientId)}>${msg('Retry', { id: 'action.retry' })}</button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }

  private insert(text: string): void {
    if (!this.textarea) return;
    this.textarea.value = text;
    this.textarea.focus();
  }

  private onComposerKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.send();
    }
  };

  private send = async (): Promise<void> => {
    const textarea = this.textarea;
    if (!textarea || !this.client || !textarea.value.trim()) return;
    const text = textarea.value;
    textarea.value = '';
    try {
      const clientId = await this.client.conversations.sendText(this.conversationId, text);
      emit(this, 'cim-message-send', { conversationId: this.conversationId, clientId });
      this.actionError = '';
    } catch (error) {
      textarea.value = text; // never lose what the creator typed
      this.actionError = errorMessage(error);
    }
  };

  private toggleMenu = async (): Promise<void> => {
    this.menuOpen = !this.menuOpen;
    if (this.menuOpen) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    }
  };

  private onMenuKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.menuOpen = false;
      void this.updateComplete.then(() => this.menuButton?.focus());
    }
  };

  private async setBlocked(blocked: boolean): Promise<void> {
    this.menuOpen = false;
    if (!this.client) return;
    try {
      await (blocked ? this.client.blocks.block(this.conversationId) : this.client.blocks.unblock(this.conversationId));
      this.actionError = '';
      emit(this, 'cim-seller-block', { conversationId: this.conversationId, blocked });
      await this.updateComplete;
      (blocked ? this.renderRoot.querySelector<HTMLElement>('.blocked button') : this.textarea)?.focus();
    } catch (error) {
      this.actionError = errorMessage(error);
    }
  }
}

