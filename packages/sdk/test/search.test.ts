import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CimError } from '@creator-im/sdk';
import { matchRanges, SearchIndex } from '@creator-im/sdk/search-index';
import { conversationOf, setup } from './helpers.js';

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
