/** Story helpers: every story runs on its own seeded mock backend (the same model as tests and demo). */
import type { SetupWorker } from 'msw/browser';
import { createBackend, type BackendOptions, type MockBackend } from '../mocks/backend.js';
import { createHandlers } from '../mocks/handlers.js';

/** A `beforeEach` that serves a fresh backend, optionally prepared by `prepare`. */
export function withBackend(options: BackendOptions = {}, prepare?: (backend: MockBackend) => void) {
  return ({ msw }: { msw: SetupWorker }) => {
    const backend = createBackend(options);
    prepare?.(backend);
    msw.use(...createHandlers(backend));
  };
}
