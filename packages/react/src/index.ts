/**
 * `@creator-im/react`: React components for the Creator IM elements, made with `@lit/react`.
 * Properties (e.g. `client`, `tokenProvider`, `product`) are passed as properties, not attributes,
 * and the elements' `cim-*` events are typed `on…` props. Importing this module registers the tags.
 * The headless hooks (`useInbox`, `useThread`, `useSearch`…) are here too, and alone in
 * `@creator-im/react/hooks`.
 * @packageDocumentation
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import {
  CimChatSession,
  CimContactButton,
  CimInboxList,
  CimInvitationCard,
  CimNotificationsButton,
  CimProductCard,
  CimProductListCard,
  CimSampleCard,
  CimSearch,
  CreatorInbox as CreatorInboxElement,
  defineElements,
  type CimEventMap,
} from '@creator-im/elements';

defineElements();

const event = <K extends keyof CimEventMap>(name: K) => name as EventName<CustomEvent<CimEventMap[K]>>;

/** `onConversationOpen` and the other events every Creator IM element can bubble up. */
const common = {
  onConversationOpen: event('cim-conversation-open'),
  onMessageSend: event('cim-message-send'),
  onProductsAdd: event('cim-products-add'),
  onInvitationAccept: event('cim-invitation-accept'),
  onSellerBlock: event('cim-seller-block'),
  onSampleRequest: event('cim-sample-request'),
};

/** `<creator-inbox>`: the whole inbox. Pass `client` or `baseUrl` + `tokenProvider`. */
export const CreatorInbox = createComponent({
  tagName: 'creator-inbox',
  elementClass: CreatorInboxElement,
  react: React,
  events: { ...common, onInboxOpen: 'cim-inbox-open' as EventName<Event>, onClientChange: 'cim-client-change' as EventName<Event> },
});

/** `<cim-inbox-list>`: tabs, filters and the conversation list. */
export const InboxList = createComponent({ tagName: 'cim-inbox-list', elementClass: CimInboxList, react: React, events: common });

/** `<cim-chat-session>`: one open conversation. */
export const ChatSession = createComponent({ tagName: 'cim-chat-session', elementClass: CimChatSession, react: React, events: { ...common, onBack: 'cim-back' as EventName<Event> } });

/** `<cim-search>`: the search box and its four result modules. */
export const Search = createComponent({ tagName: 'cim-search', elementClass: CimSearch, react: React, events: { ...common, onSearchChange: 'cim-search-change' as EventName<CustomEvent<{ query: string }>> } });

/** `<cim-product-card>`: one product with "Add to Showcase". */
export const ProductCard = createComponent({ tagName: 'cim-product-card', elementClass: CimProductCard, react: React, events: common });

/** `<cim-product-list-card>`: a Targeted Plan or agency product list with "Add all". */
export const ProductListCard = createComponent({ tagName: 'cim-product-list-card', elementClass: CimProductListCard, react: React, events: common });

/** `<cim-sample-card>`: a sample request and its live status. */
export const SampleCard = createComponent({ tagName: 'cim-sample-card', elementClass: CimSampleCard, react: React });

/** `<cim-invitation-card>`: an agency binding invitation with its agreements. */
export const InvitationCard = createComponent({ tagName: 'cim-invitation-card', elementClass: CimInvitationCard, react: React, events: common });

/** `<cim-contact-button>`: "Contact" on a host page; opens the inbox on a seller conversation. */
export const ContactButton = createComponent({ tagName: 'cim-contact-button', elementClass: CimContactButton, react: React });

/** `<cim-notifications-button>`: the Notifications icon with the unread badge. */
export const NotificationsButton = createComponent({ tagName: 'cim-notifications-button', elementClass: CimNotificationsButton, react: React });

export { CreatorClientProvider, useCreatorClient, useInbox, useThread, useSearch, type CreatorClientProviderProps } from './hooks.js';
