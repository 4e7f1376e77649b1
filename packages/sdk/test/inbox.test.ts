import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { CimError, ServerError, ValidationError } from '@creator-im/sdk';
import { BASE, pipeEvents, setup } from './helpers.js';

test('loads the TikTok Shop tab sorted by latest activity, with cursor pagination', async () => {
  const t = setup();
  try {
    const view = t.client.inbox.view({ tab: 'shop' });
    await t.client.inbox.load({ tab: 'shop' }, { limit: 10 });
    const first = view.getSnapshot();
    assert.equal(first.conversations.length, 10);
    assert.equal(first.hasMore, true);
    assert.ok(first.conversations.every((c) => c.counterpart.kind === 'seller'));
    const times = first.conversations.map((c) => c.lastActivityAt);
    assert.deepEqual(times, [...times].sort().reverse());
    while (view.getSnapshot().hasMore) await t.client.inbox.loadMore({ tab: 'shop' }, { limit: 10 });
    assert.equal(view.getSnapshot().conversations.length, t.backend.seed.sellers.length);
  } finally {
    t.close();
  }
});

test('a server error is a typed error and leaves the store unchanged', async () => {
  const t = setup({ client: { retries: 0 } });
  try {
    await t.client.inbox.load({ tab: 'shop' });
    const before = t.client.state.getSnapshot().conversations;
    t.server.use(http.get(`${BASE}/api/conversations`, () => HttpResponse.json({ error: { code: 'boom', message: 'down' } }, { status: 500 })));
    const error = await t.client.inbox.load({ tab: 'shop' }).catch((e: unknown) => e);
    assert.ok(error instanceof ServerError);
    assert.equal(error.status, 500);
    assert.equal(error.serverCode, 'boom');
    assert.equal(t.client.state.getSnapshot().conversations, before);
    assert.equal(t.client.inbox.view({ tab: 'shop' }).getSnapshot().status, 'error');
  } finally {
    t.close();
  }
});

test('a malformed conversation is left out of its page and reported once as a ValidationError naming the bad field', async () => {
  const t = setup();
  try {
    t.server.use(
      http.get(`${BASE}/api/conversations`, () =>
        HttpResponse.json({ conversations: [{ id: 'x', counterpart: { id: 'p', kind: 'alien' } }], nextCursor: null, lastSeq: 1 }),
      ),
    );
    await t.client.inbox.load({ tab: 'shop' });
    await t.client.inbox.load({ tab: 'shop' });
    const reports = t.errors.filter((e) => e instanceof ValidationError);
    assert.equal(reports.length, 1, 'reported once');
    const error = reports[0] as ValidationError;
    assert.ok(error.code === 'invalid_payload' && error.message.includes('"x"'));
    assert.match(error.issues.join('\n'), /counterpart/);
    assert.equal(t.client.state.getSnapshot().conversations.size, 0, 'nothing stored');
    assert.equal(t.client.inbox.view({ tab: 'shop' }).getSnapshot().status, 'ready', 'the view still loads');
  } finally {
    t.close();
  }
});

test('tabs: Collab Messages holds conversations with collab invites; Agency holds agencies with their verified label', async () => {
  const t = setup();
  try {
    await t.client.inbox.load({ tab: 'collab' }, { limit: 100 });
    await t.client.inbox.load({ tab: 'agency' }, { limit: 100 });
    const collab = t.client.inbox.view({ tab: 'collab' }).getSnapshot().conversations;
    const expected = [...t.backend.conversations.values()].filter((c) => c.collab).map((c) => c.id).sort();
    assert.deepEqual(collab.map((c) => c.id).sort(), expected);
    assert.ok(collab.some((c) => c.counterpart.kind === 'seller') && collab.some((c) => c.counterpart.kind === 'agency'));
    const agency = t.client.inbox.view({ tab: 'agency' }).getSnapshot().conversations;
    assert.equal(agency.length, t.backend.seed.agencies.length);
    assert.ok(agency.some((c) => c.counterpart.verified) && agency.some((c) => !c.counterpart.verified));
  } finally {
    t.close();
  }
});

test('filters: New Connections, Starred, Unread and Unreplied follow their definitions', async () => {
  const t = setup();
  try {
    for (const filter of ['new', 'starred', 'unread', 'unreplied'] as const) {
      await t.client.inbox.load({ tab: 'shop', filter }, { limit: 100 });
      const got = t.client.inbox.view({ tab: 'shop', filter }).getSnapshot().conversations;
      const sellers = [...t.backend.conversations.values()].filter((c) => c.counterpart.kind === 'seller');
      const want = sellers.filter((c) =>
        filter === 'new' ? c.repliedAt === null : filter === 'starred' ? c.starred : filter === 'unread' ? c.unreadCount > 0 : c.lastMessage?.sender === 'counterpart',
      );
      assert.ok(want.length > 0 && want.length < sellers.length, `${filter} splits the data set`);
      assert.deepEqual(got.map((c) => c.id).sort(), want.map((c) => c.id).sort(), filter);
    }
  } finally {
    t.close();
  }
});

test('unread counts per tab, star/unstar and mark read', async () => {
  const t = setup();
  try {
    await t.client.start();
    const serverUnread = { shop: 0, collab: 0, agency: 0 };
    for (const c of t.backend.conversations.values()) {
      if (c.counterpart.kind === 'seller') serverUnread.shop += c.unreadCount;
      else serverUnread.agency += c.unreadCount;
      if (c.collab) serverUnread.collab += c.unreadCount;
    }
    assert.deepEqual(t.client.inbox.unread.getSnapshot(), serverUnread);
    const unreadRow = t.client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.find((c) => c.unreadCount > 0)!;
    await t.client.inbox.markRead(unreadRow.id);
    assert.equal(t.client.inbox.get(unreadRow.id)?.unreadCount, 0);
    assert.equal(t.client.inbox.unread.getSnapshot().shop, serverUnread.shop - unreadRow.unreadCount);
    await t.client.inbox.star(unreadRow.id, true);
    assert.equal(t.backend.conversations.get(unreadRow.id)?.starred, true);
    assert.ok(t.client.inbox.view({ tab: 'shop', filter: 'starred' }).getSnapshot().conversations.some((c) => c.id === unreadRow.id));
    await t.client.inbox.star(unreadRow.id, false);
    assert.equal(t.client.inbox.get(unreadRow.id)?.starred, false);
  } finally {
    t.close();
  }
});

test('a failed star is rolled back and reported as a typed error', async () => {
  const t = setup({ client: { retries: 0 } });
  try {
    await t.client.inbox.load({ tab: 'shop' });
    const id = t.client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.find((c) => !c.starred)!.id;
    t.server.use(http.put(`${BASE}/api/conversations/:id/star`, () => HttpResponse.json({ error: { code: 'x', message: 'nope' } }, { status: 503 })));
    await assert.rejects(t.client.inbox.star(id, true), ServerError);
    assert.equal(t.client.inbox.get(id)?.starred, false);
  } finally {
    t.close();
  }
});

test('wrong arguments are typed errors, not crashes', async () => {
  const t = setup();
  try {
    assert.throws(() => t.client.inbox.view({ tab: 'nope' as never }), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
    assert.throws(() => t.client.inbox.view({ tab: 'shop', filter: 'x' as never }), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
    await assert.rejects(t.client.inbox.star('missing', true), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
  } finally {
    t.close();
  }
});

test('a new message in one conversation does not notify listeners of another', async () => {
  const t = setup();
  try {
    await t.client.start();
    const [a, b] = t.client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.filter((c) => !c.blocked);
    await t.client.conversations.loadLatest(a!.id);
    await t.client.conversations.loadLatest(b!.id);
    let aCalls = 0;
    let bCalls = 0;
    t.client.conversations.thread(a!.id).subscribe(() => aCalls++);
    t.client.conversations.thread(b!.id).subscribe(() => bCalls++);
    const stop = pipeEvents(t.backend, t.client);
    t.backend.sellerSend(b!.counterpart.id, { type: 'TEXT', text: 'only for b' });
    stop();
    assert.equal(aCalls, 0);
    assert.equal(bCalls, 1);
    const last = t.client.conversations.thread(b!.id).getSnapshot().messages.at(-1);
    assert.equal(last?.type === 'TEXT' && last.text, 'only for b');
  } finally {
    t.close();
  }
});

test('property: every inbox view, updated incrementally event by event, equals a full filter-and-sort', async () => {
  const { default: fc } = await import('fast-check');
  const { compareConversations, inTab, matchesFilter, INBOX_TABS, INBOX_FILTERS } = await import('@creator-im/sdk');
  const t = setup();
  try {
    await t.client.start();
    for (const tab of INBOX_TABS) await t.client.inbox.load({ tab }, { limit: 200 });
    const views = INBOX_TABS.flatMap((tab) => INBOX_FILTERS.map((filter) => ({ tab, filter, store: t.client.inbox.view({ tab, filter }) })));
    const stops = views.map(({ store }) => store.subscribe(() => store.getSnapshot()));
    const ids = [...t.client.state.getSnapshot().conversations.keys()];
    let seq = t.client.state.getSnapshot().lastSeq;
    fc.assert(
      fc.property(
        fc.array(fc.record({ pick: fc.nat(ids.length - 1), minutes: fc.integer({ min: -60, max: 600 }), unread: fc.nat(3), starred: fc.boolean(), replied: fc.boolean() }), { minLength: 1, maxLength: 5 }),
        (changes) => {
          for (const change of changes) {
            const conversation = t.client.state.getSnapshot().conversations.get(ids[change.pick]!)!;
            const at = new Date(Date.parse(conversation.lastActivityAt) + change.minutes * 60_000).toISOString();
            seq++;
            t.client.receive({
              id: `e${seq}`,
              seq,
              type: 'conversation.updated',
              data: { conversation: { ...conversation, lastActivityAt: at, unreadCount: change.unread, starred: change.starred, repliedAt: change.replied ? at : null } },
            });
          }
          const all = [...t.client.state.getSnapshot().conversations.values()];
          for (const { tab, filter, store } of views) {
            const expected = all.filter((c) => inTab(c, tab) && matchesFilter(c, filter)).sort(compareConversations).map((c) => c.id);
            assert.deepEqual(store.getSnapshot().conversations.map((c) => c.id), expected, `${tab}/${filter}`);
          }
        },
      ),
      { numRuns: 300, seed: 11 },
    );
    stops.forEach((stop) => stop());
  } finally {
    t.close();
  }
});
