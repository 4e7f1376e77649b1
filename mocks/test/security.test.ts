/**
 * One test per finding of the outside probe (issue 13), against the real Node server: each sent
 * exactly the request that broke `main` and now gets a 4xx in the contract's error shape.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../server.js';
import { api, errorCode, firstFrame, raw } from './helpers.js';

const ALLOWED = 'http://allowed.test:5173';
const CSP = "default-src 'self'; object-src 'none'";
let server: RunningServer;
let folder: string;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'cim-mock-'));
  mkdirSync(join(folder, 'demo'));
  mkdirSync(join(folder, 'demo-private'));
  writeFileSync(join(folder, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(folder, 'demo-private', 'secret.txt'), 'TOP SECRET');
  server = await startServer({ staticRoots: [{ prefix: '/', dir: join(folder, 'demo') }], staticHeaders: { 'content-security-policy': CSP }, allowedOrigins: [ALLOWED], allowedHosts: [] });
});
after(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

const messageCount = () => [...server.backend.messages.values()].reduce((sum, messages) => sum + messages.length, 0);

describe('bad input gets 400 in the error shape and changes nothing', () => {
  test('a 1 MB message text is refused (413 over the body limit, 400 over the text limit)', async () => {
    const before = messageCount();
    const huge = await api(server.url, 'POST', '/api/conversations/conv-shop-1/messages', { clientId: 'c-huge', type: 'TEXT', text: 'x'.repeat(1_000_000) });
    assert.equal(huge.status, 413);
    assert.equal(errorCode(huge), 'payload_too_large');
    const long = await api(server.url, 'POST', '/api/conversations/conv-shop-1/messages', { clientId: 'c-long', type: 'TEXT', text: 'x'.repeat(10_001) });
    assert.equal(long.status, 400);
    assert.equal(errorCode(long), 'invalid_argument');
    assert.equal(messageCount(), before);
  });

  test('a garbage entrance on /api/conversations/open is refused and the conversation keeps its entrance', async () => {
    const before = server.backend.conversations.get('conv-shop-3')!.entrance;
    const answer = await api(server.url, 'POST', '/api/conversations/open', { sellerId: 'shop-3', entrance: { type: 'haxx', productId: 42 } });
    assert.equal(answer.status, 400);
    assert.equal(errorCode(answer), 'invalid_argument');
    assert.deepEqual(server.backend.conversations.get('conv-shop-3')!.entrance, before);
  });

  test('non-string Showcase ids are refused', async () => {
    const answer = await api(server.url, 'POST', '/api/showcase/products', { productIds: [1, { id: 'prod-3' }] });
    assert.equal(answer.status, 400);
    assert.equal(server.backend.showcase.has('prod-3'), false);
  });

  test('PUT /api/quick-replies {replies:[null]} is a 400 without any internal message', async () => {
    const answer = await api(server.url, 'PUT', '/api/quick-replies', { replies: [null] });
    assert.equal(answer.status, 400);
    assert.equal(errorCode(answer), 'invalid_argument');
    assert.doesNotMatch(answer.text, /TypeError|Cannot read|at \w+ \(/);
    assert.equal(server.backend.quickReplies.length, 3);
  });

  test('limits are clamped: events?limit=-5 returns one event, limit=99999 at most 1000; NaN is a 400', async () => {
    server.backend.burst(1200);
    const negative = await api(server.url, 'GET', '/api/events?limit=-5');
    assert.equal(negative.status, 200);
    assert.equal((negative.json as { events: unknown[] }).events.length, 1);
    const huge = await api(server.url, 'GET', '/api/events?limit=99999');
    assert.equal((huge.json as { events: unknown[] }).events.length, 1000);
    for (const path of ['/api/events?limit=NaN', '/api/conversations/conv-shop-1/messages?limit=NaN', '/api/conversations?limit=abc', '/api/events?after=1e9']) {
      const answer = await api(server.url, 'GET', path);
      assert.equal(answer.status, 400, path);
      assert.equal(errorCode(answer), 'invalid_argument', path);
    }
    const messages = await api(server.url, 'GET', '/api/conversations/conv-shop-1/messages?limit=100000');
    assert.ok((messages.json as { messages: unknown[] }).messages.length <= 200);
  });

  test('a malformed % in a path is a 400, not a 500', async () => {
    for (const path of ['/api/conversations/%E0%A4%A/messages', '/api/blocks/%', '/mock/sellers/%zz/messages', '/media/avatars/%.svg']) {
      const answer = await api(server.url, path.startsWith('/mock') ? 'POST' : 'GET', path, path.startsWith('/mock') ? { type: 'TEXT', text: 'hi' } : undefined);
      assert.ok(answer.status >= 400 && answer.status < 500, `${path}: ${answer.status}`);
      assert.equal(typeof errorCode(answer), 'string', path);
    }
  });
});

describe('dev-server hygiene', () => {
  test('static files cannot reach a sibling folder that shares the root prefix', async () => {
    for (const path of ['/..%2fdemo-private/secret.txt', '/../demo-private/secret.txt', '/%2e%2e/demo-private/secret.txt', '/..%5cdemo-private%5csecret.txt']) {
      const answer = await raw(server.url, { path });
      assert.doesNotMatch(answer.text, /TOP SECRET/, path);
      assert.equal(answer.status, 404, path);
    }
    assert.equal((await raw(server.url, { path: '/' })).status, 200);
  });

  test('every response carries X-Content-Type-Options: nosniff and a Content-Security-Policy', async () => {
    const answers = await Promise.all([
      raw(server.url, { path: '/' }),
      raw(server.url, { path: '/nothing-here' }),
      api(server.url, 'GET', '/api/inbox/summary'),
      raw(server.url, { path: '/api/inbox/summary' }),
      api(server.url, 'POST', '/api/showcase/products', '{not json'),
      raw(server.url, { path: '/media/products/prod-1.svg' }),
      raw(server.url, { path: '/', headers: { host: 'evil.example' } }),
    ]);
    for (const answer of answers) {
      assert.equal(answer.headers['x-content-type-options'], 'nosniff');
      assert.equal(answer.headers['content-security-policy'], CSP, 'the configured CSP, on the API\'s answers too');
    }
    const bare = await startServer();
    try {
      const json = await api(bare.url, 'GET', '/api/inbox/summary');
      assert.equal(json.headers['x-content-type-options'], 'nosniff');
      assert.match(String(json.headers['content-security-policy']), /default-src 'none'/, 'unconfigured: JSON answers still get a CSP');
    } finally {
      await bare.close();
    }
  });

  test('the Host header must name this server (DNS rebinding)', async () => {
    assert.equal((await api(server.url, 'GET', '/api/inbox/summary', undefined, { host: 'evil.example:4173' })).status, 403);
    assert.equal((await raw(server.url, { path: '/', headers: { host: 'rebind.attacker.test' } })).status, 403);
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      const port = new URL(server.url).port;
      assert.equal((await api(server.url, 'GET', '/api/inbox/summary', undefined, { host: `${host}:${port}` })).status, 200, host);
    }
  });

  test('/mock/* refuses a foreign Origin: a no-cors text/plain POST from another site delivers nothing', async () => {
    const before = messageCount();
    const attack = await raw(server.url, {
      method: 'POST',
      path: '/mock/sellers/shop-1/messages',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: JSON.stringify({ type: 'TEXT', text: 'pwned' }),
    });
    assert.equal(attack.status, 403);
    assert.equal(errorCode(attack), 'forbidden_origin');
    assert.equal(messageCount(), before);
    const self = await raw(server.url, { method: 'POST', path: '/mock/sellers/shop-1/messages', headers: { origin: server.url }, body: JSON.stringify({ type: 'TEXT', text: 'from the console' }) });
    assert.equal(self.status, 200);
    const listed = await raw(server.url, { method: 'POST', path: '/mock/knobs', headers: { origin: ALLOWED }, body: '{}' });
    assert.equal(listed.status, 200);
  });

  test('the WebSocket checks the token exactly as HTTP does', async () => {
    const ws = server.url.replace('http', 'ws');
    assert.equal((await api(server.url, 'GET', '/api/inbox/summary', undefined, { authorization: 'Bearer expired' })).status, 401);
    assert.equal((await firstFrame(`${ws}/api/ws?token=expired`)).closeCode, 4401);
    assert.equal((await firstFrame(`${ws}/api/ws`)).closeCode, 4401);
    assert.deepEqual(Object.keys((await firstFrame(`${ws}/api/ws?token=demo-token`)).frame as object), ['type', 'lastSeq']);
  });
});

describe('CORS for CIM_ALLOWED_ORIGINS', () => {
  test('a listed origin gets CORS headers; a preflight needs no token; others get none', async () => {
    const preflight = await raw(server.url, {
      method: 'OPTIONS',
      path: '/api/conversations/conv-shop-1/messages',
      headers: { origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], ALLOWED);
    assert.match(String(preflight.headers['access-control-allow-headers']), /authorization/);
    assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);
    const call = await api(server.url, 'GET', '/api/inbox/summary', undefined, { origin: ALLOWED });
    assert.equal(call.status, 200);
    assert.equal(call.headers['access-control-allow-origin'], ALLOWED);
    assert.match(String(call.headers['access-control-expose-headers']), /retry-after/i);
    const foreign = await raw(server.url, { method: 'OPTIONS', path: '/api/inbox/summary', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);
    const foreignCall = await api(server.url, 'GET', '/api/inbox/summary', undefined, { origin: 'https://evil.example' });
    assert.equal(foreignCall.status, 403);
    assert.equal(foreignCall.headers['access-control-allow-origin'], undefined);
  });

  test('the WebSocket accepts same-origin and listed origins, refuses others', async () => {
    const ws = `${server.url.replace('http', 'ws')}/api/ws?token=demo-token`;
    assert.ok((await firstFrame(ws, { origin: server.url })).frame);
    assert.ok((await firstFrame(ws, { origin: ALLOWED })).frame);
    assert.equal((await firstFrame(ws, { origin: 'https://evil.example' })).refused, 403);
  });
});
