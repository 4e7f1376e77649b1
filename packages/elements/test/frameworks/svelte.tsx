// Svelte 5: the tags in `svelte/elements`, as svelte-check types `<creator-inbox …>` in markup.
import type {} from '@creator-im/elements/jsx/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';

type InboxAttributes = SvelteHTMLElements['creator-inbox'];

export const ok: InboxAttributes = {
  baseUrl: 'https://api.example.com',
  class: 'inbox',
  'oncim-conversation-open': (event) => event.detail.conversationId,
};
// @ts-expect-error tab is one of the inbox tabs
export const badTab: InboxAttributes = { tab: 'inbox' };
// @ts-expect-error the detail of cim-search-change has no conversationId
export const badEvent: InboxAttributes = { 'oncim-search-change': (event) => event.detail.conversationId };
