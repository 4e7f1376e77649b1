/**
 * Renders every story of the static Storybook build (`npm run build-storybook`) in headless
 * Chromium and fails on a console error, an uncaught exception or an axe violation. Stories tagged
 * `failure` show failures on purpose: the browser's own "Failed to load resource" lines are
 * expected there, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from '../mocks/server.js';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

interface Entry {
  id: string;
  title: string;
  name: string;
  type: string;
  tags?: string[];
}

const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, Entry> };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Page-level rules do not apply to a component rendered alone in a story.
const AXE_OPTIONS = { rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } } };

const server = await startServer({ staticRoots: [{ prefix: '/', dir: 'storybook-static' }] });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
let passed = 0;
const failures: string[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  for (const story of stories) {
    const page = await context.newPage();
    const problems: string[] = [];
    const failureStory = story.tags?.includes('failure') ?? false;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (message.location().url.endsWith('/favicon.ico')) return; // the browser's own request
      if (failureStory && message.text().startsWith('Failed to load resource')) return;
      problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`exception: ${String(error)}`));
    try {
      await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
      await page.waitForFunction(`document.querySelector('#storybook-root')?.childElementCount > 0`, undefined, { timeout: 15_000 });
      await page.waitForTimeout(1200); // data arrives, play functions run
      await page.addScriptTag({ content: axeSource });
      const violations = (await page.evaluate(`axe.run(document.querySelector('#storybook-root'), ${JSON.stringify(AXE_OPTIONS)}).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
      problems.push(...violations.map((v) => `axe: ${v}`));
    } catch (error) {
      problems.push(`render: ${String(error)}`);
    }
    await page.close();
    if (problems.length === 0) passed++;
    else failures.push(`✖ ${story.title} / ${story.name}\n    ${problems.join('\n    ')}`);
    console.log(`${problems.length ? '✖' : '✔'} ${story.title} / ${story.name}`);
  }
} finally {
  await browser.close();
  await server.close();
}
if (failures.length) console.log(`\n${failures.join('\n')}`);
console.log(`\nstories: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
