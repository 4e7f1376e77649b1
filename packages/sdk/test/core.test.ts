/**
 * One test per finding of issue 11 (state that stays true: reload, reconnects, bad records,
 * lifecycles, API misuse). Each failed on the core before the redesign.
 */
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { ArgumentError, CimError, createClient, RuleViolationError, type CreatorImClient } from '@creator-im/sdk';
import { indexedDbCache, indexedDbOutbox } from '@creator-im/sdk/storage';
import { BASE, conversationOf, pipeEvents, setup, until } from './helpers.js';

const longName = 'x'.repeat(501);

/** Every state a reader can see, after the client settles. */
const live = (client: CreatorImClient) => {
  const s = client.state.getSnapshot();
  return {
    samples: Object.fromEntries([...s.samples].map(([id, sample]) => [id, sample.status])),
    invitations: Object.fromEntries([...s.invitations].map(([id, invitation]) => [id, invitation.state])),
    links: Object.fromEntries(s.links),
    blocked: [...s.blockedSellers.keys()].sort(),
    showcase: [...s.showcase].filter(([, e]) => e.state === 'added').map(([id]) => id).sort(),
  };
};

test('stale after reload: a fresh client shows the sample and invitation as the server has them now, not as sent', async () => {
  const t = setup();
  try {
    const sample = [...t.backend.samples.values()].find((s) => s.status === 'to_review' && !t.backend.blocked.has(t.backend.conversations.get(s.conversationId)!.counterpart.id))!;
    t.backend.decideSample(sample.id, 'to_ship');
    const invitation = [...t.backend.invitations.values()].find((i) => i.state === 'pending')!;
    t.backend.decide(invitation.id, 'accept', invitation.agreements.map((a) => a.id));
    await t.client.start();
    await t.client.conversations.loadLatest(sample.conversationId);
    await t.client.conversations.loadLatest(invitation.conversationId);
    assert.equal(t.client.samples.sample(sample.id).getSnapshot()?.status, 'to_ship');
    assert.equal(t.client.agency.invitation(invitation.id).getSnapshot()?.invitation.state, 'accepted');
    assert.equal(t.client.agency.invitation(invitation.id).getSnapshot()?.canAccept, false);
  } finally {
    t.close();
  }
});

async function reloadScenario(historyGone: boolean, firstStartFails = false) {
  const name = `reload-${historyGone}-${firstStartFails}-${Date.now()}`;
  const t = setup({ client: { cache: indexedDbCache('c1', name), cacheDelayMs: 1 } });
  const sample = [...t.backend.samples.values()].find((s) => s.status === 'to_review' && !t.backend.blocked.has(t.backend.conversations.get(s.conversationId)!.counterpart.id))!;
  const invitation = [...t.backend.invitations.values()].find((i) => i.state === 'pending')!;
  const unlinking = [...t.backend.links].find(([, state]) => state === 'unlink_requested')![0];
  const seller = [...t.backend.conversations.values()].find((c) => c.counterpart.kind === 'seller' && !c.blocked && c.id !== sample.conversationId)!.counterpart.id;
  const product = t.backend.seed.products.find((p) => !t.backend.showcase.has(p.id) && !t.backend.seed.unavailableProducts.includes(p.id))!.id;
  await t.client.start();
  await t.client.conversations.loadLatest(sample.conversationId);
  await t.client.conversations.loadLatest(invitation.conversationId);
  await until(() => t.client.state.getSnapshot().samples.get(sample.id)?.status === 'to_review');
  // Wait for the write to the cache that holds both cards, then close the tab.
  const cache = indexedDbCache('c1', name);
  const cached = async () => {
    const inbox = await cache.load();
    return Boolean(inbox?.samples?.some((s) => s.id === sample.id) && inbox.invitations?.some((i) => i.id === invitation.id));
  };
  for (let i = 0; !(await cached()); i++) {
    if (i > 2000) throw new Error('the cache was never written');
    await new Promise((r) => setTimeout(r, 5));
  }
  t.client.dispose();
  // While the client is away: another device acts.
  t.backend.decideSample(sample.id, 'to_ship');
  t.backend.decide(invitation.id, 'accept', invitation.agreements.map((a) => a.id));
  t.backend.resolveUnlink(unlinking, 'unlinked');
  t.backend.setBlocked(seller, true);
  t.backend.addToShowcase([product]);
  let eventRequests = 0;
  let eventsDown = firstStartFails; // the first start's catch-up fails (the network drops)
  const next = createClient({
    baseUrl: BASE,
    token: () => 't',
    webSocket: false,
    cache: indexedDbCache('c1', name),
    retries: firstStartFails ? 0 : undefined,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname === '/api/events') {
        if (eventsDown) return Response.json({ error: { code: 'unavailable', message: 'down' } }, { status: 503 });
        eventRequests++;
        if (historyGone) return Response.json({ events: t.backend.events.slice(-1), lastSeq: t.backend.lastSeq });
      }
      return fetch(input, init);
    },
  });
  const errors: CimError[] = [];
  next.onError((e) => errors.push(e));
  try {
    if (firstStartFails) {
      await assert.rejects(next.start(), 'the first start fails while catching up');
      eventsDown = false;
    }
    await next.start(); // a retried start catches up too
    const got = live(next);
    assert.equal(got.samples[sample.id], 'to_ship');
    assert.equal(got.invitations[invitation.id], 'accepted');
    assert.equal(got.links[unlinking], 'unlinked');
    assert.ok(got.blocked.includes(seller));
    assert.ok(got.showcase.includes(product));
    assert.deepEqual(got.blocked, [...t.backend.blocked].sort());
    assert.deepEqual(got.showcase, [...t.backend.showcase].sort());
    assert.ok(eventRequests >= 1, 'caught up through /api/events');
    assert.equal(next.state.getSnapshot().lastSeq, t.backend.lastSeq);
  } finally {
    next.dispose();
    t.close();
  }
}

test('reload catch-up: a new client on the same storage shows what changed while away, from the cached sequence', () => reloadScenario(false));
test('reload catch-up: when the server no longer has that history, every cached entity is revalidated', () => reloadScenario(true));
test('reload catch-up: a start() retried after the catch-up failed still catches up from the cached sequence', () => reloadScenario(false, true));

test('one bad record is left out of its view: a 501-character shop name, a 10,001-character message, a 300-character quick reply id', async () => {
  const t = setup();
  try {
    const id = conversationOf(t.backend, 'shop-1');
    t.server.use(
      http.get(`${BASE}/api/conversations`, async ({ request }) => {
        const real = (await (await fetch(request.url.replace(BASE, BASE), { headers: request.headers })).json()) as { conversations: { counterpart: { name: string } }[] };
        real.conversations[0]!.counterpart.name = longName;
        return HttpResponse.json(real);
      }, { once: true }),
      http.get(`${BASE}/api/quick-replies`, () => HttpResponse.json({ replies: [{ id: 'q'.repeat(300), text: 'bad' }, { id: 'ok', text: 'Thanks!' }] }), { once: true }),
    );
    await t.client.start();
    const view = t.client.inbox.view({ tab: 'shop' }).getSnapshot();
    assert.equal(view.status, 'ready', 'the inbox loads');
    assert.ok(view.conversations.length > 0, 'the other conversations show');
    assert.deepEqual(t.client.conversations.quickReplies.getSnapshot().map((r) => r.id), ['ok'], 'start() succeeds without the bad reply');
    t.server.use(
      http.get(`${BASE}/api/conversations/:id/messages`, () =>
        HttpResponse.json({
          messages: [
            { id: 'long', conversationId: id, seq: 1, sender: 'counterpart', sentAt: '2026-11-01T10:00:00.000Z', type: 'TEXT', text: 'y'.repeat(10_001) },
            { id: 'fine', conversationId: id, seq: 2, sender: 'counterpart', sentAt: '2026-11-01T10:00:01.000Z', type: 'TEXT', text: 'hello' },
          ],
          olderCursor: null,
        }),
      { once: true }),
    );
    await t.client.conversations.loadLatest(id);
    assert.ok(t.client.conversations.thread(id).getSnapshot().messages.some((m) => m.id === 'fine'));
    assert.equal(t.client.conversations.thread(id).getSnapshot().status, 'ready');
    const invalid = t.errors.filter((e): e is CimError => e instanceof CimError && e.code === 'invalid_payload');
    assert.equal(invalid.length, 3, 'each bad record reported once');
    // Sending what breaks the limits is refused before any request.
    let puts = 0;
    t.server.events.on('request:start', ({ request }) => void (request.method === 'PUT' && puts++));
    await assert.rejects(t.client.conversations.saveQuickReplies([{ id: 'q'.repeat(300), text: 'x' }]), ArgumentError);
    await assert.rejects(t.client.conversations.sendText(id, 'z'.repeat(10_001)), ArgumentError);
    assert.equal(puts, 0);
  } finally {
    t.close();
  }
});

test('resync storms: a gap in /api/events, or old events with a higher lastSeq, cost a bounded number of requests and stop at dispose', async () => {
  for (const mode of ['gap', 'stale'] as const) {
    const t = setup();
    let requests = 0;
    const client = createClient({
      baseUrl: BASE,
      token: () => 't',
      webSocket: false,
      random: () => 0.5,
      resyncBackoffMs: 1,
      fetch: async (input, init) => {
        const url = new URL(String(input));
        if (url.pathname === '/api/events') {
          requests++;
          const after = Number(url.searchParams.get('after'));
          const events = mode === 'gap' ? t.backend.events.filter((e) => e.seq > after + 5) : t.backend.events.filter((e) => e.seq <= after).slice(-3);
          return Response.json({ events, lastSeq: t.backend.lastSeq + 10 });
        }
        return fetch(input, init);
      },
    });
    const errors: CimError[] = [];
    client.onError((e) => errors.push(e));
    try {
      await client.start();
      await client.resync();
      assert.ok(requests <= 2, `${mode}: ${requests} requests for one resync`);
      // A live event far ahead: background resyncs back off and give up, reported, never unhandled.
      client.receive({ id: 'ev-far', seq: client.state.getSnapshot().lastSeq + 50, type: 'conversation.updated', data: {} });
      await until(() => errors.some((e) => e.code === 'unavailable') || requests > 1 && client.state.getSnapshot().lastSeq > 0, 5000);
      client.dispose();
      const after = requests;
      await new Promise((r) => setTimeout(r, 50)); // no request may follow dispose: observe a while
      assert.equal(requests, after, 'nothing after dispose');
      assert.ok(requests < 20, `${mode}: ${requests} requests in all`);
    } finally {
      client.dispose();
      t.close();
    }
  }
});

test('rollback: a failed star or mark-read restores only its own field; a message that arrived meanwhile stays', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    const conversation = t.client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.find((c) => c.unreadCount > 0 && !c.blocked)!;
    t.server.use(http.post(`${BASE}/api/conversations/:id/read`, async () => {
      t.backend.sellerSend(conversation.counterpart.id, { type: 'TEXT', text: 'meanwhile' });
      return HttpResponse.json({ error: { code: 'boom', message: 'no' } }, { status: 400 });
    }, { once: true }));
    await assert.rejects(t.client.inbox.markRead(conversation.id));
    assert.equal(t.client.inbox.get(conversation.id)!.unreadCount, t.backend.conversations.get(conversation.id)!.unreadCount);
    assert.equal(t.client.inbox.get(conversation.id)!.lastMessage?.text, 'meanwhile');
    t.server.use(http.put(`${BASE}/api/conversations/:id/star`, () => HttpResponse.json({ error: { code: 'boom', message: 'no' } }, { status: 400 }), { once: true }));
    await assert.rejects(t.client.inbox.star(conversation.id, !conversation.starred));
    assert.equal(t.client.inbox.get(conversation.id)!.starred, conversation.starred);
    assert.equal(t.client.inbox.get(conversation.id)!.lastMessage?.text, 'meanwhile');
    stop();
  } finally {
    t.close();
  }
});

test('a late answer to mark-read changes only the unread count: a block that landed meanwhile stays', async () => {
  const t = setup();
  try {
    await t.client.start();
    const conversation = t.client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.find((c) => c.unreadCount > 0 && !c.blocked)!;
    // The server answers the read with the conversation as it was, after the creator has blocked the seller.
    t.server.use(http.post(`${BASE}/api/conversations/:id/read`, async () => {
      await t.client.blocks.block(conversation.id);
      return HttpResponse.json({ conversation: { ...conversation, unreadCount: 0, blocked: false } });
    }, { once: true }));
    await t.client.inbox.markRead(conversation.id);
    assert.equal(t.client.inbox.get(conversation.id)!.unreadCount, 0);
    assert.equal(t.client.inbox.get(conversation.id)!.blocked, true, 'the stale answer did not unblock');
  } finally {
    t.close();
  }
});

test('one live message is one notification, and no listener sees the conversation updated before its thread', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    const id = conversationOf(t.backend, 'shop-2');
    let notifications = 0;
    let halfApplied = 0;
    const unsubscribe = t.client.state.subscribe(() => {
      notifications++;
      const s = t.client.state.getSnapshot();
      const last = s.conversations.get(id)?.lastMessage?.text;
      if (last === 'one' && !s.threads.get(id)?.messages.some((m) => m.type === 'TEXT' && m.text === 'one')) halfApplied++;
    });
    t.backend.sellerSend('shop-2', { type: 'TEXT', text: 'one' });
    assert.equal(notifications, 1);
    assert.equal(halfApplied, 0);
    unsubscribe();
    stop();
  } finally {
    t.close();
  }
});

test('store churn: the same store for the same id while subscribed, for every keyed store', async () => {
  const t = setup();
  try {
    await t.client.start();
    const id = conversationOf(t.backend, 'shop-1');
    const makers: (() => { subscribe(l: () => void): () => void })[] = [
      () => t.client.conversations.conversation(id),
      () => t.client.conversations.thread(id),
      () => t.client.samples.requestable(id),
      () => t.client.samples.sample('sample-1'),
      () => t.client.agency.invitation('inv-1'),
      () => t.client.agency.link('agency-1'),
      () => t.client.showcase.product('prod-1'),
      () => t.client.inbox.view({ tab: 'shop', filter: 'unread' }),
    ];
    for (const make of makers) {
      const first = make();
      const stop = first.subscribe(() => undefined);
      for (let render = 0; render < 10; render++) assert.equal(make(), first);
      stop();
    }
  } finally {
    t.close();
  }
});

test('lifecycles: in Node 20 without a WebSocket, start() rejects with no_websocket saying how to pass one', async () => {
  const client = createClient({ baseUrl: BASE, token: () => 't' });
  const hasGlobal = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';
  if (hasGlobal) return client.dispose(); // Node 22+ has one
  await assert.rejects(client.start(), (e: unknown) => e instanceof CimError && e.code === 'no_websocket' && /webSocket/.test(e.message));
  assert.equal(client.connection.getSnapshot(), 'idle');
});

test('token: a 401 refreshes the token once per request, however many retries follow; Retry-After 3600 rejects at once with unavailable', async () => {
  const t = setup();
  try {
    const asked: boolean[] = [];
    let calls = 0;
    const client = createClient({
      baseUrl: BASE,
      webSocket: false,
      backoffMs: 1,
      retries: 3,
      token: ({ refresh }) => (asked.push(refresh), 'tok'),
      fetch: async (input, init) => {
        calls++;
        if (calls === 1) return new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'old' } }), { status: 401 });
        if (calls <= 3) return new Response(JSON.stringify({ error: { code: 'down', message: 'down' } }), { status: 500 });
        return fetch(input, init);
      },
    });
    await client.inbox.loadSummary();
    assert.deepEqual(asked, [false, true]);
    t.server.use(http.get(`${BASE}/api/inbox/summary`, () => HttpResponse.json({ error: { code: 'busy', message: 'later' } }, { status: 503, headers: { 'retry-after': '3600' } })));
    await assert.rejects(t.client.inbox.loadSummary(), (e: unknown) => e instanceof CimError && e.code === 'unavailable');
    client.dispose();
  } finally {
    t.close();
  }
});

test('misuse: ArgumentError on every public method, async methods reject (never throw synchronously), disposed after dispose', async () => {
  assert.throws(() => createClient(null as never), ArgumentError);
  const t = setup();
  try {
    await t.client.start();
    const c = t.client;
    const asyncCalls: [string, () => Promise<unknown>][] = [
      ['markRead(null)', () => c.inbox.markRead(null as never)],
      ['star(id, "yes")', () => c.inbox.star('x', 'yes' as never)],
      ['load(null)', () => c.inbox.load(null as never)],
      ['loadMore({tab:"x"})', () => c.inbox.loadMore({ tab: 'x' as never })],
      ['setQuery(null)', () => c.search.setQuery(null as never)],
      ['query(1)', () => c.search.query(1 as never)],
      ['retry(null)', () => c.conversations.retry(null as never)],
      ['discard(5)', () => c.conversations.discard(5 as never)],
      ['sendText(id, null)', () => c.conversations.sendText('x', null as never)],
      ['loadLatest(id, {limit: 0})', () => c.conversations.loadLatest('x', { limit: 0 })],
      ['addAll(null)', () => c.showcase.addAll(null as never)],
      ['add([1])', () => c.showcase.add([1] as never)],
      ['block(null)', () => c.blocks.block(null as never)],
      ['accept(null)', () => c.agency.accept(null as never)],
      ['requestUnlink({})', () => c.agency.requestUnlink({} as never)],
      ['samples.request(id, null)', () => c.samples.request('x', null as never)],
      ['entrances.open(null)', () => c.entrances.open(null as never)],
      ['start("signal")', () => c.start('signal' as never)],
    ];
    for (const [name, call] of asyncCalls) {
      let promise: Promise<unknown> | undefined;
      assert.doesNotThrow(() => (promise = call()), `${name} threw synchronously`);
      await assert.rejects(promise!, (e: unknown) => e instanceof ArgumentError, name);
    }
    assert.throws(() => c.conversations.thread(null as never), ArgumentError);
    assert.throws(() => c.onError(null as never), ArgumentError);
    const id = conversationOf(t.backend, 'shop-1');
    c.dispose();
    for (const call of [() => c.conversations.sendText(id, 'after dispose'), () => c.inbox.load({ tab: 'shop' }), () => c.start(), () => c.resync(), () => c.search.setQuery('a')]) {
      await assert.rejects(call(), (e: unknown) => e instanceof CimError && e.code === 'disposed');
    }
    assert.ok(!t.backend.events.some((e) => JSON.stringify(e).includes('after dispose')), 'nothing was sent');
  } finally {
    t.close();
  }
});

test('write paths loaded on first use (a client that never started): rules refused with typed errors before any request', async () => {
  const t = setup();
  let requests = 0;
  t.server.events.on('request:start', () => requests++);
  try {
    const c = t.client;
    const rule = (code: string) => (e: unknown) => e instanceof RuleViolationError && e.rule === code;
    await assert.rejects(c.blocks.block('no-such-conversation'), rule('unknown_entity'));
    await assert.rejects(c.agency.requestUnlink('agency-1'), rule('not_linked'));
    await assert.rejects(c.agency.accept('no-such-invitation'), rule('unknown_entity'));
    await assert.rejects(c.samples.request('no-such-conversation', { id: 'p1' }), rule('unknown_entity'));
    assert.deepEqual(await c.showcase.add([]), { added: [], unavailable: [] });
    assert.equal(requests, 0, 'nothing was requested');
  } finally {
    t.close();
  }
});

test('a sample request restored from the outbox after a reload shows the same sample card as a fresh one', async () => {
  const name = `outbox-sample-${Date.now()}`;
  const t = setup({ client: { outbox: indexedDbOutbox(name), retries: 0, outboxRetryMs: 60_000 } });
  try {
    await t.client.start();
    const id = conversationOf(t.backend, 'shop-5');
    const product = t.backend.seed.products[3]!;
    t.server.use(http.post(`${BASE}/api/conversations/:id/samples`, () => HttpResponse.error()));
    const clientId = await t.client.samples.request(id, product);
    const fresh = t.client.conversations.thread(id).getSnapshot().messages.find((m) => m.clientId === clientId)!;
    t.client.dispose();
    const next = createClient({ baseUrl: BASE, token: () => 't', webSocket: false, outbox: indexedDbOutbox(name), retries: 0, outboxRetryMs: 60_000 });
    next.onError(() => undefined);
    await next.start();
    // Restored, and its delivery tried (and refused again) before the client goes: nothing in flight at dispose.
    await until(() => next.conversations.thread(id).getSnapshot().messages.some((m) => m.clientId === clientId && m.delivery === 'failed'));
    const restored = next.conversations.thread(id).getSnapshot().messages.find((m) => m.clientId === clientId)!;
    assert.equal(restored.type, 'SAMPLE_REQUEST');
    assert.equal(fresh.type, 'SAMPLE_REQUEST');
    assert.equal(restored.type === 'SAMPLE_REQUEST' && restored.sample.product.name, product.name);
    next.dispose();
  } finally {
    t.close();
  }
});

test('order: when every try of a send fails before reaching the server, later sends of that conversation wait for it (written 1, 2, 3 → stored 1, 2, 3)', async () => {
  const t = setup();
  let down = true;
  const client = createClient({
    baseUrl: BASE,
    token: () => 't',
    webSocket: false,
    retries: 1,
    backoffMs: 1,
    outboxRetryMs: 5,
    fetch: (input, init) => (down && init?.method === 'POST' ? Promise.reject(new TypeError('offline')) : fetch(input, init)),
  });
  client.onError(() => undefined);
  try {
    await client.start();
    const id = conversationOf(t.backend, 'shop-3');
    const first = await client.conversations.sendText(id, 'one');
    // The first send has failed every try; the next two are written while it waits.
    await client.conversations.sendText(id, 'two');
    await client.conversations.sendText(id, 'three');
    down = false;
    await until(() => client.conversations.thread(id).getSnapshot().messages.every((m) => m.delivery === undefined), 10_000);
    const stored = t.backend.messages.get(id)!.filter((m) => m.sender === 'creator' && m.type === 'TEXT' && ['one', 'two', 'three'].includes(m.text));
    assert.deepEqual(stored.map((m) => (m.type === 'TEXT' ? m.text : '')), ['one', 'two', 'three']);
    assert.ok(first);
  } finally {
    client.dispose();
    t.close();
  }
});

test('truncated answers: a connection cut mid-answer is a network failure, retried for a GET, never invalid_payload', async () => {
  const t = setup();
  let cuts = 0;
  const client = createClient({
    baseUrl: BASE,
    token: () => 't',
    webSocket: false,
    backoffMs: 1,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (cuts < 2 && new URL(String(input)).pathname === '/api/conversations') {
        cuts++;
        const text = await response.text();
        return new Response(text.slice(0, text.length / 2), { status: 200, headers: { 'content-type': 'application/json' } });
      }
      return response;
    },
  });
  const errors: CimError[] = [];
  client.onError((e) => errors.push(e));
  try {
    await client.start();
    assert.equal(cuts, 2);
    assert.ok(client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.length > 0);
    assert.ok(!errors.some((e) => e.code === 'invalid_payload'));
  } finally {
    client.dispose();
    t.close();
  }
});

test('media URLs: relative ones resolve against the API base URL (answers and live events); anything but http(s) becomes null', async () => {
  const t = setup();
  try {
    await t.client.start();
    const id = conversationOf(t.backend, 'shop-1');
    const conversation = t.client.state.getSnapshot().conversations.get(id)!;
    assert.equal(conversation.counterpart.avatarUrl, `${BASE}/media/avatars/shop-1.png`);
    const stop = pipeEvents(t.backend, t.client);
    await t.client.samples.request(id, t.backend.seed.products[0]!);
    const sampleId = [...t.backend.samples.values()].at(-1)!.id;
    t.backend.decideSample(sampleId, 'to_ship');
    assert.equal(t.client.samples.sample(sampleId).getSnapshot()?.product.imageUrl, `${BASE}/media/products/${t.backend.seed.products[0]!.id}.svg`);
    stop();
    const hostile = { ...conversation, counterpart: { ...conversation.counterpart, avatarUrl: 'javascript:alert(1)' } };
    t.client.receive({ id: 'evt-x', seq: t.client.state.getSnapshot().lastSeq + 1, type: 'conversation.updated', data: { conversation: hostile } });
    assert.equal(t.client.state.getSnapshot().conversations.get(id)!.counterpart.avatarUrl, null);
  } finally {
    t.close();
  }
});
