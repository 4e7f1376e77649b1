/**
 * Events a host page may care about. All bubble and are composed (they cross shadow roots), and
 * carry a typed `detail`. Names are prefixed `cim-`. They are typed on elements, on `document`
 * and on `window` alike: `document.addEventListener('cim-message-send', (e) => e.detail.clientId)`.
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
  /** The search query changed (`<cim-search>`). */
  'cim-search-change': { query: string };
}

/** Events that carry no detail: plain `Event`s. */
export interface CimSignalEventMap {
  /** The inbox asks the host page to show it (an entrance opened a conversation). */
  'cim-inbox-open': Event;
  /** `<creator-inbox>`'s SDK client was set or replaced. */
  'cim-client-change': Event;
  /** "Back to conversations" in a narrow `<cim-chat-session>`. */
  'cim-back': Event;
}

/** Every Creator IM event as the DOM types it: `CustomEvent<detail>` or `Event`. */
export type CimDomEventMap = { [K in keyof CimEventMap]: CustomEvent<CimEventMap[K]> } & CimSignalEventMap;

/** Dispatches a typed, bubbling, composed event from `target`. */
export function emit<K extends keyof CimEventMap>(target: EventTarget, name: K, detail: CimEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  /* eslint-disable @typescript-eslint/no-empty-object-type -- declaration merging into the DOM's event maps */
  interface HTMLElementEventMap extends CimDomEventMap {}
  interface DocumentEventMap extends CimDomEventMap {}
  interface WindowEventMap extends CimDomEventMap {}
  interface ShadowRootEventMap extends CimDomEventMap {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
}
