/** The mock serves exactly the contract's routes, and the shipped documents are fresh from the schemas. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROUTES } from '@creator-im/sdk/contract';
import { API_ROUTES } from '../routes.js';
import { documents } from '../../scripts/contract-documents.js';

test('the mock serves every route of the contract, with the contract\'s schemas, and no other', () => {
  const served = API_ROUTES.map((route) => `${route.method} ${route.path}`).sort();
  assert.deepEqual(served, Object.keys(ROUTES).sort());
  for (const route of API_ROUTES) {
    const contract = ROUTES[`${route.method} ${route.path}` as keyof typeof ROUTES] as { query?: unknown; body?: unknown };
    assert.equal(route.query, contract.query, `${route.method} ${route.path} query`);
    assert.equal(route.body, contract.body, `${route.method} ${route.path} body`);
  }
});

test('the OpenAPI and AsyncAPI documents in packages/sdk/contract are generated from the current schemas', () => {
  for (const [name, text] of Object.entries(documents())) {
    assert.equal(readFileSync(new URL(`../../packages/sdk/contract/${name}`, import.meta.url), 'utf8'), text, `${name} is stale: run npm run contract`);
  }
  const openapi = JSON.parse(documents()['openapi.json']!) as { paths: Record<string, Record<string, unknown>> };
  assert.equal(Object.values(openapi.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0), Object.keys(ROUTES).length);
});
