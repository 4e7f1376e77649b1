/**
 * The README's promise, checked: its embed snippet, served as a plain HTML page with the built
 * browser bundle, shows the inbox in headless Chromium. Builds the bundle first.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../mocks/server.js';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const readme = readFileSync('README.md', 'utf8');
const snippet = /<!-- embed-snippet[^>]*-->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
if (!snippet) throw new Error('README.md has no embed snippet (marked <!-- embed-snippet -->).');

execSync('npx rollup -c --silent', { stdio: 'inherit' });
const dir = mkdtempSync(join(tmpdir(), 'cim-embed-'));
writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head><body>\n${snippet}</body></html>`);
const server = await startServer({ staticRoots: [{ prefix: '/dist/', dir: 'packages/elements/dist' }, { prefix: '/', dir }] });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
let failed = 0;
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && errors.push(message.text()));
  await page.goto(`${server.url}/`);
  const row = page.locator('creator-inbox').getByRole('button', { name: /./ }).filter({ has: page.locator('.avatar') }).first();
  await row.waitFor({ timeout: 15_000 });
  const rows = await page.locator('creator-inbox').locator('.row').count();
  if (rows === 0 || errors.length) {
    failed = 1;
    console.log(`✖ the README embed snippet: ${rows} rows; ${errors.join('; ')}`);
  } else console.log(`✔ the README embed snippet shows the inbox from the built bundle (${rows} rows rendered)`);
} catch (error) {
  failed = 1;
  console.log(`✖ the README embed snippet: ${String(error)}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`embed: ${1 - failed} passed, ${failed} failed`);
process.exit(failed);
