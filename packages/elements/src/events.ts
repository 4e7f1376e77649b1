/**
 * Events a host page may care about. All bubble and are composed (they cross shadow roots), and
 * carry a typed `detail`. Names are prefixed `cim-`.
 */
export interface CimEventMap {
  /** A conversation was opened. */
  'cim-conversation-open': { conversationId: string };
  /** The creator sent a message (it may still be delivering). */
  'cim-message-send': { conversationId: string; clientId: string };
  /** Products were added to the Showcase. */
  'cim-products-add': { productIds: string[] };
  /** An agency invitation was accepted. */
  'cim-invitation-accept': { invitationId: string };
  /** A seller was blocked or unblocked. */
  'cim-seller-block': { conversationId: string; blocked: boolean };
  /** A sample was requested. */
  'cim-sample-request': { conversationId: string; productId: string };
}

/** Dispatches a typed, bubbling, composed event from `target`. */
export function emit<K extends keyof CimEventMap>(target: EventTarget, name: K, detail: CimEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'cim-conversation-open': CustomEvent<CimEventMap['cim-conversation-open']>;
    'cim-message-send': CustomEvent<CimEventMap['cim-message-send']>;
    'cim-products-add': CustomEvent<CimEventMap['cim-products-add']>;
    'cim-invitation-accept': CustomEvent<CimEventMap['cim-invitation-accept']>;
    'cim-seller-block': CustomEvent<CimEventMap['cim-seller-block']>;
    'cim-sample-request': CustomEvent<CimEventMap['cim-sample-request']>;
  }
}
