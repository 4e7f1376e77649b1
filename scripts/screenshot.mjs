// Takes a headless-Chromium screenshot of a page and prints its console errors.
// Usage: node scripts/screenshot.mjs URL OUT.png [width] [height] [wait-selector]
import { chromium } from 'playwright-core';
import { chromiumPath, chromiumArgs } from './chromium.mjs';

const [url, out, width = '1280', height = '800', selector] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
const problems = [];
page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
page.on('pageerror', (error) => problems.push(String(error)));
await page.goto(url);
if (selector) await page.locator(selector).first().waitFor({ timeout: 10_000 });
else await page.waitForTimeout(1500);
await page.waitForTimeout(500);
await page.screenshot({ path: out });
await browser.close();
console.log(problems.length ? `console errors:\n${problems.join('\n')}` : 'no console errors');
