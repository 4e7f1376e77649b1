/**
 * `npm run bench`: the figures behind docs/performance.md. Prints a table and writes
 * bench-results.json. `npm run bench -- --size` runs the size check alone (CI: budgets enforced).
 *
 * 1. Size, min+gzip, of what a browser downloads: the SDK, each element, the full embed.
 * 2. The SDK at scale in Node: hydrate 10,000 conversations / 200,000 messages, then 10,000 live
 *    events one by one with an inbox view subscribed (and the same at 1,000 conversations, to show
 *    how the cost per event grows).
 * 3. Search over those 200,000 messages: our index vs a naive scan vs MiniSearch.
 * 4. Rendering in headless Chromium: 10,000 conversations in <creator-inbox>, a 5,000-message session.
 * 5. The mock backend at that size: time to be up, heap, page requests over HTTP (bench-mock.ts).
 */
import { build } from 'esbuild';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import MiniSearch from 'minisearch';
import { fold, SearchIndex } from '@creator-im/sdk/search-index';
import { createClient, messageDocuments, type CachedInbox, type Conversation, type Message } from '@creator-im/sdk';
import { mockAtScale } from './bench-mock.js';

const sizeOnly = process.argv.includes('--size');
const results: Record<string, unknown> = { date: new Date().toISOString(), machine: `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}` };
const rows: [string, string, string][] = [];
const row = (what: string, value: string, note = '') => {
  rows.push([what, value, note]);
  console.log(`  ${what.padEnd(58)} ${value.padStart(14)}  ${note}`);
};
const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
const ms = (value: number) => `${value < 1 ? value.toFixed(3) : value.toFixed(2)} ms`;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

// ---------------------------------------------------------------- 1. size

/** min+gzip of an entry bundled for browsers: what the first paint needs, and what loads lazily. */
async function sizeOf(entry: string): Promise<{ initial: number; lazy: number }> {
  // esbuild bundles and splits; terser minifies, as the production build (rollup + terser) does.
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: false,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: 'node_modules/.cache/cim-size',
    metafile: true,
    legalComments: 'none',
    alias: { '@creator-im/sdk/storage': './packages/sdk/src/storage.ts', '@creator-im/sdk/search-index': './packages/sdk/src/search-index.ts', '@creator-im/sdk': './packages/sdk/src/index.ts' },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    logLevel: 'error',
  });
  // The entry and the chunks it imports statically are needed at once; dynamic imports are lazy.
  const gz = new Map<string, number>();
  for (const file of out.outputFiles) {
    const code = (await minify(file.text, { module: true, compress: { passes: 2 }, format: { comments: false } })).code ?? '';
    gz.set(file.path, gzipSync(code, { level: 9 }).length);
  }
  const outputs = out.metafile.outputs;
  const initial = new Set<string>();
  const walk = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of outputs[key]!.imports) if (imported.kind === 'import-statement' && outputs[imported.path]) walk(imported.path);
  };
  walk(Object.keys(outputs).find((key) => outputs[key]!.entryPoint)!);
  let initialBytes = 0;
  let lazyBytes = 0;
  for (const key of Object.keys(outputs)) {
    if (!key.endsWith('.js')) continue;
    const bytes = gz.get(resolve(key)) ?? 0;
    if (initial.has(key)) initialBytes += bytes;
    else lazyBytes += bytes;
  }
  return { initial: initialBytes, lazy: lazyBytes };
}

const BUDGETS = { sdk: 15 * 1024, embed: 60 * 1024 };

async function sizes(): Promise<boolean> {
  console.log('\nSize (min+gzip: esbuild bundle, terser, gzip -9; browser ESM)');
  const sdk = await sizeOf('packages/sdk/src/index.ts');
  row('SDK alone (@creator-im/sdk)', kB(sdk.initial), `budget ${kB(BUDGETS.sdk)}`);
  const elements: Record<string, number> = {};
  for (const [name, path] of Object.entries({
    'creator-inbox': 'inbox/creator-inbox.ts',
    'cim-inbox-list': 'inbox-list/inbox-list.ts',
    'cim-chat-session': 'chat-session/chat-session.ts',
    'cim-product-card (+ list card)': 'product-card/product-card.ts',
    'cim-sample-card': 'sample-card/sample-card.ts',
    'cim-invitation-card': 'invitation-card/invitation-card.ts',
    'cim-search': 'search/search.ts',
    'cim-contact-button (+ notifications)': 'contact-button/contact-button.ts',
  })) {
    const size = await sizeOf(`packages/elements/src/${path}`);
    elements[name] = size.initial;
    row(`  element ${name} (with lit and what it imports)`, kB(size.initial));
  }
  const embed = await sizeOf('packages/elements/src/bundle.ts');
  row('Full embed: SDK + every element + lit + virtualizer', kB(embed.initial), `budget ${kB(BUDGETS.embed)}; +${kB(embed.lazy)} lazy (Arabic, virtualizer layout)`);
  results.size = { sdk: sdk.initial, elements, embed: embed.initial, embedLazy: embed.lazy, budgets: BUDGETS };
  const ok = sdk.initial <= BUDGETS.sdk && embed.initial <= BUDGETS.embed;
  console.log(ok ? '  size budgets: met' : '  size budgets: EXCEEDED');
  return ok;
}

// ---------------------------------------------------------------- 2. SDK at scale

const ISO = (n: number) => new Date(Date.UTC(2026, 9, 1) + n * 1000).toISOString();

/** A deterministic corpus with a realistic spread: 3,000 words, Zipf-like use, 400 products. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261126);
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'glo', 'ser', 'um', 'vi', 'ta', 'bri', 'ght', 'sha', 'dow', 'mat', 'te', 'cre', 'am', 'to', 'ner', 'yo', 'ga', 'ba', 'mboo', 'ste', 'el', 'zen', 'qu', 'ix', 'par', 'lu', 'ne', 'dro', 'fa', 'bu', 'sky', 'pe', 'ar', 'or', 'chid'];
const WORDS = Array.from(new Set(Array.from({ length: 4000 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('')))).slice(0, 3000);
const word = () => WORDS[Math.floor(WORDS.length * random() ** 3)]!;
const CATEGORIES = ['Serum', 'Toner', 'Lipstick', 'Yoga Mat', 'Bottle', 'Hair Dryer', 'Highlighter', 'Knife Set', 'Hoodie', 'Sneakers'];
const PRODUCTS = Array.from({ length: 400 }, (_, i) => `${word()[0]!.toUpperCase()}${word().slice(1)} ${word()} ${CATEGORIES[i % CATEGORIES.length]}`);
const product = (i: number, c: number, m: number) => ({ id: `p-${i}`, name: PRODUCTS[i % PRODUCTS.length]!, imageUrl: null, price: { amount: 10 + (i % 90), currency: 'USD' }, commissionRate: 0.1 + ((c + m) % 5) / 20 });

function syntheticInbox(conversations: number, perConversation: number): CachedInbox {
  let seq = 0;
  const list: Conversation[] = [];
  const threads: { conversationId: string; messages: Message[] }[] = [];
  for (let c = 0; c < conversations; c++) {
    const id = `conv-${c}`;
    const messages: Message[] = [];
    for (let m = 0; m < perConversation; m++) {
      seq++;
      const base = { id: `msg-${seq}`, conversationId: id, seq, sender: m % 2 ? ('creator' as const) : ('counterpart' as const), sentAt: ISO(seq), clientId: null };
      const p = Math.floor(random() * PRODUCTS.length);
      if (m % 10 === 7) messages.push({ ...base, type: 'PRODUCT_CARD', product: product(p, c, m) });
      else if (m % 20 === 13) messages.push({ ...base, type: 'SAMPLE_REQUEST', sample: { id: `s-${seq}`, conversationId: id, product: product(p, c, m), requestedAt: base.sentAt, status: 'to_review' } });
      else if (m % 40 === 21) messages.push({ ...base, type: 'PRODUCT_LIST', list: { id: `l-${seq}`, name: `${word()} plan`, source: 'targeted_plan', products: [0, 1, 2].map((k) => product(p + k, c, m)) } });
      else messages.push({ ...base, type: 'TEXT', text: Array.from({ length: 4 + Math.floor(random() * 12) }, word).join(' ') });
    }
    const last = messages[messages.length - 1]!;
    list.push({
      id,
      counterpart: { id: `shop-${c}`, kind: 'seller', name: `${word()} ${word()} Shop ${c}`, avatarUrl: null, verified: false },
      createdAt: ISO(0),
      lastActivityAt: last.sentAt,
      lastMessage: { sender: last.sender, type: last.type, text: 'preview', sentAt: last.sentAt },
      unreadCount: c % 3,
      starred: c % 11 === 0,
      repliedAt: c % 4 ? ISO(1) : null,
      collab: c % 5 === 0,
      blocked: false,
      entrance: null,
    });
    threads.push({ conversationId: id, messages });
  }
  return { savedAt: ISO(0), creator: { id: 'creator-1', name: 'Mia' }, unread: { shop: conversations, collab: 0, agency: 0 }, conversations: list, threads };
}

export async function sdkAtScale(conversations: number, perConversation: number, events: number) {
  const data = syntheticInbox(conversations, perConversation);
  const client = createClient({
    baseUrl: 'http://offline.invalid',
    token: () => 't',
    webSocket: false,
    retries: 0,
    fetch: () => Promise.reject(new TypeError('offline: the bench measures local work only')),
    cache: { load: () => Promise.resolve(data), save: () => Promise.resolve(), clear: () => Promise.resolve() },
    cacheDelayMs: 1e9,
  });
  client.onError(() => undefined);
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  await client.start().catch(() => undefined); // hydrates from the cache, then fails offline
  const hydrateMs = performance.now() - started;
  (globalThis as { gc?: () => void }).gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const view = client.inbox.view({ tab: 'shop', filter: 'unread' });
  let notified = 0;
  const stop = view.subscribe(() => {
    notified++;
    view.getSnapshot();
  });
  const times: number[] = [];
  let seq = client.state.getSnapshot().lastSeq;
  for (let i = 0; i < events; i++) {
    const conversation = data.conversations[(i * 7919) % conversations]!;
    seq++;
    const message = { id: `live-${i}`, conversationId: conversation.id, seq, sender: 'counterpart', sentAt: ISO(10_000_000 + i), clientId: null, type: 'TEXT', text: `live ${WORDS[i % WORDS.length]!} ${i}` };
    const raw = { id: `ev-${i}`, seq, type: 'message.created', data: { message, conversation: { ...conversation, lastActivityAt: message.sentAt, unreadCount: conversation.unreadCount + 1 } } };
    const t0 = performance.now();
    client.receive(raw);
    times.push(performance.now() - t0);
  }
  stop();
  client.dispose();
  return { hydrateMs, heapMb, median: quantile(times, 0.5), p95: quantile(times, 0.95), notified, client };
}

async function scale() {
  console.log('\nSDK at scale (Node, one event at a time through client.receive, an inbox view subscribed)');
  const small = await sdkAtScale(1_000, 20, 10_000);
  const large = await sdkAtScale(10_000, 20, 10_000);
  row('hydrate 10,000 conversations + 200,000 messages', ms(large.hydrateMs), 'from the cache; search indexing follows in idle slices');
  row('heap after hydration', `${large.heapMb.toFixed(0)} MB`);
  row('per event, 10,000 conversations: median', ms(large.median));
  row('per event, 10,000 conversations: p95', ms(large.p95));
  row('per event, 1,000 conversations: median / p95', `${ms(small.median)} / ${ms(small.p95)}`, `×${(large.median / small.median).toFixed(1)} for ×10 conversations`);
  results.scale = { hydrateMs: large.hydrateMs, heapMb: large.heapMb, event: { median: large.median, p95: large.p95 }, event1k: { median: small.median, p95: small.p95 } };
}

// ---------------------------------------------------------------- 3. search

async function search() {
  console.log('\nSearch over 200,000 messages and their cards (p50 / p95 per query, 20 conversations per module)');
  const data = syntheticInbox(10_000, 20);
  const docs = [
    ...data.conversations.map((c) => ({ key: `accounts:${c.id}`, module: 'accounts' as const, conversationId: c.id, messageId: null, text: c.counterpart.name })),
    ...data.threads.flatMap((thread) => thread.messages.flatMap(messageDocuments)),
  ];
  const index = new SearchIndex();
  let t0 = performance.now();
  index.add(docs);
  index.flush();
  const buildMs = performance.now() - t0;
  // The naive scan: what the SDK did before its index — every document, newest first, same limits.
  const naive = docs.map((doc) => ({ ...doc, folded: fold(doc.text).folded }));
  const naiveSearch = (query: string) => {
    const needle = fold(query).folded;
    const seen = new Set<string>();
    const counts = { accounts: 0, messages: 0, products: 0, samples: 0 };
    for (let i = naive.length - 1; i >= 0; i--) {
      const doc = naive[i]!;
      if (counts[doc.module] >= 20 || !doc.folded.includes(needle) || seen.has(`${doc.module}:${doc.conversationId}`)) continue;
      seen.add(`${doc.module}:${doc.conversationId}`);
      counts[doc.module]++;
    }
    return counts;
  };
  const mini = new MiniSearch({ fields: ['text'], storeFields: ['conversationId', 'module'], idField: 'key' });
  t0 = performance.now();
  mini.addAll(docs);
  const miniBuildMs = performance.now() - t0;
  const queries = {
    short: [WORDS[2]!.slice(0, 2), WORDS[30]!.slice(0, 3), WORDS[600]!.slice(0, 3), 'ser'],
    long: [PRODUCTS[7]!, PRODUCTS[123]!.toUpperCase(), `${WORDS[4]!} ${WORDS[9]!}`, data.conversations[4321]!.counterpart.name],
  };
  const out: Record<string, unknown> = { queries };
  for (const [kind, list] of Object.entries(queries)) {
    const time = (fn: (q: string) => unknown) => {
      for (const query of list) fn(query); // warm up
      const times: number[] = [];
      for (let round = 0; round < 25; round++) {
        for (const query of list) {
          const start = performance.now();
          fn(query);
          times.push(performance.now() - start);
        }
      }
      return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
    };
    const ours = time((q) => index.search(q));
    const scan = time(naiveSearch);
    const ms2 = time((q) => mini.search(q, { prefix: true, combineWith: 'AND' }));
    out[kind] = { ours, naive: scan, minisearch: ms2 };
    row(`${kind} queries: Creator IM index p50 / p95`, `${ms(ours.p50)} / ${ms(ours.p95)}`, `×${(scan.p95 / ours.p95).toFixed(0)} faster than the naive scan, ×${(ms2.p95 / ours.p95).toFixed(1)} than MiniSearch (p95)`);
    row(`${kind} queries: naive scan p50 / p95`, `${ms(scan.p50)} / ${ms(scan.p95)}`);
    row(`${kind} queries: MiniSearch (prefix, AND) p50 / p95`, `${ms(ms2.p50)} / ${ms(ms2.p95)}`, 'word prefixes only: misses substrings');
  }
  row('index build: Creator IM / MiniSearch', `${ms(buildMs)} / ${ms(miniBuildMs)}`, `${docs.length.toLocaleString('en')} documents`);
  results.search = { documents: docs.length, buildMs, miniBuildMs, ...out };
}

// ---------------------------------------------------------------- 4. rendering

async function rendering() {
  console.log('\nRendering (headless Chromium)');
  const { renderBench } = await import('./bench-render.js');
  const figures = await renderBench();
  row('10,000 conversations: time to first rendered row', ms(figures.firstRowMs), 'from navigation start');
  row('10,000 conversations loaded: DOM nodes (all shadow roots)', String(figures.inboxNodes));
  row('5,000-message session: click → newest message visible', ms(figures.openMs), 'row click to the newest message inside the log');
  row('5,000-message session: log DOM nodes open / at the top / back down', `${figures.logNodes.open} / ${figures.logNodes.top} / ${figures.logNodes.after}`, `at most ${figures.mostMessagesInDom} messages in the DOM`);
  row('5,000-message session: frame time while scrolling p50 / p95', `${ms(figures.frameP50)} / ${ms(figures.frameP95)}`, `${figures.frames} frames at 60 Hz, ${figures.droppedFrames} over 20 ms`);
  row('5,000-message session: JS heap', `${figures.heapMb.toFixed(1)} MB`);
  row('5,000-message session: DOM nodes (whole page)', String(figures.sessionNodes));
  results.rendering = figures;
}

const started = performance.now();
if (process.argv.includes('--profile-scale')) {
  const r = await sdkAtScale(Number(process.env.N ?? 2000), 20, 500);
  console.log(r.hydrateMs, r.median);
  process.exit(0);
}
// `--only=scale,search` runs some sections (while working on one); the full run writes the JSON.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const wanted = (name: string) => !only || only.includes(name);
const sizeOk = wanted('size') || sizeOnly ? await sizes() : true;
if (!sizeOnly) {
  if (wanted('scale')) await scale();
  if (wanted('search')) await search();
  if (wanted('rendering')) await rendering();
  if (wanted('mock')) results.mock = await mockAtScale(row, ms, quantile);
  writeFileSync('bench-results.json', `${JSON.stringify({ ...results, rows }, null, 2)}\n`);
  console.log(`\nWrote bench-results.json in ${((performance.now() - started) / 1000).toFixed(0)} s on ${String(results.machine)}.`);
}
if (!sizeOk) process.exit(1);
