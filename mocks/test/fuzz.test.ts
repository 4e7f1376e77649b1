/**
 * Fuzz: 10,000 random requests (real routes with hostile params, queries and bodies, and random
 * garbage) through the adapter every transport uses, then hostile raw HTTP at the real server:
 * never a 5xx, always the error shape on a 4xx, and the server still answers afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { answer } from '../adapter.js';
import { createBackend } from '../backend.js';
import { API_ROUTES } from '../routes.js';
import { CONTROL_ROUTES } from '../control.js';
import { startServer } from '../server.js';
import { api, raw } from './helpers.js';

const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', '%', '%zz', '%E0%A4%A', '..', '../..', '\u0000', '__proto__', 'constructor', 'conv-shop-1', 'shop-2', 'prod-3', 'inv-agency-1-1', 'agency-2', 'sample-1', 'NaN', '-5', '1e9', '9'.repeat(30), 'x'.repeat(300)),
);
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    hostileString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('clientId', 'text', 'type', 'sellerId', 'entrance', 'productId', 'productIds', 'starred', 'agreementIds', 'replies', 'id', 'count', 'errorRate', '__proto__', 'x'), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A path from the route tables with each `:param` replaced, or a random path. */
const path = fc.oneof(
  fc.tuple(fc.constantFrom(...API_ROUTES, ...CONTROL_ROUTES), fc.array(hostileString, { minLength: 3, maxLength: 3 })).map(([route, values]) => {
    let i = 0;
    return route.path.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(values[i++]!).replace(/%25/g, () => (i % 2 ? '%' : '%25')));
  }),
  fc.tuple(fc.constantFrom('api', 'mock', 'media'), fc.array(hostileString, { maxLength: 4 })).map(([root, parts]) => `/${root}/${parts.join('/')}`),
);
const query = fc.array(fc.tuple(fc.constantFrom('tab', 'filter', 'cursor', 'limit', 'before', 'after', 'q', 'x'), hostileString), { maxLength: 4 });
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
  path,
  query,
  body: fc.oneof(hostileJson.map((value) => JSON.stringify(value)), fc.string({ maxLength: 50 }), fc.constant(undefined)),
  token: fc.oneof({ arbitrary: fc.constant('demo-token'), weight: 6 }, fc.constantFrom('expired', '', undefined)),
  origin: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, fc.constantFrom('http://mock.test', 'https://evil.example')),
});

test('10,000 random requests: no 5xx, every 4xx in the error shape, the model still consistent', async () => {
  const backend = createBackend();
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(request, async (input) => {
      const url = new URL('http://mock.test');
      url.pathname = input.path;
      for (const [key, value] of input.query) url.searchParams.append(key, value);
      const headers = new Headers();
      if (input.token !== undefined) headers.set('authorization', `Bearer ${input.token}`);
      if (input.origin) headers.set('origin', input.origin);
      const response = await answer(backend, { method: input.method, url, headers, body: input.body });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      assert.ok(response.status < 500, `${input.method} ${url.pathname}${url.search} → ${response.status} ${JSON.stringify(response.body)}`);
      if (response.status >= 400) {
        const error = (response.body as { error?: { code?: unknown; message?: unknown } }).error;
        assert.equal(typeof error?.code, 'string');
        assert.equal(typeof error?.message, 'string');
      }
    }),
    { numRuns: 10_000 },
  );
  assert.ok((statuses.get(200) ?? 0) > 100, `some requests succeed: ${JSON.stringify([...statuses])}`);
  assert.ok((statuses.get(400) ?? 0) > 100, 'many are refused as bad input');
  const summary = await answer(backend, { method: 'GET', url: new URL('http://mock.test/api/inbox/summary'), headers: new Headers({ authorization: 'Bearer t' }), body: undefined });
  assert.equal(summary.status, 200);
  backend.dispose();
});

test('hostile raw HTTP at the real server: no 5xx, and it still answers', async () => {
  const server = await startServer();
  try {
    const paths = ['/api/%', '/api/conversations/%E0%A4%A/messages', '/..%2f..%2fetc/passwd', '/api/events?limit=-5&limit=9', '/mock/burst?x=%', '/%00', '/api/search?q=%ff%fe', '//api//inbox//summary'];
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']) {
        const answer = await raw(server.url, { method, path, headers: { authorization: 'Bearer demo-token', 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{"a":' });
        assert.ok(answer.status < 500, `${method} ${path} → ${answer.status}`);
      }
    }
    const flood = await Promise.all(Array.from({ length: 50 }, (_, i) => api(server.url, 'POST', `/api/conversations/conv-shop-${(i % 30) + 1}/messages`, { clientId: `flood-${i}`, type: 'TEXT', text: 'x'.repeat(i * 200) })));
    assert.ok(flood.every((answer) => answer.status < 500));
    assert.equal((await api(server.url, 'GET', '/api/inbox/summary')).status, 200);
  } finally {
    await server.close();
  }
});
