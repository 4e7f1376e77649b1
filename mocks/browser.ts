/**
 * Starts the mock backend inside a browser page through the MSW service worker (tests, demos
 * without a server). The worker script must be served at `/mockServiceWorker.js`.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createBackend, type BackendOptions, type MockBackend } from './backend.js';
import { createHandlers } from './handlers.js';

let worker: SetupWorker | undefined;

/** Starts (or re-targets) the worker at a fresh backend and returns it. */
export async function startMockBackend(options: BackendOptions = {}): Promise<MockBackend> {
  const backend = createBackend(options);
  if (!worker) {
    worker = setupWorker(...createHandlers(backend));
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  } else {
    worker.resetHandlers(...createHandlers(backend));
  }
  return backend;
}
