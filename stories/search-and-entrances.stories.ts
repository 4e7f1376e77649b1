import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { hosted, withBackend, withClient } from './mock.js';

const meta: Meta = { title: 'Parts/Search and entrances', beforeEach: withClient() };
export default meta;

type Story = StoryObj;

/** The search box on its own. */
export const SearchBox: Story = { render: () => hosted(html`<cim-search></cim-search>`, 'display:flex;flex-direction:column;height:100vh;max-width:420px') };

/** Results on one page in four modules — Accounts, Messages, Products, Samples — matches highlighted. */
export const SearchResults: Story = {
  render: SearchBox.render,
  play: async ({ canvasElement }) => {
    const input = canvasElement.querySelector('cim-search')!.shadowRoot!.querySelector('input')!;
    await userEvent.type(input, 'glow');
  },
};

/** A search with no match in some modules. */
export const SearchFewResults: Story = {
  render: SearchBox.render,
  play: async ({ canvasElement }) => {
    const input = canvasElement.querySelector('cim-search')!.shadowRoot!.querySelector('input')!;
    await userEvent.type(input, 'zephyr');
  },
};

const page = (content: ReturnType<typeof html>) => html`<div style="display:flex;gap:16px;align-items:center;padding:16px;min-height:320px">
  ${content}
</div><div style="height:70vh;padding:8px"><creator-inbox id="inbox" base-url=${location.origin} token="storybook"></creator-inbox></div>`;

/** "Contact" → "Contact Seller Online" (Product Promotion), "Contact" → "Chat" (Seller's Store), and plain "Contact" buttons. */
export const ContactButtons: Story = {
  beforeEach: withBackend(),
  render: () =>
    page(html`<cim-contact-button inbox="inbox" seller-id="shop-3" entrance="product_promotion" product-id="prod-3" action-label="Contact Seller Online"></cim-contact-button>
      <cim-contact-button inbox="inbox" seller-id="shop-4" entrance="seller_store" action-label="Chat"></cim-contact-button>
      <cim-contact-button inbox="inbox" seller-id="shop-5" entrance="connection_invites"></cim-contact-button>
      <cim-contact-button inbox="inbox" seller-id="shop-6" entrance="sample_applications">Contact</cim-contact-button>`),
};

/** The "Contact" menu open. */
export const ContactMenuOpen: Story = {
  ...ContactButtons,
  play: async ({ canvasElement }) => {
    const button = canvasElement.querySelector('cim-contact-button')!;
    await (button as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await userEvent.click(button.shadowRoot!.querySelector('button')!);
  },
};

/** The Notifications icon with the inbox's unread count. */
export const Notifications: Story = {
  beforeEach: withBackend(),
  render: () => page(html`<cim-notifications-button inbox="inbox" style="color:#161823"></cim-notifications-button>`),
};

/** Tabs and filters on their own (the list part). */
export const InboxList: Story = {
  render: () => hosted(html`<cim-inbox-list></cim-inbox-list>`, 'display:flex;flex-direction:column;height:100vh;max-width:400px'),
};

/** The list with the Unread filter on. */
export const InboxListUnread: Story = {
  render: () => hosted(html`<cim-inbox-list filter="unread"></cim-inbox-list>`, 'display:flex;flex-direction:column;height:100vh;max-width:400px'),
};


