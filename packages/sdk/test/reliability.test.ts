/**
 * Reliability against the real Node server (real HTTP, real WebSocket): dropped sockets, failing
 * and timing-out sends, a reloaded outbox, and a blocked seller.
 */
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient, type ClientOptions, type CreatorImClient, type WebSocketLike } from '@creator-im/sdk';
import { indexedDbOutbox } from '@creator-im/sdk/storage';
import { startServer, type RunningServer } from '../../../mocks/server.js';
import { until } from './helpers.js';

const socket = (url: string) => new WebSocket(url) as unknown as WebSocketLike;

function clientFor(server: RunningServer, options: Partial<ClientOptions> = {}): CreatorImClient {
  const client = createClient({ baseUrl: server.url, token: () => 'test-token', webSocket: socket, reconnectBackoffMs: 5, backoffMs: 2, heartbeatMs: 2000, ...options });
  client.onError(() => undefined); // failures are expected here; the assertions check the outcome
  return client;
}

/** Every message the client holds, as `conversation:id` in thread order. */
function clientLog(client: CreatorImClient): string[] {
  const threads = client.state.getSnapshot().threads;
  return [...threads.keys()]
    .sort()
    .flatMap((id) => threads.get(id)!.messages.map((m) => `${id}:${m.id}`));
}

test('5,000 events while the socket is dropped 20 times: the client holds exactly the server’s messages, in order', async () => {
  const server = await startServer();
  const client = clientFor(server);
  try {
    await client.start();
    await until(() => client.connection.getSnapshot() === 'online', 5000);
    const startSeq = server.backend.lastSeq;
    const started = Date.now();
    // Synchronised on the client's own connection states, never on time: each round drops a live
    // socket, with events emitted before, while and after it is down.
    let offline = 0;
    const stopWatching = client.connection.subscribe(() => {
      if (client.connection.getSnapshot() === 'offline') offline++;
    });
    let drops = 0;
    for (let round = 0; round < 20; round++) {
      await until(() => client.connection.getSnapshot() === 'online', 20_000);
      server.backend.burst(125);
      const before = offline;
      drops += server.dropSockets() > 0 ? 1 : 0;
      server.backend.burst(125);
      await until(() => offline > before, 20_000);
    }
    stopWatching();
    await until(() => client.state.getSnapshot().lastSeq === server.backend.lastSeq && client.connection.getSnapshot() === 'online', 240_000);
    const expected = [...server.backend.messages.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([id, messages]) => messages.filter((m) => m.seq > startSeq).map((m) => `${id}:${m.id}`));
    const got = clientLog(client);
    assert.equal(server.backend.lastSeq - startSeq, 5000);
    assert.equal(new Set(got).size, got.length, 'no duplicates');
    assert.deepEqual(got, expected, 'none missing, in order');
    console.log(`  5,000 events, ${drops} socket drops, caught up in ${Date.now() - started} ms`);
    assert.equal(drops, 20, `dropped ${drops} times`);
  } finally {
    client.dispose();
    await server.close();
  }
});

test('1,000 sends while 30 % of requests fail (5xx before or after the work, or time out): each delivered exactly once', async () => {
  const server = await startServer();
  const client = clientFor(server, { webSocket: false, timeoutMs: 150, retries: 2, outboxRetryMs: 20 });
  try {
    // 150 ms attempts are for the sends; on a busy machine the start's reads may need a second go.
    for (let tries = 1; ; tries++) {
      const started = await client.start().then(() => true, (error: unknown) => (tries < 20 ? false : Promise.reject(error)));
      if (started) break;
    }
    Object.assign(server.backend.knobs, { errorRate: 0.2, stallRate: 0.1, stallMs: 300 });
    const conversations = [...server.backend.conversations.values()].filter((c) => !c.blocked).map((c) => c.id);
    const started = Date.now();
    const ids = await Promise.all(Array.from({ length: 1000 }, (_, i) => client.conversations.sendText(conversations[i % conversations.length]!, `message ${i}`)));
    await until(() => {
      const threads = client.state.getSnapshot().threads;
      return [...threads.values()].every((t) => t.messages.every((m) => m.delivery === undefined));
    }, 240_000);
    const onServer = new Map<string, number>();
    for (const messages of server.backend.messages.values()) for (const m of messages) if (m.clientId) onServer.set(m.clientId, (onServer.get(m.clientId) ?? 0) + 1);
    assert.equal(ids.length, 1000);
    for (const id of ids) assert.equal(onServer.get(id), 1, `client id ${id} stored once`);
    console.log(`  1,000 sends delivered exactly once in ${Date.now() - started} ms`);
  } finally {
    client.dispose();
    await server.close();
  }
});

test('50 messages in a persisted outbox are all delivered once by the next client (a reload)', async () => {
  const server = await startServer();
  const outboxName = `outbox-${Date.now()}`;
  // The first tab goes offline for writes, then closes.
  const offline: typeof fetch = (input, init) => (init?.method === 'POST' ? Promise.reject(new TypeError('offline')) : fetch(input, init));
  const first = clientFor(server, { webSocket: false, fetch: offline, retries: 0, outboxRetryMs: 60_000, outbox: indexedDbOutbox(outboxName) });
  try {
    await first.start();
    const conversationId = [...server.backend.conversations.values()].find((c) => !c.blocked)!.id;
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await first.conversations.sendText(conversationId, `offline ${i}`));
    // The first failed and waits for its retry; the 49 behind it wait for it (never overtaking it).
    const unsent = first.conversations.thread(conversationId).getSnapshot().messages.filter((m) => m.delivery !== undefined);
    assert.equal(unsent.length, 50);
    assert.equal(unsent[0]!.delivery, 'failed');
    first.dispose();
    const second = clientFor(server, { webSocket: false, outbox: indexedDbOutbox(outboxName) });
    await second.start();
    await until(() => ids.every((id) => second.conversations.thread(conversationId).getSnapshot().messages.some((m) => m.clientId === id && m.delivery === undefined)), 10_000);
    const stored = server.backend.messages.get(conversationId)!.filter((m) => m.clientId && ids.includes(m.clientId));
    assert.equal(stored.length, 50);
    assert.deepEqual(stored.map((m) => (m.type === 'TEXT' ? m.text : '')), ids.map((_, i) => `offline ${i}`), 'in the order they were written');
    assert.deepEqual(await indexedDbOutbox(outboxName).load(), [], 'the outbox is empty');
    second.dispose();
  } finally {
    first.dispose();
    await server.close();
  }
});

test('a blocked seller’s message sent through the server never reaches the creator; the seller gets the blocked answer', async () => {
  const server = await startServer();
  const client = clientFor(server);
  try {
    await client.start();
    await until(() => client.connection.getSnapshot() === 'online', 5000);
    const conversation = [...server.backend.conversations.values()].find((c) => c.counterpart.id === 'shop-7')!;
    await client.inbox.load({ tab: 'shop' }, { limit: 100 });
    await client.blocks.block(conversation.id);
    const answer = await fetch(`${server.url}/mock/sellers/shop-7/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'TEXT', text: 'blocked hello' }) });
    assert.equal(answer.status, 403);
    assert.equal(((await answer.json()) as { error: { code: string } }).error.code, 'creator_blocked_you');
    // A marker from another seller proves the socket delivered everything sent after the refusal.
    await fetch(`${server.url}/mock/sellers/shop-8/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'TEXT', text: 'marker' }) });
    await until(() => client.state.getSnapshot().lastSeq === server.backend.lastSeq, 5000);
    const all = [...client.state.getSnapshot().threads.values()].flatMap((t) => t.messages);
    assert.ok(all.some((m) => m.type === 'TEXT' && m.text === 'marker'));
    assert.ok(!all.some((m) => m.type === 'TEXT' && m.text === 'blocked hello'));
  } finally {
    client.dispose();
    await server.close();
  }
});
