// Vue: the tags are global components, as Vue's template type-checker (vue-tsc / Volar) sees them.
import type {} from '@creator-im/elements/jsx/vue';
import type { GlobalComponents } from 'vue';

type InboxProps = InstanceType<GlobalComponents['creator-inbox']>['$props'];

export const ok: InboxProps = {
  baseUrl: 'https://api.example.com',
  conversationId: null,
  onCimConversationOpen: (event) => event.detail.conversationId,
  onCimInboxOpen: (event) => event.type,
};
// @ts-expect-error theme is 'light' | 'dark'
export const badTheme: InboxProps = { theme: 'blue' };
// @ts-expect-error the detail of cim-message-send has no productIds
export const badEvent: InboxProps = { onCimMessageSend: (event) => event.detail.productIds };
