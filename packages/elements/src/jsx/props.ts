/**
 * What every framework typing below shares: each tag's public properties and its `cim-*` events,
 * derived from the element classes so they stay true as the elements change.
 */
import type { LitElement } from 'lit';
import type { CimDomEventMap } from '../events.js';
import type { CreatorInbox } from '../inbox/creator-inbox.js';
import type { CimInboxList } from '../inbox-list/inbox-list.js';
import type { CimChatSession } from '../chat-session/chat-session.js';
import type { CimProductCard, CimProductListCard } from '../product-card/product-card.js';
import type { CimSampleCard } from '../sample-card/sample-card.js';
import type { CimInvitationCard } from '../invitation-card/invitation-card.js';
import type { CimSearch } from '../search/search.js';
import type { CimContactButton, CimNotificationsButton } from '../contact-button/contact-button.js';

/** Every Creator IM tag and its element class. */
export interface CimTagMap {
  'creator-inbox': CreatorInbox;
  'cim-inbox-list': CimInboxList;
  'cim-chat-session': CimChatSession;
  'cim-product-card': CimProductCard;
  'cim-product-list-card': CimProductListCard;
  'cim-sample-card': CimSampleCard;
  'cim-invitation-card': CimInvitationCard;
  'cim-search': CimSearch;
  'cim-contact-button': CimContactButton;
  'cim-notifications-button': CimNotificationsButton;
}

/** An element's own public properties (not LitElement's, not methods), all optional. */
export type CimElementProperties<E> = {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any method, whatever its signature
  [K in keyof E as K extends keyof LitElement ? never : E[K] extends Function ? never : K]?: E[K];
};

/** `on` + event name handlers (React 19, Preact, Svelte 5 add listeners for such props). */
export type CimLowercaseEventHandlers = {
  [K in keyof CimDomEventMap as `on${K}`]?: (event: CimDomEventMap[K]) => void;
};

type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** Vue's `@cim-conversation-open` listeners, as Vue types them: `onCimConversationOpen`. */
export type CimVueEventHandlers = {
  [K in keyof CimDomEventMap as `on${Pascal<K>}`]?: (event: CimDomEventMap[K]) => void;
};
