/**
 * The mock backend: a stateful, deterministic model of the Creator IM server (model.ts), seeded
 * with sellers and agencies (data.ts, seed.ts), answering the wire contract of docs/api.md through
 * one request adapter (adapter.ts → routes.ts, control.ts) that both MSW (handlers.ts) and the
 * real Node server (server.ts) call.
 */
import { MockBackend, type BackendOptions } from './model.js';

export { MockBackend, type BackendOptions, type Knobs, type LoggedEvent, type MockResponse, type MessageContent } from './model.js';

/** Creates a backend with the default seed. */
export function createBackend(options: BackendOptions = {}): MockBackend {
  return new MockBackend(options);
}
