import { LitElement, html, nothing, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import { type CreatorImClient, type InvitationState, type InvitationView, type LinkState } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { emit } from '../events.js';
import { cardStyles, dialogStyles, tokens } from '../theme.js';
import { clip, errorMessage, MAX_BODY, safeUrl } from '../format.js';
import { DialogHandle } from '../dialog.js';

const INVITATION_LABEL: Record<InvitationState, () => string> = {
  pending: () => msg('Pending', { id: 'invitation.pending' }),
  accepted: () => msg('Accepted', { id: 'invitation.accepted' }),
  declined: () => msg('Declined', { id: 'invitation.declined' }),
  expired: () => msg('Expired', { id: 'invitation.expired' }),
};

const LINK_LABEL: Record<LinkState, () => string> = {
  none: () => '',
  linked: () => msg('Linked', { id: 'link.linked' }),
  unlink_requested: () => msg('Unlink request sent', { id: 'message.unlink' }),
  unlinked: () => msg('Unlinked', { id: 'link.unlinked' }),
};

/**
 * An agency's binding invitation. "Learn more" opens the invitation with its agreements; the
 * creator acknowledges each one, then "Accept" (enabled only when all are acknowledged) or
 * "Decline". Once linked, "Send unlink request".
 *
 * @tag cim-invitation-card
 * @summary An agency binding invitation with its agreements.
 * @fires cim-invitation-accept - The invitation was accepted; `detail.invitationId`.
 * @csspart card - The card.
 * @csspart dialog - The "Learn more" dialog.
 */
@localized()
export class CimInvitationCard extends LitElement {
  static override styles = [
    tokens,
    cardStyles,
    dialogStyles,
    css`
      .agreement {
        border: 1px solid var(--_border);
        border-radius: 8px;
        padding: 0.6rem;
        display: grid;
        gap: 0.35rem;
      }
      .agreement p {
        margin: 0;
        font-size: 0.8125rem;
        color: var(--_muted);
        white-space: pre-wrap;
      }
      label {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        font-weight: 600;
      }
      .terms {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0;
      }
      .agreement p,
      label span,
      h2 {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The invitation's id. */
  @property({ attribute: 'invitation-id' }) invitationId = '';

  @state() private busy = false;
  @state() private error = '';

  private readonly view = new StoreController<InvitationView | undefined>(this, () =>
    this.client && this.invitationId ? this.client.agency.invitation(this.invitationId) : undefined,
  );
  private readonly dialog = new DialogHandle(() => this.renderRoot.querySelector('dialog'));

  override render() {
    const view = this.view.value;
    if (!view) return nothing;
    const { invitation, link } = view;
    const agency = invitation.agency;
    const linkLabel = LINK_LABEL[link]();
    return html`<article class="card" part="card" aria-label=${msg(str`Invitation from ${agency.name}`, { id: 'invitation.label' })}>
        <span class="kind">${msg('Agency invitation', { id: 'invitation.kind' })}</span>
        <p class="title">
          <bdi>${clip(agency.name)}</bdi> ${agency.verified ? html`<span class="pill good">${msg('Verified', { id: 'party.verified' })}</span>` : nothing}
        </p>
        <div class="facts">${msg('invites you to link with their agency.', { id: 'invitation.summary' })}</div>
        <div class="actions">
          <span class="pill">${INVITATION_LABEL[invitation.state]()}</span>
          ${linkLabel && invitation.state === 'accepted' ? html`<span class="pill good">${linkLabel}</span>` : nothing}
          <button class="btn primary" aria-haspopup="dialog" @click=${(event: Event) => this.dialog.open(event.currentTarget)}>
            ${msg('Learn more', { id: 'invitation.learnMore' })}
          </button>
        </div>
      </article>
      <dialog part="dialog" aria-labelledby="inv-title">
        <div class="head">
          <h2 id="inv-title">${msg(str`Invitation from ${clip(agency.name)}`, { id: 'invitation.label' })}</h2>
          <button class="btn" @click=${() => this.dialog.close()}>${msg('Close', { id: 'action.close' })}</button>
        </div>
        <div class="body">
          <p class="terms" dir="auto">${clip(invitation.terms, MAX_BODY)}</p>
          ${view.awaitingAgreements
            ? html`<fieldset class="agreements">
                <legend>${msg('Review and accept the agreements', { id: 'invitation.agreements' })}</legend>
                <ul>
                  ${invitation.agreements.map((agreement) => {
                    const url = safeUrl(agreement.url);
                    return html`<li class="agreement">
                      <label>
                        <input
                          type="checkbox"
                          .checked=${view.acknowledged.includes(agreement.id)}
                          @change=${(event: Event) => this.acknowledge(agreement.id, (event.target as HTMLInputElement).checked)}
                        />
                        <span dir="auto">${clip(agreement.title)}</span>
                      </label>
                      <p dir="auto">${clip(agreement.body, MAX_BODY)}</p>
                      ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${msg('Read the full agreement', { id: 'invitation.readFull' })}</a>` : nothing}
                    </li>`;
                  })}
                </ul>
              </fieldset>`
            : html`<p role="status">
                ${INVITATION_LABEL[invitation.state]()}${linkLabel && invitation.state === 'accepted' ? html` · ${linkLabel}` : nothing}
              </p>`}
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        </div>
        <div class="foot">
          ${view.canDecline
            ? html`<button class="btn" ?disabled=${this.busy} @click=${() => this.run(() => this.client!.agency.decline(invitation.id))}>
                  ${msg('Decline', { id: 'invitation.decline' })}
                </button>
                <button
                  class="btn primary"
                  ?disabled=${!view.canAccept || this.busy}
                  @click=${() => this.run(() => this.client!.agency.accept(invitation.id), () => emit(this, 'cim-invitation-accept', { invitationId: invitation.id }))}
                >
                  ${msg('Accept', { id: 'invitation.accept' })}
                </button>`
            : nothing}
          ${view.canRequestUnlink
            ? html`<button class="btn danger" ?disabled=${this.busy} @click=${() => this.run(() => this.client!.agency.requestUnlink(agency.id))}>
                ${msg('Send unlink request', { id: 'invitation.unlink' })}
              </button>`
            : nothing}
        </div>
      </dialog>`;
  }

  /**
   * The button pressed is gone (Accept, Decline, Send unlink request): focus goes to the next action
   * the dialog offers ("Send unlink request" once linked), meanwhile to Close — never to <body>.
   */
  private handoff = false;

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!this.handoff || !dialog?.open) {
      this.handoff = false;
      return;
    }
    const active = this.shadowRoot!.activeElement;
    const close = dialog.querySelector<HTMLElement>('.head button');
    const next = dialog.querySelector<HTMLElement>('.foot button:not([disabled])');
    if (next) {
      next.focus();
      this.handoff = false;
    } else if (!active || !dialog.contains(active) || active === close) {
      close?.focus();
    } else {
      this.handoff = false;
    }
  }

  private acknowledge(agreementId: string, checked: boolean): void {
    try {
      this.client?.agency.acknowledge(this.invitationId, agreementId, checked);
      this.error = '';
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async run(action: () => Promise<void>, done?: () => void): Promise<void> {
    if (!this.client) return;
    this.busy = true;
    try {
      await action();
      this.error = '';
      done?.();
      this.handoff = true;
      this.requestUpdate();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}
