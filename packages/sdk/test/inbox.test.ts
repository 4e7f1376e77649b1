import { test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse } from 'msw';
import { CimError, ServerError, ValidationError } from '@creator-im/sdk';
import { BASE, setup } from './helpers.js';

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

test('a malformed page is a ValidationError naming the bad field; nothing is stored', async () => {
  const t = setup();
  try {
    t.server.use(
      http.get(`${BASE}/api/conversations`, () =>
        HttpResponse.json({ conversations: [{ id: 'x', counterpart: { id: 'p', kind: 'alien' } }], nextCursor: null, lastSeq: 1 }),
      ),
    );
    const error = await t.client.inbox.load({ tab: 'shop' }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.ok(error instanceof CimError && error.code === 'invalid_payload');
    assert.match(error.issues.join('\n'), /counterpart/);
    assert.deepEqual(t.client.state.getSnapshot().conversations, {});
  } finally {
    t.close();
  }
});
