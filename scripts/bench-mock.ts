/**
 * `npm run bench -- --only=mock`: the mock backend at the size of
 * `CIM_SEED_CONVERSATIONS=10000 CIM_SEED_MESSAGES=200000 npm start` — how long the server takes
 * to be up, its heap, and what a page request costs (through the real HTTP server) once it is.
 */
import { performance } from 'node:perf_hooks';
import { startServer } from '../mocks/server.js';

type Row = (what: string, value: string, note?: string) => void;

/** Prints the mock's figures through `row`; returns them for bench-results.json. */
export async function mockAtScale(row: Row, ms: (value: number) => string, quantile: (values: number[], q: number) => number): Promise<Record<string, number>> {
  console.log('\nMock backend at scale (10,000 conversations, about 200,000 messages, real HTTP)');
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const server = await startServer({ conversations: 10_000, messages: 200_000 });
  const upMs = performance.now() - start;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  row('  up (seeded, indexed, listening)', ms(upMs), `${server.backend.lastSeq} events`);
  row('  heap of the seeded model', `${heapMb.toFixed(0)} MB`);
  const headers = { authorization: 'Bearer bench' };
  const time = async (path: string, runs = 60) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const response = await fetch(`${server.url}${path}`, { headers });
      await response.arrayBuffer();
      samples.push(performance.now() - t0);
    }
    return { median: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
  };
  const figures: Record<string, number> = { upMs, heapMb };
  for (const [label, path] of [
    ['first inbox page (shop, 30 rows)', '/api/conversations?tab=shop'],
    ['filtered page (collab, unread)', '/api/conversations?tab=collab&filter=unread'],
    ['inbox summary (unread per tab)', '/api/inbox/summary'],
    ['latest history page of a long conversation', '/api/conversations/conv-shop-1/messages'],
  ] as const) {
    const { median, p95 } = await time(path);
    row(`  ${label}`, ms(median), `median over HTTP; p95 ${ms(p95)}`);
    figures[label] = median;
  }
  await server.close();
  return figures;
}
