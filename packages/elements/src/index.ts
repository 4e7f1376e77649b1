/**
 * `@creator-im/elements`: the Lit elements of Creator IM. Importing this module defines nothing;
 * import `@creator-im/elements/define` (or call {@link defineElements}) to register the tags.
 * @packageDocumentation
 */
export { CreatorInbox } from './inbox/creator-inbox.js';
export { CimInboxList } from './inbox-list/inbox-list.js';
export { CimChatSession } from './chat-session/chat-session.js';
export { CimSessionHeader, type SessionAction } from './chat-session/session-header.js';
export { CimMessageLog } from './chat-session/message-log.js';
export { CimComposer } from './chat-session/composer.js';
export { CimBlockDialog } from './chat-session/block-dialog.js';
export { CimSampleDialog } from './chat-session/sample-dialog.js';
export { CimQuickRepliesDialog } from './chat-session/quick-replies-dialog.js';
export { CimProductCard, CimProductListCard } from './product-card/product-card.js';
export { CimSampleCard } from './sample-card/sample-card.js';
export { CimInvitationCard } from './invitation-card/invitation-card.js';
export { CimSearch } from './search/search.js';
export { CimContactButton, CimNotificationsButton } from './contact-button/contact-button.js';
export { clientContext } from './context.js';
export { StoreController } from './store-controller.js';
export { emit, type CimEventMap, type CimSignalEventMap, type CimDomEventMap } from './events.js';
export { tokens, darkTokens, cardStyles, dialogStyles, menuStyles } from './theme.js';
export { defineElements, TAGS } from './registry.js';
export { setLocale, directionOf, LOCALES, type Locale } from './localization.js';
