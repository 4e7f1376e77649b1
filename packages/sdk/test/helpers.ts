import { setupServer } from 'msw/node';
import { createBackend, type BackendOptions, type MockBackend } from '../../../mocks/backend.js';
import { createHandlers } from '../../../mocks/handlers.js';
import { createClient, type ClientOptions, type CreatorImClient } from '@creator-im/sdk';

export const BASE = 'http://creator-im.test';

/** A backend served by MSW in Node, and a client on it (real time off unless asked). */
export function setup(options: BackendOptions & { client?: Partial<ClientOptions> } = {}) {
  const backend: MockBackend = createBackend(options);
  const server = setupServer(...createHandlers(backend));
  server.listen({ onUnhandledRequest: 'error' });
  const client: CreatorImClient = createClient({ baseUrl: BASE, token: () => 'test-token', webSocket: false, backoffMs: 1, random: () => 0.5, ...options.client });
  const errors: unknown[] = [];
  client.onError((error) => errors.push(error));
  return {
    backend,
    server,
    client,
    errors,
    close() {
      client.dispose();
      backend.dispose();
      server.close();
    },
  };
}

/** Waits until `check` returns true (polling), failing after `ms`. */
export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('Timed out waiting for condition');
    await new Promise((done) => setTimeout(done, 5));
  }
}

/** Pipes the backend's live events into the client, as the socket would. Returns the unsubscribe. */
export function pipeEvents(backend: MockBackend, client: CreatorImClient): () => void {
  return backend.subscribe((event) => client.receive(JSON.parse(JSON.stringify(event))));
}

/** The first conversation id of a party. */
export function conversationOf(backend: MockBackend, partyId: string): string {
  for (const conversation of backend.conversations.values()) if (conversation.counterpart.id === partyId) return conversation.id;
  throw new Error(`no conversation with ${partyId}`);
}
