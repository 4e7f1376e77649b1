/**
 * Rendering figures for `npm run bench`, in Debian's headless Chromium (playwright-core) against
 * the real mock server: the production bundle, 10,000 conversations in <creator-inbox>, and a
 * session of 5,000 messages: click to newest message visible, then scrolled to its first message
 * and back (the log's node count must not grow).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../mocks/server.js';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/dist/creator-im.js"></script></head>
<body style="margin:0"><creator-inbox base-url="/" token="bench" style="height:100vh"></creator-inbox></body></html>`;

// Page scripts are strings: tsx would wrap inline functions in a helper the page does not have.

/** Counts every node, shadow roots included. */
const countNodes = (page: Page) =>
  page.evaluate(`(() => {
    const count = (root) => {
      let n = 1;
      if (root instanceof Element && root.shadowRoot) n += count(root.shadowRoot);
      for (const child of root.childNodes) n += count(child);
      return n;
    };
    return count(document);
  })()`) as Promise<number>;

const FIRST_ROW = `Boolean(document.querySelector('creator-inbox')?.shadowRoot?.querySelector('cim-inbox-list')?.shadowRoot?.querySelector('.row'))`;

/** The client inside the page's <creator-inbox> (its public `client` property). */
const CLIENT = `document.querySelector('creator-inbox').client`;

export async function renderBench() {
  execSync('npx rollup -c --silent', { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'cim-bench-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  const roots = [
    { prefix: '/dist/', dir: 'packages/elements/dist' },
    { prefix: '/', dir },
  ];
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs, '--enable-precise-memory-info'] });
  try {
    // 10,000 conversations.
    const big = await startServer({ sellers: 10_000, agencies: 0, staticRoots: roots });
    let firstRowMs: number;
    let inboxNodes: number;
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      await page.goto(`${big.url}/`);
      await page.waitForFunction(FIRST_ROW, undefined, { timeout: 60_000, polling: 'raf' });
      firstRowMs = (await page.evaluate('performance.now()')) as number;
      await page.evaluate(`(async () => { const c = ${CLIENT}; while (c.inbox.view({ tab: 'shop' }).getSnapshot().hasMore) await c.inbox.loadMore({ tab: 'shop' }, { limit: 200 }); })()`);
      const loaded = await page.evaluate(`${CLIENT}.inbox.view({ tab: 'shop' }).getSnapshot().conversations.length`);
      if (loaded !== 10_000) throw new Error(`expected 10,000 conversations, got ${String(loaded)}`);
      await page.waitForTimeout(300);
      inboxNodes = await countNodes(page);
      await page.close();
    } finally {
      await big.close();
    }

    // A 5,000-message session.
    const long = await startServer({ sellers: 3, agencies: 0, messagesPerConversation: 5_000, staticRoots: roots });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      await page.goto(`${long.url}/`);
      await page.waitForFunction(FIRST_ROW, undefined, { timeout: 30_000 });
      const id = (await page.evaluate(`${CLIENT}.inbox.view({ tab: 'shop' }).getSnapshot().conversations[0].id`)) as string;
      // Read, so it opens at the newest message (an unread one opens at its first unread message).
      await page.evaluate(`${CLIENT}.inbox.markRead(${JSON.stringify(id)})`);
      // Click → the newest message's box inside the log's visible box (polled every frame).
      const openMs = (await page.evaluate(`(async () => {
        const inbox = document.querySelector('creator-inbox');
        const row = inbox.shadowRoot.querySelector('cim-inbox-list').shadowRoot.querySelector('.row');
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const started = performance.now();
        row.click();
        for (let i = 0; ; i++) {
          if (i > 3000) throw new Error('the newest message never came into view');
          await frame();
          const log = inbox.shadowRoot.querySelector('cim-chat-session')?.shadowRoot?.querySelector('cim-message-log')?.shadowRoot;
          const thread = inbox.client.conversations.thread(${JSON.stringify(id)}).getSnapshot();
          const last = thread.messages[thread.messages.length - 1];
          const scroller = log?.querySelector('.scroller');
          const newest = last && log?.querySelector('.msg[data-id="' + last.id + '"]');
          if (!thread.loaded || !scroller || !newest) continue;
          const box = scroller.getBoundingClientRect();
          const rect = newest.getBoundingClientRect();
          if (rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1) return performance.now() - started;
        }
      })()`)) as number;
      const LOG = `document.querySelector('creator-inbox').shadowRoot.querySelector('cim-chat-session').shadowRoot.querySelector('cim-message-log').shadowRoot`;
      const logNodes = `(() => { const count = (root) => { let n = 1; if (root instanceof Element && root.shadowRoot) n += count(root.shadowRoot); for (const child of root.childNodes) n += count(child); return n; }; return count(${LOG}); })()`;
      const openNodes = (await page.evaluate(logNodes)) as number;
      // All of history in memory (the SDK, 200 a page), then the DOM window is scrolled through it.
      await page.evaluate(`(async () => { const c = ${CLIENT}; const id = ${JSON.stringify(id)}; while (c.conversations.thread(id).getSnapshot().olderCursor) { await c.conversations.loadOlder(id, { limit: 200 }); await new Promise((resolve) => setTimeout(resolve, 0)); } })()`);
      const count = (await page.evaluate(`${CLIENT}.conversations.thread(${JSON.stringify(id)}).getSnapshot().messages.length`)) as number;
      if (count < 5_000) throw new Error(`expected 5,000 messages, got ${count}`);
      // Up to the first message, 400 px a frame (a fast fling), recording frame times and the most
      // messages ever in the DOM; then back down to the newest.
      const walk = (await page.evaluate(`(async () => {
        const log = ${LOG};
        const scroller = log.querySelector('.scroller');
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const times = [];
        let most = 0;
        let last = await frame();
        for (let i = 0; i < 20000 && !log.querySelector('.start:not(.older)'); i++) {
          scroller.scrollTop -= 400;
          const now = await frame();
          times.push(now - last);
          last = now;
          most = Math.max(most, log.querySelectorAll('.msg').length);
        }
        const topReached = Boolean(log.querySelector('.start:not(.older)'));
        const topNodes = ${logNodes};
        for (let i = 0; i < 20000; i++) {
          const items = log.querySelectorAll('.msg');
          const atEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 2;
          if (atEnd && items[items.length - 1]?.dataset.id === ${CLIENT}.conversations.thread(${JSON.stringify(id)}).getSnapshot().messages.at(-1).id) break;
          scroller.scrollTop += 400;
          await frame();
          most = Math.max(most, log.querySelectorAll('.msg').length);
        }
        await frame();
        return { times, most, topReached, topNodes };
      })()`)) as { times: number[]; most: number; topReached: boolean; topNodes: number };
      if (!walk.topReached) throw new Error('the log never reached the first message');
      const frames = walk.times.sort((a, b) => a - b);
      const heapMb = ((await page.evaluate('performance.memory.usedJSHeapSize')) as number) / 2 ** 20;
      const afterNodes = (await page.evaluate(logNodes)) as number;
      const sessionNodes = await countNodes(page);
      await page.close();
      return {
        firstRowMs,
        inboxNodes,
        openMs,
        frames: frames.length,
        frameP50: frames[Math.floor(frames.length * 0.5)] ?? 0,
        frameP95: frames[Math.floor(frames.length * 0.95)] ?? 0,
        // At 60 Hz a frame is 16.7 ms; one over 20 ms means a frame was dropped.
        droppedFrames: frames.filter((time) => time > 20).length,
        heapMb,
        logNodes: { open: openNodes, top: walk.topNodes, after: afterNodes },
        mostMessagesInDom: walk.most,
        sessionNodes,
        messages: count,
      };
    } finally {
      await long.close();
    }
  } finally {
    await browser.close();
  }
}
