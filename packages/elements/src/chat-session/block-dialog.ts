import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import type { CreatorImClient } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { dialogStyles, tokens } from '../theme.js';
import { DialogHandle } from '../dialog.js';
import { emit } from '../events.js';
import { clip, errorMessage } from '../format.js';
import { sessionDialogStyles } from './dialogs.styles.js';

/**
 * "Block seller" asks first: a modal naming the seller and saying what happens (they are told they
 * are blocked and can no longer message the creator). "Block" blocks; Cancel or Escape leaves
 * everything as it was; focus returns to the control that opened it.
 *
 * @tag cim-block-dialog
 * @summary The confirmation before blocking a seller.
 * @fires cim-seller-block - The seller was blocked; `detail.conversationId`, `detail.blocked` (true).
 * @csspart dialog - The dialog.
 */
@localized()
export class CimBlockDialog extends LitElement {
  static override styles = [tokens, dialogStyles, sessionDialogStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The conversation with the seller to block. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  /** The seller's name, as the dialog says it. */
  @property({ attribute: 'seller-name' }) sellerName = '';

  @state() private error = '';
  @state() private busy = false;
  private readonly dialog = new DialogHandle(() => this.renderRoot.querySelector('dialog'));

  /** Opens the confirmation; focus returns to `opener` when it closes. */
  show(opener: EventTarget | null): void {
    this.error = '';
    this.dialog.open(opener);
  }

  override render() {
    const name = clip(this.sellerName);
    return html`<dialog part="dialog" aria-labelledby="block-title" aria-describedby="block-what">
      <div class="head">
        <h2 id="block-title">${msg(str`Block ${name}?`, { id: 'block.title' })}</h2>
      </div>
      <div class="body">
        <p id="block-what">
          ${msg(str`${name} will be told that you blocked them and will no longer be able to message you. You can unblock them at any time.`, { id: 'block.what' })}
        </p>
        ${this.error ? html`<p class="failed" role="alert">${this.error}</p>` : ''}
      </div>
      <div class="foot">
        <button class="btn" autofocus @click=${() => this.dialog.close()}>${msg('Cancel', { id: 'action.cancel' })}</button>
        <button class="btn danger-fill" ?disabled=${this.busy} @click=${this.block}>${msg('Block', { id: 'block.confirm' })}</button>
      </div>
    </dialog>`;
  }

  private block = async (): Promise<void> => {
    if (!this.client) return;
    this.busy = true;
    try {
      await this.client.blocks.block(this.conversationId);
      emit(this, 'cim-seller-block', { conversationId: this.conversationId, blocked: true });
      this.dialog.close();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  };
}
