import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { consume } from '@lit/context';
import { msg, localized } from '@lit/localize';
import { canRequestSample, type CreatorImClient, type Message } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { emit } from '../events.js';
import { tokens } from '../theme.js';
import { clip, errorMessage, MAX_BODY } from '../format.js';
import { chatSessionStyles } from './chat-session.styles.js';
import type { SessionAction, CimSessionHeader } from './session-header.js';
import type { CimBlockDialog } from './block-dialog.js';
import type { CimComposer } from './composer.js';

/**
 * One conversation: the session header (name, star, More options with Block seller / Unblock
 * seller), the message log (see `<cim-message-log>` for the scroll model) and the composer. When
 * the seller is blocked the composer is replaced by the blocked notice with "Unblock". Blocking
 * asks for confirmation first.
 *
 * @tag cim-chat-session
 * @summary An open conversation.
 * @fires cim-back - The back button (narrow layout) was pressed.
 * @fires cim-message-send - A message was sent; `detail.conversationId`, `detail.clientId`.
 * @fires cim-seller-block - The seller was blocked or unblocked; `detail.conversationId`, `detail.blocked`.
 * @fires cim-sample-request - A sample was requested; `detail.conversationId`, `detail.productId`.
 * @csspart header - The session header bar.
 * @csspart star - The star toggle in the header.
 * @csspart menu - The More options menu.
 * @csspart messages - The scrolling history.
 * @csspart new-messages - The "N new messages" button.
 * @csspart composer - The message composer (or the blocked notice).
 * @csspart dialog - The session's dialogs (block confirmation, request sample, quick replies) and the cards' dialogs.
 * @csspart card - The cards in the history (product, product list, sample, invitation).
 * @csspart status - A sample card's status pill.
 */
@localized()
export class CimChatSession extends LitElement {
  static override styles = [tokens, chatSessionStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The conversation to show. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  @state() private actionError = '';
  /** Unread messages when the conversation was opened (read before it is marked read). */
  private unreadAtOpen = 0;
  @query('cim-session-header') private header?: CimSessionHeader;
  @query('cim-block-dialog') private blockDialog?: CimBlockDialog;
  @query('cim-composer') private composer?: CimComposer;

  private openedId: string | null = null;
  // The session store loads the thread and keeps the conversation read while this element shows it;
  // the unread count is taken just before it subscribes (and so marks the conversation read), for
  // the "New messages" divider.
  private readonly session = new StoreController(this, () => {
    if (!this.client || !this.conversationId) return undefined;
    if (this.openedId !== this.conversationId) {
      this.openedId = this.conversationId;
      this.unreadAtOpen = this.client.conversations.conversation(this.conversationId).getSnapshot()?.unreadCount ?? 0;
    }
    return this.client.conversations.session(this.conversationId);
  });
  private readonly conversation = new StoreController(this, () =>
    this.client && this.conversationId ? this.client.conversations.conversation(this.conversationId) : undefined,
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('conversationId') || changed.has('client')) && this.client && this.conversationId) {
      this.actionError = '';
    }
  }

  override render() {
    const conversation = this.conversation.value;
    if (!conversation) {
      const thread = this.session.value;
      if (thread?.status !== 'error' && !this.retrying) return html`<p class="status" role="status">${msg('Loading conversation…', { id: 'session.loading' })}</p>`;
      // A conversation that could not be loaded (gone, a stale link, the network): say so, with a way
      // on. The block stays while Retry runs, so the focused button is never taken away.
      return html`<div class="status">
        ${this.retrying
          ? html`<p role="status">${msg('Loading conversation…', { id: 'session.loading' })}</p>`
          : html`<p role="alert">${msg('This conversation could not be loaded.', { id: 'session.loadError' })} ${thread?.error ? errorMessage(thread.error) : ''}</p>`}
        <button class="btn primary" aria-disabled=${this.retrying ? 'true' : 'false'} @click=${this.retryOpen}>${msg('Retry', { id: 'action.retry' })}</button>
        <button class="btn" @click=${this.back}>${msg('Back to conversations', { id: 'session.back' })}</button>
      </div>`;
    }
    return html`
      <cim-session-header exportparts="header, star, menu" .conversation=${conversation} @session-action=${this.onAction}></cim-session-header>
      ${this.actionError ? html`<p class="failed" role="alert">${this.actionError}</p>` : nothing}
      ${keyed(
        this.conversationId,
        html`<cim-message-log
          exportparts="messages, new-messages, card, dialog, status"
          .conversationId=${this.conversationId}
          .unreadCount=${this.unreadAtOpen}
          .counterpartName=${conversation.counterpart.name}
          .renderBody=${renderBody}
        ></cim-message-log>`,
      )}
      ${conversation.blocked
        ? html`<div class="blocked" part="composer" role="status">
            <span>${msg('You blocked this seller. They cannot message you.', { id: 'session.blockedNotice' })}</span>
            <button class="btn primary" @click=${() => this.setBlocked(false)}>${msg('Unblock', { id: 'session.unblock' })}</button>
          </div>`
        : html`<cim-composer exportparts="composer, dialog" .conversationId=${this.conversationId} ?can-request-sample=${canRequestSample(conversation)}></cim-composer>`}
      <cim-block-dialog exportparts="dialog" .conversationId=${this.conversationId} .sellerName=${conversation.counterpart.name}></cim-block-dialog>
    `;
  }

  /** Moves focus into the conversation: the message field, else "Unblock", else the history. */
  override focus(options?: FocusOptions): void {
    const target = this.composer ?? this.renderRoot.querySelector<HTMLElement>('.blocked button') ?? this.renderRoot.querySelector<HTMLElement>('cim-message-log');
    target?.focus(options);
  }

  @state() private retrying = false;

  /** Opens the conversation again (the SDK loads what failed); once it shows, focus moves into it. */
  private retryOpen = async (): Promise<void> => {
    if (!this.client || !this.conversationId || this.retrying) return;
    this.retrying = true;
    try {
      await this.client.conversations.open(this.conversationId);
      await this.updateComplete;
      this.focus();
    } catch {
      // The thread holds the error, shown in place of "Loading conversation…".
    } finally {
      this.retrying = false;
    }
  };

  private back = (): void => {
    this.dispatchEvent(new Event('cim-back', { bubbles: true, composed: true }));
  };

  private onAction = (event: CustomEvent<SessionAction>): void => {
    event.stopPropagation();
    switch (event.detail) {
      case 'back':
        this.back();
        break;
      case 'star':
      case 'unstar':
        this.client?.inbox.star(this.conversationId, event.detail === 'star').then(
          () => (this.actionError = ''),
          (error: unknown) => (this.actionError = errorMessage(error)),
        );
        break;
      case 'block':
        this.blockDialog?.show(this.header?.moreButton ?? null);
        break;
      case 'unblock':
        void this.setBlocked(false);
        break;
    }
  };

  private async setBlocked(blocked: boolean): Promise<void> {
    if (!this.client) return;
    try {
      await (blocked ? this.client.blocks.block(this.conversationId) : this.client.blocks.unblock(this.conversationId));
      this.actionError = '';
      emit(this, 'cim-seller-block', { conversationId: this.conversationId, blocked });
      await this.updateComplete;
      // The Unblock button is gone: focus goes to the message field that replaced it.
      await this.composer?.updateComplete;
      this.composer?.focus();
    } catch (error) {
      this.actionError = errorMessage(error);
    }
  }
}

/** A message's body: text bubbles (isolated for bidi, bounded), notices, and the cards. */
function renderBody(m: Message) {
  switch (m.type) {
    case 'TEXT':
      return html`<div class="bubble" dir="auto">${clip(m.text, MAX_BODY)}</div>`;
    case 'SYSTEM_NOTICE':
      return html`<div class="bubble" dir="auto">${clip(m.notice.text, MAX_BODY)}</div>`;
    case 'PRODUCT_CARD':
      return html`<cim-product-card exportparts="card, dialog, status" .product=${m.product}></cim-product-card>`;
    case 'PRODUCT_LIST':
      return html`<cim-product-list-card exportparts="card, dialog, status" .list=${m.list}></cim-product-list-card>`;
    case 'SAMPLE_REQUEST':
      return html`<cim-sample-card exportparts="card, dialog, status" .sampleId=${m.sample.id} .fallback=${m.sample}></cim-sample-card>`;
    case 'AGENCY_INVITATION':
      return html`<cim-invitation-card exportparts="card, dialog, status" .invitationId=${m.invitation.id}></cim-invitation-card>`;
    case 'UNLINK_REQUEST':
      return html`<div class="bubble">${msg('Unlink request sent', { id: 'message.unlink' })}</div>`;
    default:
      return html`<div class="bubble">${msg('Unsupported message', { id: 'message.unsupported' })}</div>`;
  }
}
