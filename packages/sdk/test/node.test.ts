import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the SDK runs in plain Node: no DOM globals exist, and a client starts', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const { setup } = await import('./helpers.js');
  const t = setup();
  try {
    await t.client.start();
    assert.ok(t.client.inbox.view({ tab: 'shop' }).getSnapshot().conversations.length > 0);
  } finally {
    t.close();
  }
});
