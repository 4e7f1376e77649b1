import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { setLocale } from '@creator-im/elements';
import { current, withBackend, withClient } from './mock.js';

const meta: Meta = {
  title: 'Embed/creator-inbox',
  component: 'creator-inbox',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    tab: { control: 'inline-radio', options: ['shop', 'collab', 'agency'] },
    conversationId: { control: 'text', name: 'conversation-id' },
  },
  args: { theme: 'light', tab: 'shop', conversationId: '' },
  render: (args) =>
    html`<div style="height:100vh;padding:8px;box-sizing:border-box">
      <creator-inbox base-url=${location.origin} token="storybook" theme=${args.theme} tab=${args.tab} conversation-id=${args.conversationId || ''}></creator-inbox>
    </div>`,
  beforeEach: withBackend(),
};
export default meta;

type Story = StoryObj;

/** The inbox on the seeded data set: sellers, agencies, every message kind. */
export const Default: Story = {};

/** The dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** The Agency tab: verified agencies carry their label. */
export const AgencyTab: Story = { args: { tab: 'agency' } };

/** Collab Messages: conversations carrying a Targeted Plan or an agency invitation. */
export const CollabTab: Story = { args: { tab: 'collab' } };

/** A conversation open beside the list (two panes when wide). */
export const WithConversation: Story = { args: { conversationId: 'conv-shop-1' } };

/** Narrow: one pane, with back navigation from the conversation. */
export const Narrow: Story = {
  args: { conversationId: 'conv-shop-1' },
  render: (args) => html`<div style="height:100vh;width:380px;padding:8px;box-sizing:border-box">
    <creator-inbox base-url=${location.origin} token="storybook" conversation-id=${args.conversationId}></creator-inbox>
  </div>`,
};

/** Arabic, right to left. */
export const ArabicRtl: Story = {
  beforeEach: async () => {
    await setLocale('ar');
    return () => void setLocale('en');
  },
  render: () => html`<div dir="rtl" lang="ar" style="height:100vh;padding:8px;box-sizing:border-box">
    <creator-inbox base-url=${location.origin} token="storybook" conversation-id="conv-shop-1"></creator-inbox>
  </div>`,
};

/** An inbox with no conversation yet. */
export const Empty: Story = { beforeEach: withBackend({}, (backend) => backend.conversations.clear()) };

/** Waiting for the first page (the server is slow). */
export const Loading: Story = { beforeEach: withBackend({ knobs: { latencyMs: 600_000 } }) };

/** The server fails: the inbox says so and offers Retry. */
export const ServerError: Story = { tags: ['failure'], beforeEach: withBackend({ knobs: { errorRate: 1 } }) };

/** Many unread messages: a burst of 400 seller messages. */
export const ManyUnread: Story = { beforeEach: withBackend({}, (backend) => backend.burst(400)) };

/** Very long shop names and texts wrap or truncate, never overflow. */
export const LongNamesAndTexts: Story = {
  args: { conversationId: 'conv-shop-1' },
  beforeEach: withBackend({}, (backend) => {
    const conversation = backend.conversations.get('conv-shop-1')!;
    const name = 'The Extraordinarily Long-Named Organic Skincare & Wellness Collective of Greater Southern California';
    backend.conversations.set('conv-shop-1', { ...conversation, counterpart: { ...conversation.counterpart, name } });
    backend.sellerSend('shop-1', { type: 'TEXT', text: `${'Supercalifragilistic '.repeat(12)}https://example.com/${'very-long-path/'.repeat(10)} — and a line\nbreak.` });
  }),
};

/** Offline: the real-time connection cannot be opened; the header says "Reconnecting…". */
export const Offline: Story = {
  beforeEach: withClient({
    client: {
      webSocket: () => {
        throw new Error('offline');
      },
      reconnectBackoffMs: 60_000,
    },
  }),
  render: () => html`<div style="height:100vh;padding:8px;box-sizing:border-box"><creator-inbox .client=${current().client}></creator-inbox></div>`,
};
