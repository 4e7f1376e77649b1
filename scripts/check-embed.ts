/**
 * The README's promises, checked in headless Chromium against the built bundle: its embed snippet,
 * in a plain HTML page beside nothing but a copy of `creator-im.js`, served by a static server of
 * its own on another origin, shows the inbox from the mock backend (which allows that origin);
 * and the demo Creator Center, under its strict Content-Security-Policy, opens the right
 * conversation from its entrances.
 */
import { createRequire } from 'node:module';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../mocks/server.js';
import { startDemo } from './demo-server.js';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { EMBED_BUNDLE, ensureEmbedBundle } from './embed-bundle.js';
import { serveStatic } from './consumers/static-server.js';

const readme = readFileSync('README.md', 'utf8');
const snippet = /<!-- embed-snippet[^>]*-->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
if (!snippet) throw new Error('README.md has no embed snippet (marked <!-- embed-snippet -->).');

/** min+gzip budget of creator-im.js: first paint (60 kB, `npm run size`) + the lazy parts it inlines. */
const ONE_FILE_BUDGET = 70_000;

/** The snippet's placeholder for the backend; the check points it at the mock server. */
const API_PLACEHOLDER = 'https://api.example.com';
if (!snippet.includes(API_PLACEHOLDER)) throw new Error(`The README's embed snippet should use base-url="${API_PLACEHOLDER}".`);

ensureEmbedBundle();
// Only the one file, and the partner's page: nothing else of the repository is reachable.
const dir = mkdtempSync(join(tmpdir(), 'cim-embed-'));
copyFileSync(EMBED_BUNDLE, join(dir, 'creator-im.js'));
const site = await serveStatic(dir);
const server = await startServer({ allowedOrigins: [site.url] });
writeFileSync(
  join(dir, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head><body>\n${snippet.replaceAll(API_PLACEHOLDER, server.url)}</body></html>`,
);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
let passed = 0;
let failed = 0;
const check = async (name: string, run: (errors: string[]) => Promise<string>) => {
  const errors: string[] = [];
  try {
    const detail = await run(errors);
    if (errors.length) throw new Error(errors.join('; '));
    passed++;
    console.log(`✔ ${name} (${detail})`);
  } catch (error) {
    failed++;
    console.log(`✖ ${name}: ${String(error)}`);
  }
};
const newPage = async (errors: string[]) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => errors.push(String(error)));
  // CSP violations are reported as console errors ("Refused to …").
  page.on('console', (message) => message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && errors.push(`${message.text()} (${message.location().url})`));
  return page;
};
const demo = await startDemo({ build: false });
try {
  await check('the README embed snippet, beside only creator-im.js on another origin, shows the inbox', async (errors) => {
    const files = readdirSync(dir).sort().join(', ');
    if (files !== 'creator-im.js, index.html') throw new Error(`the partner folder holds ${files}`);
    const page = await newPage(errors);
    await page.goto(`${site.url}/`);
    await page.locator('creator-inbox .row').first().waitFor({ timeout: 15_000 });
    const bytes = readFileSync(EMBED_BUNDLE);
    if (/^\s*import[\s{*]|\bimport\s*\(/m.test(bytes.toString('utf8'))) throw new Error('creator-im.js still imports other files');
    const gzip = gzipSync(bytes, { level: 9 }).length;
    // The one file carries the lazy parts too: the first-paint budget plus their 10 kB allowance.
    if (gzip > ONE_FILE_BUDGET) throw new Error(`creator-im.js is ${gzip} bytes min+gzip, over its ${ONE_FILE_BUDGET / 1000} kB budget`);
    return `${await page.locator('creator-inbox .row').count()} rows rendered from ${site.url} against ${server.url}; creator-im.js ${(statSync(EMBED_BUNDLE).size / 1000).toFixed(1)} kB, ${(gzip / 1000).toFixed(1)} kB gzip`;
  });
  await check('the demo, under its CSP: Product Promotion → "Contact" → "Contact Seller Online" opens that seller', async (errors) => {
    const page = await newPage(errors);
    await page.goto(`${demo.url}/#promotion`);
    const tile = page.locator('#promotion-list li').first();
    await tile.waitFor({ timeout: 15_000 });
    const seller = ((await tile.locator('.muted').textContent()) ?? '').split(' · ')[0]!;
    await tile.getByRole('button', { name: 'Contact' }).click();
    await page.getByRole('menuitem', { name: 'Contact Seller Online' }).click();
    await page.locator('cim-chat-session h2', { hasText: seller }).first().waitFor({ timeout: 10_000 });
    if (!page.url().endsWith('#messages')) throw new Error(`the inbox was not shown (${page.url()})`);
    return `opened ${seller}`;
  });
  await check('the demo: the Notifications icon shows the unread count and opens the inbox', async (errors) => {
    const page = await newPage(errors);
    await page.goto(`${demo.url}/#store`);
    const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor({ timeout: 15_000 });
    const label = await bell.getAttribute('aria-label');
    await bell.click();
    await page.waitForURL(/#messages$/, { timeout: 5000 });
    return label ?? '';
  });
  await check('the demo walked with axe: the inbox, an open conversation and the Agency tab (shadow roots included)', async () => {
    // axe is injected as an inline script, which the demo's CSP forbids: this page alone bypasses it.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const violations = async (where: string) => {
      await page.addScriptTag({ content: axe });
      const found = (await page.evaluate(`axe.run(document, { rules: { region: { enabled: false } } }).then((r) => r.violations.map((v) => v.id + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
      if (found.length) throw new Error(`${where}: ${found.join('; ')}`);
    };
    await page.goto(`${demo.url}/`);
    const rows = page.locator('creator-inbox >> cim-inbox-list >> .row');
    await rows.first().waitFor({ timeout: 15_000 });
    await violations('the inbox');
    await rows.nth(1).click();
    await page.locator('creator-inbox >> cim-message-log >> .msg').first().waitFor({ timeout: 15_000 });
    await violations('an open conversation');
    await page.locator('creator-inbox >> [role="tab"]:has-text("Agency")').first().click();
    await page.locator('creator-inbox >> [role="tab"][aria-selected="true"]:has-text("Agency")').first().waitFor({ timeout: 15_000 });
    await rows.first().waitFor({ timeout: 15_000 });
    await violations('the Agency tab');
    return 'no violations';
  });
} finally {
  await browser.close();
  await site.close();
  await server.close();
  await demo.close();
}
console.log(`embed: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
