import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized } from '@lit/localize';
import { type CreatorImClient, type QuickReply } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { tokens } from '../theme.js';
import { emit } from '../events.js';
import { clip, errorMessage } from '../format.js';
import { composerStyles } from './composer.styles.js';
import type { CimSampleDialog } from './sample-dialog.js';
import type { CimQuickRepliesDialog } from './quick-replies-dialog.js';

/**
 * The composer: quick replies (one tap inserts the text), the message field (Enter sends,
 * Shift+Enter is a new line), Send, "Request sample" (with sellers) and "Edit quick replies".
 * What the creator typed is never lost: a send that throws puts it back.
 *
 * @tag cim-composer
 * @summary Writing and sending a message.
 * @fires cim-message-send - A message was sent; `detail.conversationId`, `detail.clientId`.
 * @csspart composer - The composer.
 */
@localized()
export class CimComposer extends LitElement {
  static override styles = [tokens, composerStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The conversation messages go to. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  /** Offer "Request sample" (conversations with sellers). */
  @property({ type: Boolean, attribute: 'can-request-sample' }) canRequestSample = false;

  @state() private error = '';
  @query('textarea') private textarea?: HTMLTextAreaElement;
  private readonly quickReplies = new StoreController<readonly QuickReply[]>(this, () => this.client?.conversations.quickReplies);

  /** Moves focus to the message field. */
  override focus(options?: FocusOptions): void {
    this.textarea?.focus(options);
  }

  override render() {
    const replies = this.quickReplies.value ?? [];
    return html`<div class="composer" part="composer">
      ${replies.length
        ? html`<div class="quick" role="group" aria-label=${msg('Quick replies', { id: 'session.quickReplies' })}>
            ${replies.map((reply) => html`<button dir="auto" title=${clip(reply.text, 1000)} @click=${() => this.insert(reply.text)}><bdi>${clip(reply.text, 80)}</bdi></button>`)}
          </div>`
        : nothing}
      ${this.error ? html`<p class="failed" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <textarea
          rows="1"
          dir="auto"
          aria-label=${msg('Message', { id: 'session.message' })}
          placeholder=${msg('Send a message…', { id: 'session.placeholder' })}
          maxlength="10000"
          @keydown=${this.onKey}
        ></textarea>
        <button class="btn primary" @click=${this.send}>${msg('Send', { id: 'session.send' })}</button>
      </div>
      <div class="tools">
        ${this.canRequestSample
          ? html`<button class="btn" aria-haspopup="dialog" @click=${(event: Event) => this.dialog<CimSampleDialog>('cim-sample-dialog')?.show(event.currentTarget)}>
              ${msg('Request sample', { id: 'sample.request' })}
            </button>`
          : nothing}
        <button class="btn" aria-haspopup="dialog" @click=${(event: Event) => this.dialog<CimQuickRepliesDialog>('cim-quick-replies-dialog')?.show(event.currentTarget)}>
          ${msg('Edit quick replies', { id: 'quick.edit' })}
        </button>
      </div>
      ${this.canRequestSample ? html`<cim-sample-dialog .conversationId=${this.conversationId}></cim-sample-dialog>` : nothing}
      <cim-quick-replies-dialog></cim-quick-replies-dialog>
    </div>`;
  }

  private dialog<T extends HTMLElement>(tag: string): T | null {
    return this.renderRoot.querySelector<T>(tag);
  }

  private insert(text: string): void {
    if (!this.textarea) return;
    this.textarea.value = text;
    this.textarea.focus();
  }

  private onKey = (event: KeyboardEvent): void => {
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
      this.error = '';
    } catch (error) {
      textarea.value = text; // never lose what the creator typed
      this.error = errorMessage(error);
    }
  };
}
