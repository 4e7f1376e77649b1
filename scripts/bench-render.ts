/**
 * Rendering figures for `npm run bench`, in Debian's headless Chromium (playwright-core) against
 * the real mock server: the production bundle, 10,000 conversations in <creator-inbox>, and a
 * session of 5,000 messages scrolled from end to start.
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
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
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
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${long.url}/`);
      await page.waitForFunction(FIRST_ROW, undefined, { timeout: 30_000 });
      const id = await page.evaluate(`${CLIENT}.inbox.view({ tab: 'shop' }).getSnapshot().conversations[0].id`);
      await page.evaluate(`document.querySelector('creator-inbox').conversationId = ${JSON.stringify(id)}`);
      await page.evaluate(`(async () => { const c = ${CLIENT}; const id = ${JSON.stringify(id)}; await c.conversations.loadLatest(id, { limit: 200 }); while (c.conversations.thread(id).getSnapshot().olderCursor) await c.conversations.loadOlder(id, { limit: 200 }); })()`);
      const count = (await page.evaluate(`${CLIENT}.conversations.thread(${JSON.stringify(id)}).getSnapshot().messages.length`)) as number;
      if (count < 5_000) throw new Error(`expected 5,000 messages, got ${count}`);
      await page.waitForTimeout(500);
      // Scroll from the newest message towards the oldest, 400 px a frame (a fast fling), recording frame times.
      const frames = (await page.evaluate(`(async () => {
        const session = document.querySelector('creator-inbox').shadowRoot.querySelector('cim-chat-session');
        const scroller = session.shadowRoot.querySelector('lit-virtualizer');
        const times = [];
        scroller.scrollTop = scroller.scrollHeight;
        await new Promise((resolve) => setTimeout(resolve, 300));
        let last = await new Promise((resolve) => requestAnimationFrame(resolve));
        for (let i = 0; i < 600 && scroller.scrollTop > 0; i++) {
          scroller.scrollTop -= 400;
          const now = await new Promise((resolve) => requestAnimationFrame(resolve));
          times.push(now - last);
          last = now;
        }
        return times;
      })()`)) as number[];
      frames.sort((a, b) => a - b);
      const heapMb = ((await page.evaluate('performance.memory.usedJSHeapSize')) as number) / 2 ** 20;
      const sessionNodes = await countNodes(page);
      await page.close();
      return {
        firstRowMs,
        inboxNodes,
        frames: frames.length,
        frameP50: frames[Math.floor(frames.length * 0.5)] ?? 0,
        frameP95: frames[Math.floor(frames.length * 0.95)] ?? 0,
        // At 60 Hz a frame is 16.7 ms; one over 20 ms means a frame was dropped.
        droppedFrames: frames.filter((time) => time > 20).length,
        heapMb,
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
