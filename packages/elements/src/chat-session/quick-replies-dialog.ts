import { LitElement, html } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import type { CreatorImClient } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { dialogStyles, tokens } from '../theme.js';
import { DialogHandle } from '../dialog.js';
import { errorMessage } from '../format.js';
import { sessionDialogStyles } from './dialogs.styles.js';

/**
 * "Edit quick replies": the creator's reply templates as a draft (edit, remove, add) saved at once
 * with "Save".
 *
 * @tag cim-quick-replies-dialog
 * @summary Editing the quick replies.
 * @csspart dialog - The dialog.
 */
@localized()
export class CimQuickRepliesDialog extends LitElement {
  static override styles = [tokens, dialogStyles, sessionDialogStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The quick replies being edited (a draft until "Save"). */
  @state() private draft: { id?: string; text: string }[] = [];
  @state() private error = '';
  private readonly dialog = new DialogHandle(() => this.renderRoot.querySelector('dialog'));

  /** Opens the editor on the current quick replies; focus returns to `opener` when it closes. */
  show(opener: EventTarget | null): void {
    this.draft = (this.client?.conversations.quickReplies.getSnapshot() ?? []).map((reply) => ({ ...reply }));
    this.error = '';
    this.dialog.open(opener);
  }

  override render() {
    return html`<dialog part="dialog" aria-labelledby="quick-title">
      <div class="head">
        <h2 id="quick-title">${msg('Quick replies', { id: 'session.quickReplies' })}</h2>
        <button class="btn" @click=${() => this.dialog.close()}>${msg('Close', { id: 'action.close' })}</button>
      </div>
      <div class="body">
        <ul aria-label=${msg('Quick replies', { id: 'session.quickReplies' })}>
          ${this.draft.map(
            (reply, i) => html`<li class="pick">
              <input
                dir="auto"
                aria-label=${msg(str`Quick reply ${i + 1}`, { id: 'quick.item' })}
                maxlength="1000"
                .value=${reply.text}
                @input=${(event: Event) => (this.draft = this.draft.map((r, j) => (j === i ? { ...r, text: (event.target as HTMLInputElement).value } : r)))}
              />
              <button class="btn" aria-label=${msg(str`Remove quick reply ${i + 1}`, { id: 'quick.remove' })} @click=${() => this.removeReply(i)}>
                ${msg('Remove', { id: 'quick.removeShort' })}
              </button>
            </li>`,
          )}
        </ul>
        <button class="btn" @click=${this.add}>${msg('Add a quick reply', { id: 'quick.add' })}</button>
        ${this.error ? html`<p class="failed" role="alert">${this.error}</p>` : ''}
      </div>
      <div class="foot">
        <button class="btn primary" @click=${this.save}>${msg('Save', { id: 'quick.save' })}</button>
      </div>
    </dialog>`;
  }

  private add = async (): Promise<void> => {
    this.draft = [...this.draft, { text: '' }];
    await this.updateComplete;
    [...this.renderRoot.querySelectorAll<HTMLInputElement>('input')].pop()?.focus();
  };

  private async removeReply(index: number): Promise<void> {
    this.draft = this.draft.filter((_, j) => j !== index);
    await this.updateComplete;
    // The Remove button is gone: focus goes to the next row's field, else "Add a quick reply".
    const inputs = this.renderRoot.querySelectorAll<HTMLInputElement>('input');
    (inputs[Math.min(index, inputs.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('.body > .btn'))?.focus();
  }

  private save = async (): Promise<void> => {
    if (!this.client) return;
    try {
      await this.client.conversations.saveQuickReplies(this.draft);
      this.error = '';
      this.dialog.close();
    } catch (error) {
      this.error = errorMessage(error);
    }
  };
}
