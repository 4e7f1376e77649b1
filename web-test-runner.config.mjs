// Element tests in real headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';

const worker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

export default {
  files: ['packages/elements/test/**/*.test.ts', 'packages/react/test/*.test.ts'],
  nodeResolve: { exportConditions: ['@creator-im/source', 'browser'] },
  rootDir: '.',
  concurrency: 1,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 60_000 } },
  // lit-virtualizer's ResizeObserver reports a benign loop as an error event whose `error` is null;
  // stopped here, before the runner's own listener logs it as a stray "null" (and before mocha).
  // It must be the page's first script: listeners run in the order they were added.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script src="/scripts/resize-observer-loop.js"></script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [
    reactBundles(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    {
      // The MSW worker must be served from the site root to control the test page.
      name: 'msw-worker',
      serve(context) {
        if (context.path === '/mockServiceWorker.js') return { body: readWorker(), type: 'js' };
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
    }),
  ],
};

import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * React ships CommonJS, which the browser cannot import as is: each React test file is bundled by
 * esbuild, with React 19 (the repository's) or React 18 (packages/react18-check) for every import.
 */
function reactBundles() {
  const react18 = fileURLToPath(new URL('./packages/react18-check/node_modules/', import.meta.url));
  return {
    name: 'react-bundles',
    async serve(context) {
      const match = context.path.match(/^\/packages\/react\/test\/react(18|19)\.test\.ts$/);
      if (!match) return undefined;
      const out = await build({
        entryPoints: [fileURLToPath(new URL(`.${context.path}`, import.meta.url))],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        write: false,
        conditions: ['@creator-im/source', 'browser'],
        tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
        define: { 'process.env.NODE_ENV': '"development"' },
        alias: match[1] === '18' ? { react: `${react18}react`, 'react-dom': `${react18}react-dom` } : {},
        logLevel: 'error',
      });
      return { body: out.outputFiles[0].text, type: 'js' };
    },
  };
}
function readWorker() {
  return readFileSync(worker, 'utf8');
}
