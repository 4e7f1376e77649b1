/**
 * The SDK's lazy chunks (write paths, sequencer, decoders…) failing to load, as in a browser that is
 * offline, gets a CDN 404 or is refused by a CSP: the caller gets a typed `network` error, and the
 * next call loads the chunk again instead of failing forever.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { CimError } from '@creator-im/sdk';
import { conversationOf, pipeEvents, setup, until } from './helpers.js';

const { port1, port2 } = new MessageChannel();
register('./chunk-failure.hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
port1.unref();

/** The next import of `chunk` (e.g. `writes` for writes.js) fails. */
function failNextLoad(chunk: string): Promise<void> {
  return new Promise((armed) => {
    port1.once('message', () => armed());
    port1.postMessage({ chunk, times: 1 });
  });
}

const network = (error: unknown) => error instanceof CimError && error.code === 'network';

test('a write path whose chunk fails to load rejects with a typed network error, and works when tried again', async () => {
  const t = setup();
  try {
    await t.client.inbox.load({ tab: 'shop' }); // not started: the write paths are not prefetched
    const id = conversationOf(t.backend, 'shop-1');
    await failNextLoad('writes');
    await assert.rejects(t.client.blocks.block(id), network);
    await t.client.blocks.block(id);
    assert.ok(t.client.blocks.blocked.getSnapshot().has('shop-1'));
  } finally {
    t.close();
  }
});

test('live events: a sequencer chunk that failed to load once is loaded again by the next event, and both events apply', async () => {
  const t = setup();
  const stop = pipeEvents(t.backend, t.client);
  try {
    await t.client.inbox.load({ tab: 'shop' }); // decoders loaded, sequencer not yet
    const id = conversationOf(t.backend, 'shop-1');
    await failNextLoad('sequencer');
    t.backend.sellerSend('shop-1', { type: 'TEXT', text: 'first, while the chunk fails' });
    await until(() => t.errors.some(network));
    t.backend.sellerSend('shop-1', { type: 'TEXT', text: 'second' });
    await until(() => t.client.state.getSnapshot().conversations.get(id)?.lastMessage?.text === 'second', 10_000);
  } finally {
    stop();
    t.close();
  }
});
