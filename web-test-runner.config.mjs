// Element tests in real headless Chromium (Debian's /usr/bin/chromium, or CHROME_PATH).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';

const worker = fileURLToPath(new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url));

export default {
  files: ['packages/elements/src/**/*.test.ts', 'stories/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  rootDir: '.',
  concurrency: 1,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
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
function readWorker() {
  return readFileSync(worker, 'utf8');
}
