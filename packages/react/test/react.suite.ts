/**
 * The React wrappers rendered by a real React (18 or 19: the test runner bundles each test file
 * with one of them) in Chromium, against the mock backend.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createElement, version } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '@creator-im/sdk';
import { CreatorInbox, ContactButton } from '@creator-im/react';
import { startMockBackend } from '../../../mocks/browser.js';
import { deepQuery, deepQueryAll } from '../../elements/test/helpers.js';

export function reactSuite(major: string): void {
  describe(`@creator-im/react in React ${major}`, () => {
    it(`runs on React ${major}`, () => {
      expect(version.split('.')[0]).to.equal(major);
    });

    it('renders <CreatorInbox> with a client prop, and its typed onConversationOpen fires on a row click', async () => {
      const backend = await startMockBackend();
      const client = createClient({ baseUrl: location.origin, token: () => 'react', webSocket: false });
      await client.start();
      const host = document.createElement('div');
      host.style.height = '600px';
      document.body.append(host);
      const root = createRoot(host);
      const opened: string[] = [];
      try {
        root.render(
          createElement('div', null, [
            createElement(CreatorInbox, {
              key: 'inbox',
              id: 'react-inbox',
              client,
              style: { height: '560px' },
              onConversationOpen: (event) => opened.push(event.detail.conversationId),
            }),
            createElement(ContactButton, { key: 'contact', inbox: 'react-inbox', sellerId: 'shop-5', entrance: 'seller_store', actionLabel: null }),
          ]),
        );
        await waitUntil(() => deepQueryAll(host, '.row').length > 0, 'rows', { timeout: 15_000 });
        const newest = [...backend.conversations.values()].filter((c) => c.counterpart.kind === 'seller').sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : -1))[0]!;
        expect(deepQuery(host, '.row .name bdi')?.textContent).to.equal(newest.counterpart.name);
        deepQuery<HTMLButtonElement>(host, '.row')!.click();
        await waitUntil(() => opened.length > 0, 'onConversationOpen', { timeout: 15_000 });
        expect(opened[0]).to.equal(newest.id);
        // The contact button (camelCase props set as properties) opens its seller's conversation.
        const contact = host.querySelector('cim-contact-button')!;
        contact.shadowRoot!.querySelector('button')!.click();
        await waitUntil(() => opened.includes('conv-shop-5'), 'contact opened shop-5', { timeout: 15_000 });
      } finally {
        root.unmount();
        host.remove();
        client.dispose();
      }
    });
  });
}
