// Headless-Chromium screenshots, printing the page's console errors.
//   node scripts/screenshot.mjs URL OUT.png [width] [height] [wait-selector]   one page
//   node scripts/screenshot.mjs --tour URL OUT_DIR                               the demo at 1280×800 and
//     390×844, light, dark and Arabic: the inbox, an open conversation, and the seller console
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath, chromiumArgs } from './chromium.mjs';

const args = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const problems = [];
const watch = (page) => {
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
};

if (args[0] === '--tour') {
  const [, url, dir] = args;
  mkdirSync(dir, { recursive: true });
  const rows = 'creator-inbox >> cim-inbox-list >> .row';
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    for (const mode of ['light', 'dark', 'ar']) {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      watch(page);
      await page.goto(url);
      await page.locator(rows).first().waitFor({ timeout: 15_000 });
      if (mode === 'dark') await page.locator('#theme').click();
      if (mode === 'ar') {
        await page.locator('#lang').click();
        await page.locator('creator-inbox >> [role="tab"]:has-text("الوكالات")').first().waitFor();
      }
      await page.screenshot({ path: `${dir}/${w}-${mode}-inbox.png` });
      await page.locator(rows).nth(1).click();
      await page.locator('creator-inbox >> cim-message-log >> .msg').first().waitFor();
      await page.waitForTimeout(400); // pictures decode
      await page.screenshot({ path: `${dir}/${w}-${mode}-session.png` });
      await page.close();
    }
    const seller = await browser.newPage({ viewport: { width: w, height: h } });
    watch(seller);
    await seller.goto(new URL('/seller', url).href);
    await seller.waitForTimeout(800);
    await seller.screenshot({ path: `${dir}/${w}-seller.png` });
    await seller.close();
  }
} else {
  const [url, out, width = '1280', height = '800', selector] = args;
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  watch(page);
  await page.goto(url);
  if (selector) await page.locator(selector).first().waitFor({ timeout: 10_000 });
  else await page.waitForTimeout(1500);
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
}
await browser.close();
console.log(problems.length ? `console errors:\n${problems.join('\n')}` : 'no console errors');
