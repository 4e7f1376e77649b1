/**
 * Start-up order (issue 14, first row as fast as a plain page): what the first row needs leaves at
 * once and in parallel (first page, summary, cache read); the real-time channel, cache writes and
 * secondary loads wait for the host's idle time, and live events flow as soon as the socket is up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import WebSocket from 'ws';
import { CimError, createClient, memoryOutbox, type CachedInbox, type InboxCache, type OutboxEntry, type WebSocketLike } from '@creator-im/sdk';
import { snapshotForCache } from '@creator-im/sdk/storage';
import { startServer } from '../../../mocks/server.js';
import { BASE, conversationOf, setup, until } from './helpers.js';

/** An idle scheduler the test runs by hand: nothing deferred runs until `flush()`. */
function manualIdle() {
  const tasks: (() => void)[] = [];
  return {
    idle: (task: () => void) => void tasks.push(task),
    get waiting() {
      return tasks.length;
    },
    flush() {
      for (const task of tasks.splice(0)) task();
    },
  };
}

/** An in-memory inbox cache whose reads wait for `release()` when `held`, recording every write. */
function memoryCache(inbox: CachedInbox | undefined, held = false) {
  const saves: CachedInbox[] = [];
  let release = () => {};
  const gate = held ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  let reads = 0;
  const cache: InboxCache = {
    load: async () => {
      reads++;
      await gate;
      return inbox;
    },
    save: async (next) => void saves.push(next),
    clear: async () => undefined,
  };
  return { cache, saves, release: () => release(), reads: () => reads };
}

const path = (input: RequestInfo | URL) => new URL(String(input)).pathname;

test('start: until the host is idle, only the summary and the first page are requested; no socket, no cache write; live events arrive once connected', async () => {
  const server = await startServer();
  const idle = manualIdle();
  const requests: string[] = [];
  const sockets: string[] = [];
  const { cache, saves } = memoryCache(undefined);
  const client = createClient({
    baseUrl: server.url,
    token: () => 'test-token',
    idle: idle.idle,
    cache,
    cacheDelayMs: 0,
    fetch: (input, init) => {
      requests.push(path(input));
      return fetch(input, init);
    },
    webSocket: (url) => {
      sockets.push(url);
      return new WebSocket(url) as unknown as WebSocketLike;
    },
  });
  client.onError(() => undefined);
  try {
    const started = client.start();
    const shop = client.inbox.view({ tab: 'shop' });
    const stop = shop.subscribe(() => undefined); // as the list element does
    await until(() => shop.getSnapshot().conversations.length > 0, 10_000);
    // The first row can be painted: nothing else has been asked for.
    assert.deepEqual([...requests].sort(), ['/api/conversations', '/api/inbox/summary'], 'the first page once, and the summary');
    let done = false;
    started.then(
      () => (done = true),
      () => (done = true),
    );
    // Summary and first page applied, deferred work waiting (the search queue's and start()'s).
    await until(() => client.state.getSnapshot().creator !== null && idle.waiting > 0, 10_000);
    assert.deepEqual([...requests].sort(), ['/api/conversations', '/api/inbox/summary'], 'still nothing else while the host is busy');
    assert.equal(sockets.length, 0, 'no socket before idle time');
    assert.equal(saves.length, 0, 'no cache write before idle time');
    assert.equal(client.connection.getSnapshot(), 'idle');

    // The host goes idle: the rest of the start-up runs.
    await until(() => {
      idle.flush();
      return done;
    }, 10_000);
    await started;
    assert.equal(sockets.length, 1, 'the real-time channel opens');
    for (const wanted of ['/api/showcase', '/api/blocks', '/api/agency-links', '/api/quick-replies']) assert.ok(requests.includes(wanted), `${wanted} is loaded after the first paint`);
    assert.equal(requests.filter((request) => request === '/api/conversations').length, 1, 'the first page is not requested twice');
    // Cache writes wait for idle time too.
    await until(() => {
      idle.flush();
      return saves.length > 0;
    });
    assert.ok(saves[0]!.conversations.length > 0, 'the inbox is written to the cache');

    // Once connected, a seller's message reaches the state without waiting for any idle time.
    await until(() => client.connection.getSnapshot() === 'online', 10_000);
    server.backend.sellerSend('shop-1', { type: 'TEXT', text: 'live after the first paint' });
    await until(() => [...client.state.getSnapshot().conversations.values()].some((c) => c.lastMessage?.text === 'live after the first paint'), 10_000);
    stop();
  } finally {
    client.dispose();
    await server.close();
  }
});

test('start: a warm cache shows before the network answers, and the first page then replaces it', async () => {
  const first = setup();
  await first.client.start();
  const cachedInbox = snapshotForCache(first.client.state.getSnapshot());
  const top = cachedInbox.conversations[0]!;
  // The cache is behind the server: its top conversation has a stale unread count.
  const stale: CachedInbox = { ...cachedInbox, conversations: [{ ...top, unreadCount: top.unreadCount + 7 }, ...cachedInbox.conversations.slice(1)] };
  first.client.dispose();

  let releaseNetwork = () => {};
  const network = new Promise<void>((resolve) => (releaseNetwork = resolve));
  const { cache } = memoryCache(stale);
  const second = createClient({
    baseUrl: BASE,
    token: () => 't',
    webSocket: false,
    cache,
    fetch: async (input, init) => {
      await network; // the network is slow today
      return fetch(input, init);
    },
  });
  try {
    const started = second.start();
    const shop = second.inbox.view({ tab: 'shop' });
    await until(() => shop.getSnapshot().conversations.length > 0);
    assert.equal(shop.getSnapshot().conversations[0]!.id, top.id, 'the cached inbox is shown while the network has not answered');
    releaseNetwork();
    await started;
    assert.equal(second.inbox.get(top.id)!.unreadCount, first.backend.conversations.get(top.id)!.unreadCount, 'the network’s answer replaces the cached row');
  } finally {
    second.dispose();
    first.close();
  }
});

test('start: the cache read and the first page run in parallel; a cache read after the answer never overwrites it', async () => {
  const first = setup();
  await first.client.start();
  const cachedInbox = snapshotForCache(first.client.state.getSnapshot());
  const top = cachedInbox.conversations[0]!;
  const stale: CachedInbox = { ...cachedInbox, conversations: [{ ...top, unreadCount: top.unreadCount + 7, starred: !top.starred }, ...cachedInbox.conversations.slice(1)] };
  first.client.dispose();

  const held = memoryCache(stale, true); // IndexedDB is slow today
  const second = createClient({ baseUrl: BASE, token: () => 't', webSocket: false, cache: held.cache });
  second.onError(() => undefined);
  try {
    const started = second.start();
    const shop = second.inbox.view({ tab: 'shop' });
    // The first page does not wait for the cache.
    await until(() => shop.getSnapshot().loaded);
    await until(() => held.reads() === 1); // the cache is being read meanwhile
    const fresh = second.inbox.get(top.id)!;
    held.release();
    await started;
    assert.equal(second.inbox.get(top.id)!.unreadCount, fresh.unreadCount, 'the stale cached copy did not replace the answer');
    assert.equal(second.inbox.get(top.id)!.starred, fresh.starred);
    assert.ok(second.state.getSnapshot().conversations.size >= cachedInbox.conversations.length, 'cached conversations beyond the first page are shown too');
  } finally {
    second.dispose();
    first.close();
  }
});

test('createClient({ idle }) must be a function', () => {
  assert.throws(() => createClient({ baseUrl: 'http://x.test', token: () => 't', idle: 5 as never }), /idle must be a function/);
});

test('start: a message sent before the host is idle is delivered after the one the outbox kept from before the reload, not before it', async () => {
  const idle = manualIdle(); // never flushed: start() stays in its idle wait
  const outbox = memoryOutbox();
  const t = setup({ client: { idle: idle.idle, outbox } });
  try {
    const id = conversationOf(t.backend, 'shop-1');
    const older: OutboxEntry = { clientId: 'kept-before-reload', conversationId: id, kind: 'text', payload: 'written before the reload', createdAt: new Date().toISOString(), order: 1, attempts: 0, failed: false };
    await outbox.put(older);
    t.client.start().catch(() => undefined);
    await until(() => t.client.state.getSnapshot().conversations.has(id), 10_000);
    await t.client.conversations.sendText(id, 'written after the first paint');
    await until(() => t.backend.messages.get(id)!.some((m) => m.type === 'TEXT' && m.text === 'written after the first paint'), 10_000);
    const texts = t.backend.messages
      .get(id)!
      .flatMap((m) => (m.type === 'TEXT' && m.sender === 'creator' ? [m.text] : []))
      .filter((text) => text.startsWith('written'));
    assert.deepEqual(texts, ['written before the reload', 'written after the first paint']);
  } finally {
    t.close();
  }
});

test('start: a failed secondary load (Showcase) is reported through onError, not a failed start; the inbox works', async () => {
  const t = setup();
  try {
    t.server.use(http.get(`${BASE}/api/showcase`, () => HttpResponse.json({ error: { code: 'internal', message: 'Showcase is down' } }, { status: 500 })));
    await t.client.start();
    assert.equal(t.client.inbox.view({ tab: 'shop' }).getSnapshot().status, 'ready');
    assert.ok(
      t.errors.some((error) => error instanceof CimError && error.message.includes('Showcase is down')),
      'the failure reaches onError, typed',
    );
    assert.equal(t.client.started, true, 'start() resolved and is not to be retried');
  } finally {
    t.close();
  }
});

test("start: with a token known at once, the first page and the summary are sent before start() returns (not behind the host page's queued microtasks)", async () => {
  const sent: string[] = [];
  const fetchSpy = (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(path(input));
    return fetch(input, init);
  };
  const world = setup({ client: { fetch: fetchSpy } });
  const client = world.client;
  const asked: string[] = [];
  // A provider that answers later still works: its requests leave once it has answered.
  const later = createClient({ baseUrl: BASE, token: async () => 't', webSocket: false, fetch: (input, init) => (asked.push(path(input)), fetch(input, init)) });
  try {
    const started = client.start();
    // An element's first render is queued as a microtask when it is connected: the requests must not wait for it.
    assert.deepEqual([...sent].sort(), ['/api/conversations', '/api/inbox/summary']);
    const laterStarted = later.start();
    assert.equal(asked.length, 0, 'an async provider has not answered yet');
    await Promise.all([started, laterStarted]);
    assert.ok(asked.includes('/api/conversations') && asked.includes('/api/inbox/summary'));
    assert.ok(client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.length > 0);
  } finally {
    later.dispose();
    world.close();
  }
});

test('start: a token provider that throws or answers nothing fails the start with a typed error, and is asked again on the retry', async () => {
  let answer: 'throw' | 'nothing' | 'token' = 'throw';
  let calls = 0;
  const world = setup({
    client: {
      retries: 0,
      token: () => {
        calls++;
        if (answer === 'throw') throw new Error('token service down');
        return answer === 'nothing' ? '' : 't';
      },
    },
  });
  const client = world.client;
  try {
    await assert.rejects(client.start(), (error: unknown) => error instanceof CimError && /token service down/.test(error.message));
    answer = 'nothing';
    await assert.rejects(client.start(), (error: unknown) => error instanceof CimError && error.code === 'unauthorized');
    answer = 'token';
    const before = calls;
    await client.start();
    assert.equal(calls, before + 1, 'a failed answer is not kept; a good one is asked for once and shared');
  } finally {
    world.close();
  }
});

test("outbox: a creator's unsent messages are neither shown nor sent by a client signed in as another creator sharing the storage; their own next client delivers them", async () => {
  const outbox = memoryOutbox(); // one browser's storage, as IndexedDB is per origin
  const offline: typeof fetch = (input, init) => (init?.method === 'POST' ? Promise.reject(new TypeError('offline')) : fetch(input, init));
  const mia = setup({ client: { outbox, fetch: offline, retries: 0, outboxRetryMs: 60_000 } });
  const seed = mia.backend.seed as { creator: { id: string; name: string } };
  let other: ReturnType<typeof createClient> | undefined;
  let again: ReturnType<typeof createClient> | undefined;
  try {
    await mia.client.start();
    const id = conversationOf(mia.backend, 'shop-1');
    await mia.client.conversations.sendText(id, 'unsent, written by Mia');
    assert.equal((await outbox.load()).length, 1, 'kept for a later client');
    mia.client.dispose();

    // Another creator signs in on the same browser.
    seed.creator = { id: 'creator-2', name: 'Noor Haddad' };
    const requests: string[] = [];
    other = createClient({ baseUrl: BASE, token: () => 'noor', webSocket: false, outbox, fetch: (input, init) => (requests.push(`${init?.method ?? 'GET'} ${path(input)}`), fetch(input, init)) });
    await other.start();
    const shown = [...other.state.getSnapshot().threads.values()].flatMap((thread) => thread.messages).filter((m) => m.type === 'TEXT' && m.text === 'unsent, written by Mia');
    assert.deepEqual(shown, [], 'not in the other creator’s threads');
    assert.ok(!requests.some((request) => request.startsWith('POST')), 'not sent with the other creator’s token');
    assert.equal((await outbox.load()).length, 1, 'left in the storage, untouched');

    // Mia signs in again: her message goes out.
    seed.creator = { id: 'creator-1', name: 'Mia Chen' };
    again = createClient({ baseUrl: BASE, token: () => 'mia', webSocket: false, outbox });
    await again.start();
    await until(() => mia.backend.messages.get(id)!.some((m) => m.type === 'TEXT' && m.text === 'unsent, written by Mia'), 10_000);
    assert.deepEqual(await outbox.load(), [], 'delivered, so no longer kept');
  } finally {
    other?.dispose();
    again?.dispose();
    mia.close();
  }
});

test('outbox: a send made while the summary is still on its way waits for it, then goes after the kept message', async () => {
  const outbox = memoryOutbox();
  let releaseSummary = () => {};
  const summaryHeld = new Promise<void>((resolve) => (releaseSummary = resolve));
  const t = setup({
    client: {
      outbox,
      fetch: async (input, init) => {
        if (path(input) === '/api/inbox/summary') await summaryHeld; // a slow summary after the reload
        return fetch(input, init);
      },
    },
  });
  try {
    const id = conversationOf(t.backend, 'shop-1');
    await outbox.put({ clientId: 'kept-1', conversationId: id, kind: 'text', payload: 'first (kept)', createdAt: new Date().toISOString(), order: 1, attempts: 0, failed: false, creatorId: 'creator-1' });
    t.client.start().catch(() => undefined);
    const sent = t.client.conversations.sendText(id, 'second, sent before the summary');
    releaseSummary();
    await sent;
    await until(() => t.backend.messages.get(id)!.some((m) => m.type === 'TEXT' && m.text.startsWith('second')), 10_000);
    const texts = t.backend.messages.get(id)!.flatMap((m) => (m.type === 'TEXT' && m.sender === 'creator' && /^(first|second)/.test(m.text) ? [m.text] : []));
    assert.deepEqual(texts, ['first (kept)', 'second, sent before the summary']);
  } finally {
    t.close();
  }
});
