/**
 * Browser figures for `npm run bench` (issue 14): headless Chromium (playwright-core, CDP) against
 * the real Node mock server seeded with 10,000 conversations and ~200,000 messages, one of them a
 * conversation of 5,000 messages. Every timed figure is a median / p95 over several runs.
 *
 * Paint-accurate timing: scripts/bench-pages/probe.js checks a condition at the start of every
 * frame (requestAnimationFrame) and, in the first frame where it holds, posts a MessageChannel
 * message whose handler runs right after that frame is produced; its time is "painted".
 *
 * Knobs (environment): CIM_BENCH_RUNS (7), CIM_BENCH_FIRST_ROW_RUNS (15), CIM_BENCH_LIVE (30 live messages), CIM_BENCH_SCROLL_S (5),
 * CIM_BENCH_CONVERSATIONS (10,000), CIM_BENCH_MESSAGES (200,000), CIM_BENCH_SEARCH (1: run the
 * 200,000-message search page), CIM_BENCH_DIST (the folder served as /dist/, to compare builds).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type ElementHandle, type Page } from 'playwright-core';
import { startServer, type RunningServer, type ServerOptions } from '../mocks/server.js';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { CSP } from './demo-server.js';
import { ensureEmbedBundle } from './embed-bundle.js';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
export const BROWSER_BENCH = {
  runs: env('CIM_BENCH_RUNS', 7),
  /** Rounds of the first-row figure: on 2 cores a page's start-up varies ±15 %, so more than the others. */
  firstRowRuns: env('CIM_BENCH_FIRST_ROW_RUNS', 15),
  live: env('CIM_BENCH_LIVE', 30),
  scrollSeconds: env('CIM_BENCH_SCROLL_S', 5),
  conversations: env('CIM_BENCH_CONVERSATIONS', 10_000),
  messages: env('CIM_BENCH_MESSAGES', 200_000),
  search: env('CIM_BENCH_SEARCH', 1) !== 0,
  longConversation: 5_000,
};

/** The extra latency of every request in the "far network" first-row figure, ms (a 4G phone's round trip). */
const FAR_LATENCY_MS = 100;

/** The seller given the 5,000-message conversation (not one of the seed's own long ones, nor a blocked one). */
const LONG_SELLER = 'shop-100';

/** The server's data: the mock's large seed (as `CIM_SEED_CONVERSATIONS` / `CIM_SEED_MESSAGES` give it to `npm start`). */
function seedOptions(conversations: number, messages: number): ServerOptions {
  return { conversations, messages };
}

/**
 * Gives one conversation 5,000 more messages, as its seller would send them (in process: this is
 * the data, not the timing). Sent last, it is the most recently active: the first row.
 */
function addLongConversation(server: RunningServer, count: number): void {
  for (let i = 0; i < count; i++) {
    const answer = server.backend.sellerSend(LONG_SELLER, { type: 'TEXT', text: `Long thread message ${i + 1}: could you post the Vitamin C serum video on Friday?` });
    if (answer.status !== 200) throw new Error(`seeding the long conversation failed: ${JSON.stringify(answer.body)}`);
  }
}

/** The whole inbox as the SDK's cache format (conversations and every message). */
function inboxSnapshot(server: RunningServer): string {
  const { backend } = server;
  return JSON.stringify({
    savedAt: new Date().toISOString(),
    creator: backend.seed.creator,
    unread: { shop: 0, collab: 0, agency: 0 },
    conversations: [...backend.conversations.values()],
    threads: [...backend.messages].map(([conversationId, messages]) => ({ conversationId, messages })),
  });
}

export interface Stat {
  p50: number;
  p95: number;
  p99?: number;
  runs: number;
}
const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const stat = (values: readonly number[]): Stat => ({ p50: quantile(values, 0.5), p95: quantile(values, 0.95), p99: quantile(values, 0.99), runs: values.length });

/** Heap after a full garbage collection, MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** Frame intervals while scrolling `scroller` (an expression) for `seconds`, 400 px a frame, bouncing at the ends. */
export async function scrollFrames(page: Page, scroller: string, seconds: number, inDom = '0'): Promise<{ frames: Stat; dropped: number; count: number; mostInDom: number }> {
  const { times, most } = (await page.evaluate(`(async () => {
    const scroller = ${scroller};
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let step = 400;
    let last = await frame();
    const end = last + ${seconds * 1000};
    const times = [];
    let most = 0;
    while (last < end) {
      if (scroller.scrollTop + scroller.clientHeight + step > scroller.scrollHeight) step = -400;
      else if (scroller.scrollTop + step < 0) step = 400;
      scroller.scrollTop += step;
      const now = await frame();
      times.push(now - last);
      last = now;
      most = Math.max(most, ${inDom});
    }
    return { times, most };
  })()`)) as { times: number[]; most: number };
  // At 60 Hz a frame is 16.7 ms: an interval of n frames means n - 1 frames were dropped.
  const dropped = times.reduce((sum, time) => sum + Math.max(0, Math.round(time / (1000 / 60)) - 1), 0);
  return { frames: stat(times), dropped, count: times.length, mostInDom: most };
}

export interface Ctx {
  browser: Browser;
  url: string;
}

export async function newPage({ browser }: Ctx): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ path: 'scripts/bench-pages/probe.js' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.warn('  [page error]', error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.warn(`  [page ${message.type()}]`, message.text());
  });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

/**
 * Navigation start → first row painted on one page, in a fresh context (cold HTTP cache).
 * `latencyMs`: every request takes that much longer (CDP network emulation), as on a real network.
 */
export async function firstRow(ctx: Ctx, path: string, latencyMs = 0): Promise<number> {
  const { context, page, cdp } = await newPage(ctx);
  try {
    if (latencyMs) await cdp.send('Network.enable');
    if (latencyMs) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
    await page.goto(`${ctx.url}${path}`);
    return (await within(page.evaluate('window.__bench.firstRowPainted'), `first row of ${path}`)) as number;
  } finally {
    await context.close();
  }
}

/**
 * The inbox and the baseline page, `runs` times each: each round runs both, in a random order (a
 * page's start-up varies with what the machine did just before, e.g. the previous page's teardown).
 * `paired`: the median of each round's inbox / baseline ratio.
 */
async function firstRows(ctx: Ctx, runs: number, latencyMs = 0) {
  const inbox: number[] = [];
  const baseline: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < runs; run++) {
    const order = Math.random() < 0.5 ? (['/inbox.html', '/baseline.html'] as const) : (['/baseline.html', '/inbox.html'] as const);
    const times: Record<string, number> = {};
    for (const page of order) times[page] = await firstRow(ctx, page, latencyMs);
    inbox.push(times['/inbox.html']!);
    baseline.push(times['/baseline.html']!);
    ratios.push(times['/inbox.html']! / times['/baseline.html']!);
  }
  return { inbox: stat(inbox), baseline: stat(baseline), ratio: quantile(inbox, 0.5) / quantile(baseline, 0.5), paired: { p25: quantile(ratios, 0.25), p50: quantile(ratios, 0.5), p75: quantile(ratios, 0.75) } };
}

const CLIENT = `window.__bench.inbox().client`;

/** Resolves once `condition` (a page expression) holds. Polls inside the page: waitForFunction needs eval, which the strict CSP refuses. */
const until = (page: Page, condition: string) => page.evaluate(`(async () => { while (!(${condition})) await new Promise((resolve) => setTimeout(resolve, 250)); })()`);

/** Fails a step that never happens instead of hanging the bench. */
function within<T>(promise: Promise<T>, what: string, ms = 120_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`bench: ${what} did not happen within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const progress = (what: string) => process.stderr.write(`    … ${what}\n`);

/** Opens the inbox, waits for the first row and the long conversation's row. */
export async function openInbox(ctx: Ctx) {
  const opened = await newPage(ctx);
  await opened.page.goto(`${ctx.url}/inbox.html`);
  await within(opened.page.evaluate('window.__bench.firstRowPainted'), 'first row');
  return opened;
}

/** How long a click may take to show the newest message before the run counts as "not shown". */
const OPEN_LIMIT_MS = 5_000;

/** Click on the long conversation's row → its newest message painted inside the log's visible box (NaN: not within the limit). */
async function openLong(page: Page): Promise<number> {
  // The long conversation is the most recently active: the first row.
  const element = (await page.evaluateHandle(`window.__bench.firstRow()`)).asElement() as ElementHandle | null;
  if (!element || !(await element.textContent())?.includes('Long thread message')) throw new Error(`the long conversation is not the first row: ${await element?.textContent()}`);
  const last = `Long thread message ${BROWSER_BENCH.longConversation}:`;
  // Read first: an unread conversation opens at its first unread message, not the newest.
  await page.evaluate(`${CLIENT}.inbox.markRead('conv-${LONG_SELLER}')`);
  const painted = page.evaluate(`(async () => {
    const clicked = new Promise((resolve) => addEventListener('click', (event) => resolve(event.timeStamp), { capture: true, once: true }));
    const painted = window.__bench.paintWhen(() => {
      const log = window.__bench.log();
      const scroller = log?.querySelector('.scroller');
      if (!scroller) return false;
      const box = scroller.getBoundingClientRect();
      const newest = [...log.querySelectorAll('.msg')].find((message) => message.textContent.includes(${JSON.stringify(last)}));
      if (!newest) return false;
      const rect = newest.getBoundingClientRect();
      return rect.height > 0 && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
    });
    const limit = new Promise((resolve) => setTimeout(() => resolve(NaN), ${OPEN_LIMIT_MS}));
    const at = await clicked;
    return (await Promise.race([painted, limit])) - at;
  })()`) as Promise<number>;
  await element.click();
  const time = await within(painted, 'newest message of the long conversation');
  const loaded = await page.evaluate(`${CLIENT}.conversations.thread('conv-${LONG_SELLER}').getSnapshot().messages.length`);
  if (!loaded) throw new Error('the long conversation did not load');
  return time;
}

/**
 * Live message `i`: a seller's message through the control route (a seller far down the list) →
 * its row, with the message's text, painted as the list's first row: milliseconds from the moment
 * the socket's message reached the page, and in which frame after it (1: the next one).
 */
export async function liveMessage(page: Page, url: string, i: number): Promise<LiveTiming> {
  const token = `bench-live-${i}`;
  const seller = `shop-${200 + ((i * 331) % 8_000)}`;
  // Watching starts before the message is sent: a watch still on its way over CDP when the message
  // arrives would time the next frame after it, not the frame that painted the row.
  await page.evaluate(`window.__bench.live = window.__bench.paintWhen(() => window.__bench.firstRow()?.textContent.includes(${JSON.stringify(`${token} `)})); 0`);
  const painted = page.evaluate('window.__bench.live') as Promise<number>;
  const response = await fetch(`${url}/mock/sellers/${seller}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'TEXT', text: `${token} Are you free for a livestream?` }) });
  if (!response.ok) throw new Error(`control route: ${response.status} ${await response.text()}`);
  const paintedAt = await within(painted, `live message ${token} at the top`);
  const arrivedAt = (await page.evaluate(`window.__bench.arrivals[${JSON.stringify(token)}]`)) as number;
  const frames = (await page.evaluate(`window.__bench.framesAfter(${arrivedAt})`)) as number;
  const frameStart = (await page.evaluate('window.__bench.paintingFrame()')) as number;
  // Waiting for the frame (the display's next tick, or script still running), then the frame's own work.
  return { ms: paintedAt - arrivedAt, frames, toFrame: frameStart - arrivedAt, inFrame: paintedAt - frameStart };
}

/** One live message: arrival → painted, in which frame, arrival → that frame's start, its start → painted (ms). */
export interface LiveTiming {
  ms: number;
  frames: number;
  toFrame: number;
  inFrame: number;
}

/** The list's scroller (an expression in the page). */
export const LIST_SCROLLER = `window.__bench.list().querySelector('lit-virtualizer')`;

/** Loads every page of the TikTok Shop tab; resolves with its row count. */
export async function loadEveryConversation(page: Page): Promise<number> {
  await page.evaluate(`(async () => { const c = ${CLIENT}; while (c.inbox.view({ tab: 'shop' }).getSnapshot().hasMore) await c.inbox.loadMore({ tab: 'shop' }, { limit: 200 }); })()`);
  return (await page.evaluate(`${CLIENT}.inbox.view({ tab: 'shop' }).getSnapshot().conversations.length`)) as number;
}

/** The mock server with the bench's data, serving the bundle, the bench pages and `dataDir` at /bench-data/. */
export async function benchServer(dataDir: string): Promise<RunningServer> {
  const server = await startServer({
    ...seedOptions(BROWSER_BENCH.conversations, BROWSER_BENCH.messages),
    port: Number(process.env.CIM_BENCH_PORT ?? 0),
    staticRoots: [
      // CIM_BENCH_DIST: another build's folder (a copy of packages/elements/dist), to compare two builds.
      { prefix: '/dist/', dir: process.env.CIM_BENCH_DIST ?? 'packages/elements/dist' },
      { prefix: '/bench-data/', dir: dataDir },
      { prefix: '/', dir: 'scripts/bench-pages' },
    ],
    // The demo's strict policy: what a partner page would set.
    staticHeaders: { 'content-security-policy': CSP, 'cache-control': 'no-store' },
  });
  addLongConversation(server, BROWSER_BENCH.longConversation);
  return server;
}

/** Chromium as the bench runs it. */
export const launchChromium = () => chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs, '--enable-precise-memory-info'] });

/** The words typed letter by letter into the search box (45 keystrokes: 1-, 2- and 3-letter prefixes are the many-match worst case). */
export const SEARCH_WORDS = ['serum', 'sample', 'friday', 'glow theory', 'livestream', 'vitamin'];

/**
 * Keystrokes in the search box → local results painted, over every message of the server hydrated
 * locally (the search page). `around` wraps the typing alone (the trace script profiles it).
 */
export async function keystrokes(ctx: Ctx, server: RunningServer, data: string, around: { before?(cdp: CDPSession, page: Page): Promise<void>; after?(cdp: CDPSession, page: Page): Promise<void> } = {}): Promise<NonNullable<BrowserFigures['search']>> {
  progress('search: hydrate and index every message');
  const started = performance.now();
  writeFileSync(join(data, 'inbox.json'), inboxSnapshot(server));
  const { context, page, cdp } = await newPage(ctx);
  try {
    await page.goto(`${server.url}/search.html`);
    await within(until(page, 'window.benchStarted'), 'the search page to start', 300_000);
    await page.evaluate('window.benchStarted');
    // Wait until the idle-time indexing has taken every document. The index is internal to the
    // SDK (its search queue); properties keep their names in the bundle.
    const indexed = `${CLIENT}.state.getSnapshot().threads.size > ${Math.floor(BROWSER_BENCH.conversations / 2)} && (${CLIENT}.core.search?.index ?? ${CLIENT}.core.searchIndex)?.backlog === 0`;
    await within(until(page, indexed), 'indexing every message', 300_000);
    const indexedInMs = performance.now() - started;
    const threads = (await page.evaluate(`${CLIENT}.state.getSnapshot().threads.size`)) as number;
    await page.locator('creator-inbox cim-search input').click();
    await around.before?.(cdp, page);
    const times: number[] = [];
    const typed: [string, number][] = [];
    let nextFrame = 0;
    for (const word of SEARCH_WORDS) {
      for (let i = 1; i <= word.length; i++) {
        const query = word.slice(0, i);
        // The watch is installed before the key is sent: one still on its way over CDP when the
        // key is handled would time a later frame than the one that painted the results.
        await page.evaluate(`window.__bench.keystroke = window.__bench.paintWhen(() => {
          const search = window.__bench.search();
          const state = ${CLIENT}.search.state.getSnapshot();
          return state.query === ${JSON.stringify(query)} && state.status !== 'idle' && !search.isUpdatePending && search.shadowRoot.querySelector('.results:not([hidden])');
        }); 0`);
        await page.keyboard.press(word[i - 1] === ' ' ? 'Space' : word[i - 1]!);
        const paintedAt = (await within(page.evaluate('window.__bench.keystroke'), `search results for "${query}"`)) as number;
        const keydownAt = (await page.evaluate('window.__bench.keydownAt()')) as number;
        times.push(paintedAt - keydownAt);
        if (((await page.evaluate(`window.__bench.framesAfter(${keydownAt})`)) as number) <= 1) nextFrame++;
        typed.push([query, times[times.length - 1]!]);
      }
      // The next word starts once the conversation list is painted again: the Escape's own work
      // (the list coming back) is not a keystroke's, and a creator sees the list before typing anew.
      await page.evaluate(`window.__bench.listBack = window.__bench.paintWhen(() => !window.__bench.search().active && window.__bench.firstRow()?.isConnected); 0`);
      await page.keyboard.press('Escape');
      await within(page.evaluate('window.__bench.listBack'), 'the list after Escape');
    }
    await around.after?.(cdp, page);
    return { ...stat(times), threads, indexedInMs, heapMb: await heapMb(cdp), typed, nextFrame };
  } finally {
    await context.close();
  }
}

export async function browserBench(log: (what: string, value: string, note?: string) => void = () => undefined) {
  const options = BROWSER_BENCH;
  ensureEmbedBundle((line) => progress(line)); // creator-im.js, the one-file bundle partners embed
  const data = mkdtempSync(join(tmpdir(), 'cim-bench-'));
  const started = performance.now();
  const server = await benchServer(data);
  let messageCount = 0;
  for (const thread of server.backend.messages.values()) messageCount += thread.length;
  const conversationCount = server.backend.conversations.size;
  log(`seeded server: ${conversationCount.toLocaleString('en')} conversations, ${messageCount.toLocaleString('en')} messages`, `${((performance.now() - started) / 1000).toFixed(1)} s`);
  const browser = await launchChromium();
  const ctx: Ctx = { browser, url: server.url };
  const results: Record<string, unknown> = { conversations: conversationCount, messages: messageCount, runs: options.runs };
  try {
    // 1. Navigation → first row painted, the inbox and the baseline page in random order (same conditions).
    await firstRow(ctx, '/inbox.html'); // warm the server and the OS file cache; not counted
    await firstRow(ctx, '/baseline.html');
    results.firstRow = await firstRows(ctx, options.firstRowRuns);
    progress(`first row on a ${FAR_LATENCY_MS} ms network`);
    // The same on a network as far as a phone's (each request FAR_LATENCY_MS longer): what users see.
    results.firstRowFar = await firstRows(ctx, options.runs, FAR_LATENCY_MS);

    progress('click → newest message');
    // 2. Click on the 5,000-message conversation → newest message visible (fresh page each run).
    const open: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const { context, page } = await openInbox(ctx);
      try {
        open.push(await openLong(page));
      } finally {
        await context.close();
      }
    }
    const shown = open.filter((time) => !Number.isNaN(time));
    results.openConversation = { ...stat(shown), notShown: open.length - shown.length };

    progress('heap after load');
    // 3–5 on one page: heap after load, live messages, scrolling, heap after all.
    const { context, page, cdp } = await openInbox(ctx);
    try {
      await page.evaluate(`new Promise((resolve) => setTimeout(resolve, 1000))`); // idle work after the first paint settles
      const heapAfterLoad = await heapMb(cdp);

      progress('live messages');
      // A seller message through the control route → its row painted at the top of the list.
      const live: LiveTiming[] = [];
      for (let i = 0; i < options.live; i++) live.push(await liveMessage(page, server.url, i));
      results.liveMessage = {
        ...stat(live.map((one) => one.ms)),
        nextFrame: live.filter((one) => one.frames <= 1).length,
        toFrame: stat(live.map((one) => one.toFrame)),
        inFrame: stat(live.map((one) => one.inFrame)),
      };

      progress('scroll the list');
      // Scroll the 10,000-row list (all pages loaded first).
      const rows = await loadEveryConversation(page);
      await page.evaluate(`new Promise((resolve) => setTimeout(resolve, 300))`);
      const listScroll = await scrollFrames(page, LIST_SCROLLER, options.scrollSeconds);
      results.listScroll = { ...listScroll, rows };

      progress('scroll the log');
      // Scroll the 5,000-message log (all pages loaded first).
      const id = JSON.stringify(`conv-${LONG_SELLER}`);
      await page.evaluate(`window.__bench.inbox().conversationId = ${id}`);
      await page.evaluate(`(async () => { const c = ${CLIENT}; const id = ${id}; await c.conversations.loadLatest(id, { limit: 200 }); while (c.conversations.thread(id).getSnapshot().olderCursor) await c.conversations.loadOlder(id, { limit: 200 }); })()`);
      const messages = (await page.evaluate(`${CLIENT}.conversations.thread(${id}).getSnapshot().messages.length`)) as number;
      await page.evaluate(`new Promise((resolve) => setTimeout(resolve, 300))`);
      const logNodes = `(() => { const count = (root) => { let n = 1; if (root instanceof Element && root.shadowRoot) n += count(root.shadowRoot); for (const child of root.childNodes) n += count(child); return n; }; return count(window.__bench.log()); })()`;
      const openNodes = (await page.evaluate(logNodes)) as number;
      const logScroll = await scrollFrames(page, `window.__bench.log().querySelector('.scroller')`, options.scrollSeconds, `window.__bench.log().querySelectorAll('.msg').length`);
      const afterNodes = (await page.evaluate(logNodes)) as number;
      // A full walk: up until the oldest message is in the DOM, then down until the newest is.
      const walk = (await page.evaluate(`(async () => {
        const messages = ${CLIENT}.conversations.thread(${id}).getSnapshot().messages;
        const scroller = window.__bench.log().querySelector('.scroller');
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const shown = (message) => scroller.querySelector('.msg[data-id="' + CSS.escape(message.id) + '"]') !== null;
        for (let i = 0; i < 3000 && !shown(messages[0]); i++) { scroller.scrollTop = 0; await frame(); }
        const top = shown(messages[0]) ? ${logNodes} : -1;
        for (let i = 0; i < 3000 && !shown(messages[messages.length - 1]); i++) { scroller.scrollTop = scroller.scrollHeight; await frame(); }
        return { top, bottom: shown(messages[messages.length - 1]) ? ${logNodes} : -1 };
      })()`)) as { top: number; bottom: number };
      results.logScroll = { ...logScroll, messages, logNodes: { open: openNodes, after: afterNodes, top: walk.top, bottom: walk.bottom } };
      const nodes = (await page.evaluate(`(() => {
        const count = (root) => { let n = 1; if (root instanceof Element && root.shadowRoot) n += count(root.shadowRoot); for (const child of root.childNodes) n += count(child); return n; };
        return count(document);
      })()`)) as number;
      results.heap = { afterLoad: heapAfterLoad, afterAll: await heapMb(cdp), nodes };
    } finally {
      await context.close();
    }

    // 6. Keystrokes in the search box → local results painted, over every message hydrated locally.
    if (options.search) results.search = await keystrokes(ctx, server, data);
  } finally {
    await browser.close();
    await server.close();
    rmSync(data, { recursive: true, force: true });
  }
  return results as unknown as BrowserFigures;
}

/** Navigation → first row of the inbox and of the baseline page, and their ratios. */
export interface FirstRows {
  inbox: Stat;
  baseline: Stat;
  ratio: number;
  paired: { p25: number; p50: number; p75: number };
}

export interface BrowserFigures {
  conversations: number;
  messages: number;
  runs: number;
  /** `ratio`: of the medians; `paired`: quartiles of each round's inbox / baseline ratio. */
  firstRow: FirstRows;
  /** The same with every request 100 ms longer (network emulation). */
  firstRowFar: FirstRows;
  /** `notShown`: runs where the newest message was not visible within OPEN_LIMIT_MS. */
  openConversation: Stat & { notShown: number };
  /** `nextFrame`: messages whose row was painted by the first frame that started after their arrival. */
  liveMessage: Stat & { nextFrame: number; toFrame: Stat; inFrame: Stat };
  listScroll: { frames: Stat; dropped: number; count: number; rows: number; mostInDom: number };
  /** `mostInDom`: the most messages in the log's DOM at once while scrolling; `logNodes`: the log's nodes when opened, after scrolling, at the oldest message and back at the newest (-1: not reached). */
  logScroll: { frames: Stat; dropped: number; count: number; messages: number; mostInDom: number; logNodes: { open: number; after: number; top: number; bottom: number } };
  heap: { afterLoad: number; afterAll: number; nodes: number };
  /** `typed`: each keystroke's query and its time, in the order typed; `nextFrame`: keystrokes whose results were painted by the first frame that started after the keydown. */
  search?: Stat & { threads: number; indexedInMs: number; heapMb: number; typed: [string, number][]; nextFrame: number };
}
