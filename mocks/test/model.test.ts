/**
 * The mock's model: a real clock, a deterministic large inbox with every kind of record, indexed
 * pages that agree with a full filter-and-sort, and the same-origin images (Node and MSW alike).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { compareConversations, inTab, matchesFilter, INBOX_FILTERS, INBOX_TABS, type Conversation } from '@creator-im/sdk';
import { createBackend } from '../backend.js';
import { createHandlers } from '../handlers.js';
import { answer, type RawResponse } from '../adapter.js';

const DAY = 24 * 3600_000;

async function call(backend: ReturnType<typeof createBackend>, method: string, path: string, body?: unknown) {
  const response = await answer(backend, {
    method,
    url: new URL(path, 'http://mock.test'),
    headers: new Headers({ authorization: 'Bearer t' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response as { status: number; body: Record<string, unknown> };
}

test('the clock is real time: seed data lies in the 30 days before now, a new message is stamped now', async () => {
  const backend = createBackend();
  const now = Date.now();
  for (const conversation of backend.conversations.values()) {
    const at = Date.parse(conversation.lastActivityAt);
    assert.ok(at <= now && at > now - 31 * DAY, `${conversation.id} at ${conversation.lastActivityAt}`);
  }
  const pending = [...backend.invitations.values()].find((invitation) => invitation.state === 'pending')!;
  assert.ok(Date.parse(pending.expiresAt) > now, 'a pending invitation expires in the future');
  const sent = await call(backend, 'POST', '/api/conversations/conv-shop-4/messages', { clientId: 'clock-1', type: 'TEXT', text: 'what day is it?' });
  const sentAt = Date.parse((sent.body.message as { sentAt: string }).sentAt);
  assert.ok(Math.abs(sentAt - Date.now()) < 5_000, `sent at ${new Date(sentAt).toISOString()}`);
  const conversation = sent.body.conversation as Conversation;
  assert.equal(conversation.lastActivityAt, (sent.body.message as { sentAt: string }).sentAt);
  backend.dispose();
});

test('time stamps never go backwards, even for many events within one millisecond', () => {
  const backend = createBackend({ now: () => 1_800_000_000_000 });
  backend.burst(50);
  const stamps = backend.events.slice(-50).map((event) => ((event.data as { message: { sentAt: string } }).message.sentAt));
  for (let i = 1; i < stamps.length; i++) assert.ok(stamps[i]! > stamps[i - 1]!, `${stamps[i - 1]} < ${stamps[i]}`);
  backend.dispose();
});

test('a large inbox is deterministic and holds every kind of record', () => {
  const options = { conversations: 1500, messages: 30_000, now: () => Date.UTC(2026, 10, 29) };
  const backend = createBackend(options);
  const again = createBackend(options);
  assert.equal(backend.lastSeq, again.lastSeq);
  assert.deepEqual(backend.events.at(-1), again.events.at(-1));
  assert.equal(backend.conversations.size, 1500);
  const total = [...backend.messages.values()].reduce((sum, messages) => sum + messages.length, 0);
  assert.ok(total > 27_000 && total < 33_000, `about 30,000 messages, got ${total}`);
  const lengths = [...backend.messages.values()].map((messages) => messages.length).sort((a, b) => b - a);
  assert.ok(lengths[2]! >= 1000, `a few conversations of thousands: ${lengths.slice(0, 4).join(', ')}`);
  const unread = backend.conversations.unread();
  for (const tab of INBOX_TABS) assert.ok(unread[tab] > 0, `${tab} has unread conversations`);
  for (const tab of INBOX_TABS) assert.ok(backend.conversations.page(tab, 'all', null, 1).conversations.length, `${tab} is not empty`);
  assert.deepEqual(new Set([...backend.samples.values()].map((sample) => sample.status)), new Set(['to_review', 'to_ship', 'cancelled']));
  assert.deepEqual(new Set([...backend.invitations.values()].map((invitation) => invitation.state)), new Set(['pending', 'accepted', 'declined', 'expired']));
  const kinds = new Set([...backend.messages.values()].flat().map((message) => message.type));
  for (const kind of ['TEXT', 'PRODUCT_CARD', 'PRODUCT_LIST', 'SAMPLE_REQUEST', 'AGENCY_INVITATION']) assert.ok(kinds.has(kind as never), kind);
  backend.dispose();
  again.dispose();
});

test('property: every indexed page walk equals a full filter-and-sort, through live changes', async () => {
  const backend = createBackend({ sellers: 60, agencies: 8 });
  const ids = [...backend.conversations.keys()];
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('send' as const), seller: fc.integer({ min: 1, max: 60 }) }),
          fc.record({ kind: fc.constant('read' as const), id: fc.constantFrom(...ids) }),
          fc.record({ kind: fc.constant('star' as const), id: fc.constantFrom(...ids), starred: fc.boolean() }),
          fc.record({ kind: fc.constant('reply' as const), id: fc.constantFrom(...ids) }),
        ),
        { maxLength: 15 },
      ),
      fc.constantFrom(...INBOX_TABS),
      fc.constantFrom(...INBOX_FILTERS),
      fc.integer({ min: 1, max: 25 }),
      async (changes, tab, filter, limit) => {
        for (const change of changes) {
          if (change.kind === 'send') backend.sellerSend(`shop-${change.seller}`, { type: 'TEXT', text: 'hello' });
          else if (change.kind === 'read') backend.markRead(change.id);
          else if (change.kind === 'star') backend.star(change.id, change.starred);
          else await call(backend, 'POST', `/api/conversations/${change.id}/messages`, { clientId: `p-${backend.lastSeq}`, type: 'TEXT', text: 'reply' });
        }
        const expected = [...backend.conversations.values()].filter((c) => inTab(c, tab) && matchesFilter(c, filter)).sort(compareConversations).map((c) => c.id);
        const walked: string[] = [];
        let cursor: string | null = null;
        do {
          const page = await call(backend, 'GET', `/api/conversations?tab=${tab}&filter=${filter}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          assert.equal(page.status, 200);
          walked.push(...(page.body.conversations as Conversation[]).map((c) => c.id));
          cursor = page.body.nextCursor as string | null;
        } while (cursor);
        assert.deepEqual(walked, expected);
        const unread = backend.conversations.unread();
        const counted = [...backend.conversations.values()].filter((c) => inTab(c, tab)).reduce((sum, c) => sum + c.unreadCount, 0);
        assert.equal(unread[tab], counted);
      },
    ),
    { numRuns: 60 },
  );
  backend.dispose();
});

test('product pictures (SVG) and avatars (PNG) are same-origin images, served by the adapter and by MSW', async () => {
  const backend = createBackend();
  const product = backend.seed.products[0]!;
  const seller = backend.seed.sellers[0]!;
  assert.equal(product.imageUrl, '/media/products/prod-1.svg');
  assert.equal(seller.avatarUrl, '/media/avatars/shop-1.png');
  const picture = await call(backend, 'GET', product.imageUrl);
  assert.equal(picture.status, 200);
  assert.match(String(picture.body), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal(String(picture.body), String((await call(backend, 'GET', product.imageUrl)).body), 'deterministic');
  assert.ok(String(picture.body).length < 2000, 'small');
  const avatar = (await answer(backend, { method: 'GET', url: new URL(seller.avatarUrl!, 'http://mock.test'), headers: new Headers(), body: undefined })) as RawResponse;
  assert.equal(avatar.contentType, 'image/png');
  const bytes = avatar.body as Uint8Array;
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  assert.ok(bytes.length < 2000, 'small');
  assert.notDeepEqual(bytes, (await call(backend, 'GET', backend.seed.sellers[1]!.avatarUrl!)).body, 'colours differ by party');
  assert.equal((await call(backend, 'GET', '/media/avatars/nobody.png')).status, 404);
  assert.equal((await call(backend, 'GET', '/media/avatars/shop-1.svg')).status, 404);
  const server = setupServer(...createHandlers(backend));
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const response = await fetch(`http://creator-im.test${product.imageUrl}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.equal(await response.text(), String(picture.body));
    const avatarResponse = await fetch(`http://creator-im.test${seller.avatarUrl!}`);
    assert.equal(avatarResponse.headers.get('content-type'), 'image/png');
    assert.deepEqual(new Uint8Array(await avatarResponse.arrayBuffer()), bytes, 'the same bytes through MSW');
  } finally {
    server.close();
    backend.dispose();
  }
});
