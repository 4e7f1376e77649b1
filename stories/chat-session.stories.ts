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

/** A conversation that cannot be loaded (a stale link): the reason, "Retry" and "Back to conversations". */
export const CouldNotLoad: Story = {
  tags: ['failure'],
  render: () => session('conv-no-longer-there'),
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
    const composer = await part<HTMLTextAreaElement>(canvasElement, 'cim-composer', 'textarea');
    composer.value = 'Could you send me a sample?';
    composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  },
};

/** The "More options" menu open, with "Block seller". */
export const MoreOptionsMenu: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await part(canvasElement, 'cim-session-header', '.more'));
  },
};

/** "Block seller" asks first, naming the seller and saying what happens. */
export const BlockConfirmation: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await part(canvasElement, 'cim-session-header', '.more'));
    await userEvent.click(await part(canvasElement, 'cim-session-header', '[role="menuitem"]'));
  },
};

/** Scrolled up when a message arrives: nothing moves, and "1 new message" offers to jump to it. */
export const NewMessagesButton: Story = {
  beforeEach: withClient({ backend: { messagesPerConversation: 80 } }),
  play: async ({ canvasElement }) => {
    const scroller = await part(canvasElement, 'cim-message-log', '.scroller');
    scroller.scrollTop = 0;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    current().backend.sellerSend('shop-1', { type: 'TEXT', text: 'Are you still there?' });
  },
};

/** The "Request sample" dialog with the products this seller showed. */
export const RequestSampleDialog: Story = {
  play: async ({ canvasElement }) => {
    const composer = await part(canvasElement, 'cim-composer', '.tools');
    const button = [...composer.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Request sample')!;
    await userEvent.click(button);
  },
};

/** "Edit quick replies": the creator manages the reply templates offered above the composer. */
export const QuickRepliesEditor: Story = {
  play: async ({ canvasElement }) => {
    const composer = await part(canvasElement, 'cim-composer', '.tools');
    const button = [...composer.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Edit quick replies')!;
    await userEvent.click(button);
  },
};

/** An element inside one of the session's parts, once rendered. */
async function part<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, tag: string, selector: string): Promise<T> {
  for (;;) {
    const found = canvas.querySelector('cim-chat-session')?.shadowRoot?.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
