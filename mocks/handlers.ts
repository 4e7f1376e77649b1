/**
 * The mock backend served through MSW: HTTP routes, the `/media/` images and the real-time
 * WebSocket, for Storybook, the browser tests and any page that starts the MSW worker. Requests
 * go through the same adapter as the Node server's.
 */
import { http, HttpResponse, ws } from 'msw';
import { MAX_BODY_BYTES } from '@creator-im/sdk/contract';
import type { MockBackend } from './backend.js';
import { answer, authorize, type AdapterOptions } from './adapter.js';
import { attachSocket } from './socket.js';

async function readBody(request: Request): Promise<string | null | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) return null;
  return text || undefined;
}

/** MSW handlers answering every route of the wire contract from `backend`. */
export function createHandlers(backend: MockBackend, options: AdapterOptions = {}) {
  const socket = ws.link(/\/api\/ws(\?.*)?$/);
  return [
    http.all(/\/(api|mock|media)\//, async ({ request }) => {
      const response = await answer(backend, { method: request.method, url: new URL(request.url), headers: request.headers, body: await readBody(request) }, options);
      if (response.contentType) return new HttpResponse(response.body instanceof Uint8Array ? response.body : String(response.body), { status: response.status, headers: { 'content-type': response.contentType, ...response.headers } });
      return HttpResponse.json(response.body as never, { status: response.status, headers: response.headers });
    }),
    socket.addEventListener('connection', ({ client }) => {
      if (authorize(new URL(client.url).searchParams.get('token'))) return client.close(4401, 'unauthorized');
      const detach = attachSocket(backend, (text) => client.send(text));
      client.addEventListener('message', (message) => detach.receive(String(message.data)));
      client.addEventListener('close', detach.close);
    }),
  ];
}
