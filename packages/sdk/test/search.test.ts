import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CimError, InvalidRecordError } from '@creator-im/sdk';
import { matchRanges, SearchIndex } from '@creator-im/sdk/search-index';
import { heldSearches } from '../../../mocks/held-searches.js';
import { conversationOf, setup, until } from './helpers.js';

test('one query, four modules: Accounts, Messages, Products, Samples', async () => {
  const t = setup();
  try {
    await t.client.start();
    const accounts = await t.client.search.query('glow theory');
    assert.equal(accounts.accounts[0]?.conversationId, conversationOf(t.backend, 'shop-1'));
    const messages = await t.client.search.query('livestream');
    assert.ok(messages.messages.length > 0);
    assert.ok(messages.messages.every((h) => h.module === 'messages' && /livestream/i.test(h.text)));
    const products = await t.client.search.query('Yoga Mat');
    assert.ok(products.products.length > 0);
  } finally {
    t.close();
  }
});

test('a product name only on a sample card is found under Samples only', async () => {
  const t = setup();
  try {
    const results = await t.client.search.query('zephyr travel');
    assert.deepEqual(results.samples.map((h) => h.conversationId), [conversationOf(t.backend, 'shop-2')]);
    assert.equal(results.products.length + results.messages.length + results.accounts.length, 0);
  } finally {
    t.close();
  }
});

test('a product name only on a Targeted Plan invitation card is found under Products only', async () => {
  const t = setup();
  try {
    const results = await t.client.search.query('aurora glow');
    assert.deepEqual(results.products.map((h) => h.conversationId), [conversationOf(t.backend, 'shop-1')]);
    assert.equal(results.samples.length + results.messages.length + results.accounts.length, 0);
  } finally {
    t.close();
  }
});

test('case- and accent-insensitive, with ranges in the original text', () => {
  assert.deepEqual(matchRanges('Crème Brûlée Lip Balm', 'creme brulee'), [[0, 12]]);
  assert.deepEqual(matchRanges('ÉLAN athleisure', 'elan'), [[0, 4]]);
  assert.deepEqual(matchRanges('abc abc', 'B'), [[1, 2], [5, 6]]);
  assert.deepEqual(matchRanges('anything', '   '), []);
  const index = new SearchIndex();
  index.add([{ key: 'k', module: 'accounts', conversationId: 'c', messageId: null, text: 'Café Olé Supplies' }]);
  assert.deepEqual(index.search('CAFE OLE')[0]?.ranges, [[0, 8]]);
});

test('local results are instant from the cache and merged with the server’s', async () => {
  const t = setup();
  try {
    await t.client.start();
    const local = await t.client.search.local('glow theory');
    assert.equal(local.accounts.length, 1, 'the loaded conversation is searchable without a request');
    const states: string[] = [];
    t.client.search.state.subscribe(() => states.push(t.client.search.state.getSnapshot().status));
    await t.client.search.setQuery('glow theory');
    assert.deepEqual(states, ['local', 'ready']);
    assert.equal(t.client.search.state.getSnapshot().results.accounts.length, 1, 'no duplicates after merging');
  } finally {
    t.close();
  }
});

test('cancellable: an aborted query rejects with "aborted"; a newer query supersedes an older one', async () => {
  const t = setup({ knobs: { latencyMs: 50 } });
  try {
    const controller = new AbortController();
    const pending = t.client.search.query('glow', { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, (e: unknown) => e instanceof CimError && e.code === 'aborted');
    const first = t.client.search.setQuery('glow');
    const second = t.client.search.setQuery('brew bros');
    await Promise.all([first, second]);
    assert.equal(t.client.search.state.getSnapshot().query, 'brew bros');
    assert.equal(t.client.search.state.getSnapshot().results.accounts[0]?.text, 'Brew Bros Coffee');
  } finally {
    t.close();
  }
});

test('the index: a replaced document is found by its new text only; one- and two-letter queries work; newest first', () => {
  const index = new SearchIndex();
  const doc = (key: string, text: string, conversationId = key) => ({ key, module: 'messages' as const, conversationId, messageId: key, text });
  index.add([doc('a', 'Vitamin C serum'), doc('b', 'Rose toner'), doc('c', 'Ceramide cream')]);
  index.add([doc('a', 'Bamboo toothbrush')]);
  assert.deepEqual(index.search('serum').map((h) => h.conversationId), []);
  assert.deepEqual(index.search('tooth').map((h) => h.conversationId), ['a']);
  assert.deepEqual(index.search('to').map((h) => h.conversationId), ['a', 'b'], 'newest first');
  assert.deepEqual(index.search('É').map((h) => h.conversationId), ['c', 'b'], 'one accented letter, folded');
  assert.equal(index.size, 3);
});

test('local results are published before the server is asked, and stay while its answer is pending', async () => {
  const held = heldSearches();
  const t = setup({ client: { fetch: held.fetch } });
  try {
    await t.client.start();
    const askedWhenLocal: number[] = [];
    t.client.search.state.subscribe(() => {
      if (t.client.search.state.getSnapshot().status === 'local') askedWhenLocal.push(held.asked.length);
    });
    const done = t.client.search.setQuery('brew bros');
    await until(() => held.asked.length === 1);
    const state = t.client.search.state.getSnapshot();
    assert.deepEqual(askedWhenLocal, [0], 'published once, before any request');
    assert.equal(state.status, 'local');
    assert.equal(state.results.accounts[0]?.text, 'Brew Bros Coffee');
    held.release('brew bros');
    await done;
    assert.equal(t.client.search.state.getSnapshot().status, 'ready');
  } finally {
    t.close();
  }
});

test('typing a word letter by letter asks the server once, for the last query only', async () => {
  const held = heldSearches();
  const t = setup({ client: { fetch: held.fetch } });
  try {
    await t.client.start();
    const word = 'glow theory';
    let last: Promise<void> = Promise.resolve();
    for (let i = 1; i <= word.length; i++) {
      const query = word.slice(0, i);
      last = t.client.search.setQuery(query);
      // Each key's local results are on screen before the next key, as when a creator types.
      await until(() => t.client.search.state.getSnapshot().query === query && t.client.search.state.getSnapshot().status === 'local');
    }
    await until(() => held.asked.length > 0);
    held.release(word);
    await last;
    assert.deepEqual(held.asked, [word]);
    const state = t.client.search.state.getSnapshot();
    assert.equal(state.status, 'ready');
    assert.equal(state.results.accounts[0]?.conversationId, conversationOf(t.backend, 'shop-1'));
  } finally {
    t.close();
  }
});

test('an older query’s answer landing after a newer query never replaces its results', async () => {
  const held = heldSearches();
  const t = setup({ client: { fetch: held.fetch } });
  try {
    await t.client.start();
    const first = t.client.search.setQuery('glow');
    await until(() => held.asked.includes('glow'));
    const second = t.client.search.setQuery('brew bros');
    await until(() => held.asked.includes('brew bros'));
    held.release('brew bros');
    await second;
    held.release('glow'); // the server answers the superseded request anyway
    await first;
    await t.client.search.query('brew bros'); // one more round trip: the late answer has landed
    const state = t.client.search.state.getSnapshot();
    assert.equal(state.query, 'brew bros');
    assert.equal(state.status, 'ready');
    assert.deepEqual(state.results.accounts.map((hit) => hit.text), ['Brew Bros Coffee']);
  } finally {
    t.close();
  }
});

test('the server’s answer keeps the local hits first and in place, adds only new conversations, at most 20 per module', async () => {
  const t = setup({ conversations: 400, messages: 6_000 });
  try {
    await t.client.start();
    await t.client.search.setQuery('e');
    const state = t.client.search.state.getSnapshot();
    assert.equal(state.status, 'ready');
    const local = await t.client.search.local('e');
    for (const module of ['accounts', 'messages', 'products', 'samples'] as const) {
      const hits = state.results[module];
      assert.ok(hits.length <= 20, `${module}: ${hits.length} hits`);
      assert.deepEqual(hits.slice(0, local[module].length).map((hit) => hit.conversationId), local[module].map((hit) => hit.conversationId), `${module}: local hits first`);
      assert.equal(new Set(hits.map((hit) => hit.conversationId)).size, hits.length, `${module}: one hit per conversation`);
    }
    assert.equal(state.results.accounts.length, 20, 'the server fills Accounts up to the page’s 20');
  } finally {
    t.close();
  }
});

test('a query longer than LIMITS.query (a pasted paragraph) is refused with a typed argument error before any request (setQuery: on the search page), not by the server', async () => {
  const t = setup();
  let requests = 0;
  t.server.events.on('request:start', () => requests++);
  try {
    const long = 'glow '.repeat(50); // 250 characters
    const argument = (error: unknown) => error instanceof CimError && error.code === 'invalid_argument';
    await assert.rejects(t.client.search.query(long), argument);
    await t.client.search.setQuery(long); // typing never throws: the page says why the server was not asked
    const page = t.client.search.state.getSnapshot();
    assert.equal(page.status, 'error');
    assert.ok(argument(page.error));
    assert.equal(requests, 0, 'nothing was sent');
  } finally {
    t.close();
  }
});

/** A seller conversation the started client has not loaded (beyond the first page of the inbox). */
function notLoaded(t: ReturnType<typeof setup>) {
  const conversation = [...t.backend.conversations.values()].find((c) => c.counterpart.kind === 'seller' && !t.client.inbox.get(c.id));
  assert.ok(conversation, 'the seed has a seller conversation beyond the first page');
  return conversation;
}

test('a server hit for a conversation the client never loaded names its counterpart (the seller), in every module', async () => {
  const t = setup({ sellers: 80 });
  try {
    await t.client.start();
    const old = notLoaded(t);
    const results = await t.client.search.query(old.counterpart.name);
    const hit = results.accounts.find((h) => h.conversationId === old.id);
    assert.ok(hit, 'the server found the shop');
    assert.deepEqual([hit.counterpart?.id, hit.counterpart?.kind, hit.counterpart?.name], [old.counterpart.id, 'seller', old.counterpart.name]);
    // Every hit, loaded or not, names its conversation's counterpart.
    const all = Object.values(await t.client.search.query('e')).flat();
    assert.ok(all.some((h) => !t.client.inbox.get(h.conversationId)), 'some hits are for conversations not loaded');
    for (const h of all) assert.equal(h.counterpart?.name, t.backend.conversations.get(h.conversationId)?.counterpart.name, h.conversationId);
  } finally {
    t.close();
  }
});

test('a hit with a malformed counterpart is left out and reported once; the other hits show', async () => {
  const t = setup({ sellers: 80 });
  try {
    await t.client.start();
    const search = t.backend.search.bind(t.backend);
    let broken = '';
    t.backend.search = (query) => {
      const answer = search(query);
      const hits = (answer.body as { hits: { conversationId: string; counterpart?: unknown }[] }).hits;
      const victim = hits.find((hit) => !t.client.inbox.get(hit.conversationId))!;
      broken = victim.conversationId;
      victim.counterpart = { id: 'x', kind: 'seller', name: 42 };
      return answer;
    };
    for (let i = 0; i < 2; i++) {
      const results = Object.values(await t.client.search.query('e')).flat();
      assert.ok(results.length > 1, 'the other hits show');
      assert.ok(!results.some((hit) => hit.conversationId === broken && hit.counterpart?.id === 'x'), 'the bad hit is left out');
    }
    const reported = t.errors.filter((error) => error instanceof InvalidRecordError);
    assert.equal(reported.length, 1, 'reported once');
    assert.match((reported[0] as InvalidRecordError).message, new RegExp(`search hit "${broken}"`));
  } finally {
    t.close();
  }
});

test('opening a conversation the client never loaded (a search hit) loads it: its summary and its messages', async () => {
  const t = setup({ sellers: 80 });
  try {
    await t.client.start();
    const old = notLoaded(t);
    const stop = t.client.conversations.session(old.id).subscribe(() => undefined);
    await until(() => t.client.inbox.get(old.id) !== undefined && t.client.conversations.thread(old.id).getSnapshot().status === 'ready');
    stop();
    assert.equal(t.client.inbox.get(old.id)?.counterpart.name, old.counterpart.name);
    assert.equal(t.client.inbox.get(old.id)?.unreadCount, 0, 'opening marks it read');
    assert.ok(t.client.conversations.thread(old.id).getSnapshot().messages.length > 0);
    assert.deepEqual(t.errors, []);
  } finally {
    t.close();
  }
});

test('opening an unread conversation the client never loaded lowers the tabs’ unread badges as the server does', async () => {
  const t = setup({ sellers: 80 });
  try {
    await t.client.start();
    const old = [...t.backend.conversations.values()].find((c) => c.counterpart.kind === 'seller' && c.unreadCount > 0 && !t.client.inbox.get(c.id))!;
    assert.ok(old, 'an unread conversation beyond the first page');
    const before = t.client.inbox.unread.getSnapshot();
    const stop = t.client.conversations.session(old.id).subscribe(() => undefined);
    await until(() => t.client.inbox.get(old.id)?.unreadCount === 0);
    await until(() => t.client.inbox.unread.getSnapshot().shop < before.shop, 10_000);
    stop();
    assert.deepEqual(t.client.inbox.unread.getSnapshot(), t.backend.conversations.unread(), 'the badges are the server’s');
    assert.deepEqual(t.errors, []);
  } finally {
    t.close();
  }
});
