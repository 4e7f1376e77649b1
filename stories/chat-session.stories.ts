import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { conversationWith, current, hosted, withClient } from './mock.js';

const session = (conversationId: string) => hosted(html`<cim-chat-session conversation-id=${conversationId}></cim-chat-session>`, 'display:flex;flex-direction:column;height:100vh');

const meta: Meta = {
  title: 'Parts/cim-chat-session',
  component: 'cim-chat-session',
  render: () => session('conv-shop-1'),
  beforeEach: withClient(),
};
export default meta;

type Story = StoryObj;

/** A seller conversation: a Targeted Plan, quick replies, "Request sample". */
export const SellerConversation: Story = {};

/** An agency conversation: its binding invitation and product list. */
export const AgencyConversation: Story = {
  render: () => session(conversationWith(current().backend, (m) => m.type === 'AGENCY_INVITATION')),
};

/** A blocked seller: the composer is replaced by the blocked notice with "Unblock". */
export const BlockedSeller: Story = { render: () => session('conv-shop-29') };

/** Every message kind, including one this SDK does not know ("Unsupported message"). */
export const EveryKind: Story = {
  beforeEach: withClient({
    prepare: (backend) => {
      backend.sellerSend('shop-1', { type: 'TEXT', text: 'A plain text message.' });
      backend.sellerSend('shop-1', { type: 'PRODUCT_CARD', product: backend.seed.products[5]! });
      const messages = backend.messages.get('conv-shop-1')!;
      const last = messages[messages.length - 1]!;
      // A kind from a newer server: kept and shown neutrally.
      messages.push({ ...last, id: 'msg-future', seq: last.seq, type: 'LIVE_STREAM_INVITE' } as unknown as (typeof messages)[number]);
    },
  }),
};

/** A message that failed to send: "Failed to send" and "Retry". */
export const FailedMessage: Story = {
  tags: ['failure'],
  beforeEach: withClient({
    client: { retries: 0, outboxRetryMs: 600_000 },
    ready: async ({ backend, client }) => {
      await client.conversations.loadLatest('conv-shop-1');
      Object.assign(backend.knobs, { errorRate: 1, outage: 'before' }); // from now on every request fails, undone
    },
  }),
  play: async ({ canvasElement }) => {
    const session = canvasElement.querySelector('cim-chat-session')!;
    await session.updateComplete;
    const composer = session.shadowRoot!.querySelector('textarea')!;
    composer.value = 'Could you send me a sample?';
    composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  },
};

/** The "More options" menu open, with "Block seller". */
export const MoreOptionsMenu: Story = {
  play: async ({ canvasElement }) => {
    const more = canvasElement.querySelector('cim-chat-session')!.shadowRoot!.querySelector<HTMLButtonElement>('.menu-button')!;
    await userEvent.click(more);
  },
};

/** The "Request sample" dialog with the products this seller showed. */
export const RequestSampleDialog: Story = {
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('cim-chat-session')!.shadowRoot!;
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Request sample')!;
    await userEvent.click(button);
  },
};

/** "Edit quick replies": the creator manages the reply templates offered above the composer. */
export const QuickRepliesEditor: Story = {
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('cim-chat-session')!.shadowRoot!;
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Edit quick replies')!;
    await userEvent.click(button);
  },
};
