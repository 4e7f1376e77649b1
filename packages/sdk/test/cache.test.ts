import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, CimError } from '@creator-im/sdk';
import { indexedDbCache } from '@creator-im/sdk/storage';
import { BASE, conversationOf, setup, until } from './helpers.js';

test('a cached inbox shows at once on the next start, even offline, then revalidates when the network is back', async () => {
  const t = setup({ client: { cache: indexedDbCache('creator-1', 'cache-a'), cacheDelayMs: 5 } });
  const id = conversationOf(t.backend, 'shop-1');
  let first: string[];
  try {
    await t.client.start();
    await t.client.conversations.loadLatest(id);
    first = t.client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.map((c) => c.id);
    await new Promise((done) => setTimeout(done, 50));
  } finally {
    t.client.dispose();
  }
  let online = false;
  const offline = createClient({
    baseUrl: BASE,
    token: () => 't',
    webSocket: false,
    retries: 0,
    cache: indexedDbCache('creator-1', 'cache-a'),
    fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('offline'))),
  });
  offline.onError(() => undefined);
  try {
    await assert.rejects(offline.start(), (error) => error instanceof CimError && error.code === 'network');
    assert.deepEqual(offline.inbox.view({ tab: 'shop' }).getSnapshot().conversations.map((c) => c.id).slice(0, 10), first.slice(0, 10), 'the cached inbox, in order');
    const thread = offline.conversations.thread(id).getSnapshot();
    assert.ok(thread.messages.length > 0, 'recent messages are cached');
    assert.equal(thread.loaded, false, 'a cached thread still revalidates when opened');
    // Back online: the server's newer state replaces the cached one.
    t.backend.sellerSend('shop-1', { type: 'TEXT', text: 'news while you were away' });
    online = true;
    await offline.start();
    await offline.conversations.loadLatest(id);
    await until(() => offline.conversations.thread(id).getSnapshot().messages.some((m) => m.type === 'TEXT' && m.text === 'news while you were away'));
  } finally {
    offline.dispose();
    t.close();
  }
});

test('the cache is per creator: another creator on the same browser starts empty', async () => {
  const other = indexedDbCache('creator-2', 'cache-a');
  assert.equal(await other.load(), undefined);
  assert.ok(await indexedDbCache('creator-1', 'cache-a').load());
});
