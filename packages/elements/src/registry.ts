import { CreatorInbox } from './inbox/creator-inbox.js';
import { CimInboxList } from './inbox-list/inbox-list.js';
import { CimChatSession } from './chat-session/chat-session.js';
import { CimSessionHeader } from './chat-session/session-header.js';
import { CimMessageLog } from './chat-session/message-log.js';
import { CimComposer } from './chat-session/composer.js';
import { CimBlockDialog } from './chat-session/block-dialog.js';
import { CimSampleDialog } from './chat-session/sample-dialog.js';
import { CimQuickRepliesDialog } from './chat-session/quick-replies-dialog.js';
import { CimProductCard, CimProductListCard } from './product-card/product-card.js';
import { CimSampleCard } from './sample-card/sample-card.js';
import { CimInvitationCard } from './invitation-card/invitation-card.js';
import { CimSearch } from './search/search.js';
import { CimContactButton, CimNotificationsButton } from './contact-button/contact-button.js';

/** Every Creator IM tag and its class. */
export const TAGS = {
  'creator-inbox': CreatorInbox,
  'cim-inbox-list': CimInboxList,
  'cim-chat-session': CimChatSession,
  'cim-session-header': CimSessionHeader,
  'cim-message-log': CimMessageLog,
  'cim-composer': CimComposer,
  'cim-block-dialog': CimBlockDialog,
  'cim-sample-dialog': CimSampleDialog,
  'cim-quick-replies-dialog': CimQuickRepliesDialog,
  'cim-product-card': CimProductCard,
  'cim-product-list-card': CimProductListCard,
  'cim-sample-card': CimSampleCard,
  'cim-invitation-card': CimInvitationCard,
  'cim-search': CimSearch,
  'cim-contact-button': CimContactButton,
  'cim-notifications-button': CimNotificationsButton,
} as const;

/**
 * Registers every Creator IM element in `registry` (the global one by default). Tags already
 * defined are left alone, so calling it twice, or from two bundles, is harmless.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(TAGS)) if (!registry.get(tag)) registry.define(tag, element);
}

declare global {
  interface HTMLElementTagNameMap {
    'creator-inbox': CreatorInbox;
    'cim-inbox-list': CimInboxList;
    'cim-chat-session': CimChatSession;
    'cim-session-header': CimSessionHeader;
    'cim-message-log': CimMessageLog;
    'cim-composer': CimComposer;
    'cim-block-dialog': CimBlockDialog;
    'cim-sample-dialog': CimSampleDialog;
    'cim-quick-replies-dialog': CimQuickRepliesDialog;
    'cim-product-card': CimProductCard;
    'cim-product-list-card': CimProductListCard;
    'cim-sample-card': CimSampleCard;
    'cim-invitation-card': CimInvitationCard;
    'cim-search': CimSearch;
    'cim-contact-button': CimContactButton;
    'cim-notifications-button': CimNotificationsButton;
  }
}
