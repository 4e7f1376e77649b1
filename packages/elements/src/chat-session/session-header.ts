import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, localized } from '@lit/localize';
import { canBlock, type Conversation } from '@creator-im/sdk';
import { menuStyles, tokens, verifiedStyles } from '../theme.js';
import { MenuController } from '../menu.js';
import { picture, pictureStyles } from '../avatar.js';
import { clip } from '../format.js';
import { sessionHeaderStyles } from './session-header.styles.js';

/** What the header asks its session to do; bubbles inside the session only. */
export type SessionAction = 'back' | 'star' | 'unstar' | 'block' | 'unblock';

/**
 * The session header: back (narrow layout), avatar, name (isolated for bidi, ellipsed, full name
 * as tooltip), the "Verified" label of agencies, the star toggle, and "More options" with
 * "Block seller" / "Unblock seller". It asks its session to act through `session-action` events.
 *
 * @tag cim-session-header
 * @summary The header of an open conversation.
 * @csspart header - The header bar.
 * @csspart star - The star toggle.
 * @csspart menu - The More options menu.
 */
@localized()
export class CimSessionHeader extends LitElement {
  static override styles = [tokens, menuStyles, pictureStyles, verifiedStyles, sessionHeaderStyles];

  /** The conversation shown. */
  @property({ attribute: false }) conversation?: Conversation;

  private readonly menu = new MenuController(this, () => ({
    button: this.renderRoot.querySelector<HTMLElement>('.more'),
    menu: this.renderRoot.querySelector<HTMLElement>('[role="menu"]'),
  }));

  override render() {
    const conversation = this.conversation;
    if (!conversation) return nothing;
    const party = conversation.counterpart;
    const name = clip(party.name);
    return html`<div class="header" part="header">
      <button class="back icon-btn" aria-label=${msg('Back to conversations', { id: 'session.back' })} @click=${() => this.act('back')}>
        <span aria-hidden="true" class="arrow">←</span>
      </button>
      ${picture(party.name, party.avatarUrl)}
      <div class="who">
        <h2 dir="auto" title=${name}><bdi>${name}</bdi></h2>
        ${party.kind === 'agency' && party.verified ? html`<span class="verified">${msg('Verified', { id: 'party.verified' })}</span>` : nothing}
      </div>
      <button
        class="icon-btn star"
        part="star"
        aria-pressed=${conversation.starred ? 'true' : 'false'}
        aria-label=${msg('Star conversation', { id: 'session.star' })}
        title=${conversation.starred ? msg('Unstar conversation', { id: 'session.unstar' }) : msg('Star conversation', { id: 'session.star' })}
        @click=${() => this.act(conversation.starred ? 'unstar' : 'star')}
      >
        <span aria-hidden="true">${conversation.starred ? '★' : '☆'}</span>
      </button>
      ${canBlock(conversation)
        ? html`<button
            class="icon-btn more"
            aria-label=${msg('More options', { id: 'session.more' })}
            aria-haspopup="menu"
            aria-expanded=${this.menu.open ? 'true' : 'false'}
            @click=${() => this.menu.toggle()}
          >
            <span aria-hidden="true">⋮</span>
          </button>`
        : nothing}
      ${this.menu.open
        ? html`<div role="menu" part="menu" aria-label=${msg('More options', { id: 'session.more' })}>
            <button role="menuitem" @click=${() => this.choose(conversation.blocked ? 'unblock' : 'block')}>
              ${conversation.blocked ? msg('Unblock seller', { id: 'session.unblockSeller' }) : msg('Block seller', { id: 'session.blockSeller' })}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  /** The "More options" button, where focus returns after a dialog opened from the menu. */
  get moreButton(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.more');
  }

  private async choose(action: SessionAction): Promise<void> {
    await this.menu.hide(true);
    this.act(action);
  }

  private act(action: SessionAction): void {
    this.dispatchEvent(new CustomEvent<SessionAction>('session-action', { detail: action, bubbles: true }));
  }
}
