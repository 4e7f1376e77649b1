import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { CimError, RuleViolationError, ValidationError } from '@creator-im/sdk';
import { BASE, conversationOf, setup, until } from './helpers.js';

test('history loads newest page first, then older pages on demand, in server order', async () => {
  const t = setup({ messagesPerConversation: 70 });
  try {
    const id = conversationOf(t.backend, 'shop-3');
    await t.client.conversations.loadLatest(id, { limit: 30 });
    const thread = t.client.conversations.thread(id);
    assert.equal(thread.getSnapshot().messages.length, 30);
    assert.notEqual(thread.getSnapshot().olderCursor, null);
    while (thread.getSnapshot().olderCursor !== null) await t.client.conversations.loadOlder(id, { limit: 30 });
    const server = t.backend.messages.get(id)!.map((m) => m.id);
    assert.deepEqual(thread.getSnapshot().messages.map((m) => m.id), server);
  } finally {
    t.close();
  }
});

test('sending text: optimistic "sending", then "sent" with the server copy replacing it', async () => {
  const t = setup();
  try {
    await t.client.start();
    const id = conversationOf(t.backend, 'shop-1');
    await t.client.conversations.loadLatest(id);
    let sawSending = false;
    const thread = t.client.conversations.thread(id);
    thread.subscribe(() => {
      if (thread.getSnapshot().messages.some((m) => m.delivery === 'sending')) sawSending = true;
    });
    const clientId = await t.client.conversations.sendText(id, '  Hello <b>there</b>  ');
    assert.ok(sawSending);
    const mine = thread.getSnapshot().messages.filter((m) => m.clientId === clientId);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.delivery, undefined, 'the server copy carries no local delivery state');
    assert.equal(mine[0]!.type === 'TEXT' && mine[0]!.text, 'Hello <b>there</b>');
    assert.equal(t.backend.deliveries.get(clientId), 1);
    assert.equal(t.client.inbox.get(id)?.lastMessage?.sender, 'creator', 'no longer unreplied');
  } finally {
    t.close();
  }
});

test('a failed send stays in the thread as "failed", is retried on demand, and delivered once', async () => {
  const t = setup({ client: { retries: 0, outboxRetryMs: 60_000 } });
  try {
    await t.client.start();
    const id = conversationOf(t.backend, 'shop-1');
    t.server.use(http.post(`${BASE}/api/conversations/:id/messages`, () => HttpResponse.json({ error: { code: 'down', message: 'down' } }, { status: 503 }), { once: true }));
    const clientId = await t.client.conversations.sendText(id, 'will fail first');
    const failed = t.client.conversations.thread(id).getSnapshot().messages.find((m) => m.clientId === clientId);
    assert.equal(failed?.delivery, 'failed');
    assert.ok(t.errors.some((e) => e instanceof CimError && e.code === 'unavailable'), '503 is unavailable');
    await t.client.conversations.retry(clientId);
    const sent = t.client.conversations.thread(id).getSnapshot().messages.filter((m) => m.clientId === clientId);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.delivery, undefined);
    assert.equal(t.backend.deliveries.get(clientId), 1);
  } finally {
    t.close();
  }
});

test('failed sends are retried automatically', async () => {
  const t = setup({ client: { retries: 0, outboxRetryMs: 10 } });
  try {
    await t.client.start();
    const id = conversationOf(t.backend, 'shop-1');
    t.server.use(http.post(`${BASE}/api/conversations/:id/messages`, () => HttpResponse.error(), { once: true }));
    const clientId = await t.client.conversations.sendText(id, 'retry me');
    await until(() => t.backend.deliveries.get(clientId) === 1);
    await until(() => t.client.conversations.thread(id).getSnapshot().messages.find((m) => m.clientId === clientId)?.delivery === undefined);
  } finally {
    t.close();
  }
});

test('discarding a failed message removes it', async () => {
  const t = setup({ client: { retries: 0, outboxRetryMs: 60_000 } });
  try {
    await t.client.start();
    const id = conversationOf(t.backend, 'shop-1');
    t.server.use(http.post(`${BASE}/api/conversations/:id/messages`, () => HttpResponse.error()));
    const clientId = await t.client.conversations.sendText(id, 'discard me');
    await t.client.conversations.discard(clientId);
    assert.ok(!t.client.conversations.thread(id).getSnapshot().messages.some((m) => m.clientId === clientId));
  } finally {
    t.close();
  }
});

test('empty and oversized messages are refused with typed errors', async () => {
  const t = setup();
  try {
    const id = conversationOf(t.backend, 'shop-1');
    await assert.rejects(t.client.conversations.sendText(id, '   '), (e: unknown) => e instanceof RuleViolationError && e.rule === 'empty_message');
    await assert.rejects(t.client.conversations.sendText(id, 'x'.repeat(10_001)), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
    await assert.rejects(t.client.conversations.sendText('', 'hi'), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
    await assert.rejects(t.client.conversations.sendText(id, 42 as never), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
  } finally {
    t.close();
  }
});

test('unknown message kinds are kept as UNSUPPORTED; a malformed message is left out of the page and reported once with its id', async () => {
  const t = setup();
  try {
    const id = conversationOf(t.backend, 'shop-1');
    const envelope = { conversationId: id, sender: 'counterpart', sentAt: '2026-11-01T10:00:00.000Z', clientId: null };
    t.server.use(
      http.get(`${BASE}/api/conversations/:id/messages`, () =>
        HttpResponse.json({ messages: [{ ...envelope, id: 'm1', seq: 1, type: 'TEXT', text: 'hi' }, { ...envelope, id: 'm2', seq: 2, type: 'LIVE_REPLAY', url: 'x' }], olderCursor: null }),
        { once: true },
      ),
    );
    await t.client.conversations.loadLatest(id);
    const messages = t.client.conversations.thread(id).getSnapshot().messages;
    assert.deepEqual(messages.map((m) => m.type), ['TEXT', 'UNSUPPORTED']);
    assert.equal(messages[1]!.type === 'UNSUPPORTED' && messages[1]!.originalType, 'LIVE_REPLAY');
    const before = t.client.conversations.thread(id).getSnapshot().messages;
    t.server.use(
      http.get(`${BASE}/api/conversations/:id/messages`, () => HttpResponse.json({ messages: [{ ...envelope, id: 'm3', seq: 3, type: 'TEXT' }], olderCursor: null }), { once: true }),
    );
    await t.client.conversations.loadLatest(id);
    assert.deepEqual(t.client.conversations.thread(id).getSnapshot().messages.map((m) => m.id), before.map((m) => m.id), 'the bad message is left out, the rest stay');
    const reports = t.errors.filter((e) => e instanceof ValidationError && e.message.includes('"m3"'));
    assert.equal(reports.length, 1, 'reported once, naming the record');
  } finally {
    t.close();
  }
});

test('quick replies: the optimistic list shows synchronously, as soon as the save is called', async () => {
  const t = setup();
  try {
    await t.client.conversations.loadQuickReplies();
    const replies = t.client.conversations.quickReplies.getSnapshot();
    const saving = t.client.conversations.saveQuickReplies([...replies, { text: 'Shown at once' }]);
    assert.equal(t.client.conversations.quickReplies.getSnapshot().at(-1)?.text, 'Shown at once', 'before the server answers');
    await saving;
    assert.equal(t.client.conversations.quickReplies.getSnapshot().at(-1)?.text, 'Shown at once');
  } finally {
    t.close();
  }
});

test('quick replies: load, add, remove; invalid ones refused', async () => {
  const t = setup();
  try {
    await t.client.conversations.loadQuickReplies();
    const replies = t.client.conversations.quickReplies.getSnapshot();
    assert.equal(replies.length, 3);
    await t.client.conversations.saveQuickReplies([...replies, { text: 'New template' }]);
    assert.equal(t.client.conversations.quickReplies.getSnapshot().at(-1)?.text, 'New template');
    await t.client.conversations.saveQuickReplies(t.client.conversations.quickReplies.getSnapshot().slice(1));
    assert.equal(t.client.conversations.quickReplies.getSnapshot().length, 3);
    await assert.rejects(t.client.conversations.saveQuickReplies([{ text: '  ' }]), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
  } finally {
    t.close();
  }
});
