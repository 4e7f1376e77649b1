/**
 * The headless hooks rendered by a real React (18 or 19) in Chromium against the mock backend,
 * inside StrictMode (React mounts, unmounts and mounts again in development).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { StrictMode, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { createClient, type CreatorImClient } from '@creator-im/sdk';
import { CreatorClientProvider, useCreatorClient, useInbox, useSearch, useThread } from '@creator-im/react/hooks';
import { startMockBackend } from '../../../mocks/browser.js';

/** A client whose requests are counted by path and query. */
function countingClient(): { client: CreatorImClient; requests: string[] } {
  const requests: string[] = [];
  const client = createClient({
    baseUrl: location.origin,
    token: () => 'hooks',
    webSocket: false,
    fetch: (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      requests.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
      return fetch(input, init);
    },
  });
  return { client, requests };
}

/** Renders `node` under StrictMode and the client's provider into a fresh container. */
function mount(client: CreatorImClient, node: ReactNode): { host: HTMLElement; root: Root; unmount: () => void } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  root.render(createElement(StrictMode, null, createElement(CreatorClientProvider, { client }, node)));
  return { host, root, unmount: () => (root.unmount(), host.remove()) };
}

export function hooksSuite(major: string): void {
  describe(`@creator-im/react hooks in React ${major} (StrictMode)`, () => {
    it('useInbox renders a tab\'s conversations, loads its first page once despite the double mount, and follows live changes', async () => {
      const backend = await startMockBackend();
      const { client, requests } = countingClient();
      let renders = 0;
      const Collab = () => {
        renders++;
        const view = useInbox({ tab: 'collab' });
        return createElement('ul', { 'data-status': view.status }, view.conversations.map((c) => createElement('li', { key: c.id }, c.counterpart.name)));
      };
      const { host, unmount } = mount(client, createElement(Collab));
      try {
        await waitUntil(() => host.querySelector('ul')?.dataset.status === 'ready' && host.querySelectorAll('li').length > 0, 'collab rows', { timeout: 15_000 });
        expect(requests.filter((r) => r.startsWith('GET /api/conversations?') && r.includes('tab=collab'))).to.have.length(1);
        const first = [...backend.conversations.values()].filter((c) => host.textContent!.includes(c.counterpart.name))[0]!;
        expect(host.querySelector('li')!.textContent).to.be.a('string').and.not.equal('');
        // A store change elsewhere (star a row of this view) re-renders with the new snapshot.
        const before = renders;
        await client.inbox.star(first.id, true);
        await waitUntil(() => renders > before, 're-render after star', { timeout: 15_000 });
      } finally {
        unmount();
        client.dispose();
      }
    });

    it('useThread loads the latest history once and shows a sent message at once (optimistically)', async () => {
      const backend = await startMockBackend();
      const { client, requests } = countingClient();
      const conversation = [...backend.conversations.values()].find((c) => c.counterpart.kind === 'seller')!;
      const Messages = ({ id }: { id: string }) => {
        const thread = useThread(id);
        return createElement('ol', { 'data-loaded': String(thread.loaded) }, thread.messages.map((m) => createElement('li', { key: m.clientId ?? m.id }, 'text' in m && typeof m.text === 'string' ? m.text : m.type)));
      };
      const { host, unmount } = mount(client, createElement(Messages, { id: conversation.id }));
      try {
        await waitUntil(() => host.querySelector('ol')?.dataset.loaded === 'true', 'history loaded', { timeout: 15_000 });
        expect(requests.filter((r) => r.startsWith(`GET /api/conversations/${conversation.id}/messages`))).to.have.length(1);
        const count = host.querySelectorAll('li').length;
        flushSync(() => void client.conversations.sendText(conversation.id, 'Hello from a hook'));
        await waitUntil(() => host.querySelectorAll('li').length === count + 1, 'sent message shown', { timeout: 15_000 });
        expect([...host.querySelectorAll('li')].some((li) => li.textContent === 'Hello from a hook')).to.equal(true);
      } finally {
        unmount();
        client.dispose();
      }
    });

    it('useSearch shows results for the query and follows a new query', async () => {
      const backend = await startMockBackend();
      const { client } = countingClient();
      await client.start();
      const seller = [...backend.conversations.values()].find((c) => c.counterpart.kind === 'seller')!.counterpart.name;
      const Results = ({ query }: { query: string }) => {
        const search = useSearch(query);
        return createElement('p', { 'data-status': search.status, 'data-query': search.query }, search.results.accounts.map((hit) => hit.conversationId).join(' '));
      };
      const { host, root, unmount } = mount(client, createElement(Results, { query: seller }));
      try {
        await waitUntil(() => host.querySelector('p')?.dataset.status === 'ready', 'search ready', { timeout: 15_000 });
        expect(host.querySelector('p')!.textContent).to.not.equal('');
        root.render(createElement(StrictMode, null, createElement(CreatorClientProvider, { client }, createElement(Results, { query: '' }))));
        await waitUntil(() => host.querySelector('p')?.dataset.status === 'idle', 'cleared', { timeout: 15_000 });
        expect(host.querySelector('p')!.textContent).to.equal('');
      } finally {
        unmount();
        client.dispose();
      }
    });

    it('useCreatorClient without a provider fails loudly with what to do', () => {
      const host = document.createElement('div');
      document.body.append(host);
      const root = createRoot(host);
      const Orphan = () => {
        try {
          return createElement('span', null, String(useCreatorClient()));
        } catch (error) {
          return createElement('p', { role: 'alert' }, String(error));
        }
      };
      try {
        flushSync(() => root.render(createElement(Orphan)));
        expect(host.querySelector('[role=alert]')?.textContent).to.contain('no client; wrap the tree in <CreatorClientProvider');
      } finally {
        root.unmount();
        host.remove();
      }
    });
  });
}
