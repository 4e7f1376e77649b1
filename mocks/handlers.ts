/**
 * The mock backend served through MSW: HTTP routes and the real-time WebSocket, for Storybook,
 * the browser tests and any page that starts the MSW worker.
 */
import { http, HttpResponse, ws, delay } from 'msw';
import type { MockBackend } from './backend.js';

async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Symbol.for('invalid-json');
  }
}

/** MSW handlers answering every route of the wire contract from `backend`. */
export function createHandlers(backend: MockBackend) {
  const socket = ws.link(/\/api\/ws(\?.*)?$/);
  return [
    http.all(/\/(api|mock)\//, async ({ request }) => {
      const url = new URL(request.url);
      const body = await readBody(request);
      if (typeof body === 'symbol') return HttpResponse.json({ error: { code: 'invalid_argument', message: 'Body is not JSON.' } }, { status: 400 });
      if (backend.knobs.latencyMs > 0) await delay(backend.knobs.latencyMs);
      const auth = request.headers.get('authorization');
      const response = backend.handle({
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        body,
        token: auth?.startsWith('Bearer ') ? auth.slice(7) : null,
      });
      if (response.delayMs) await delay(response.delayMs);
      return HttpResponse.json(response.body as never, { status: response.status, headers: response.headers });
    }),
    socket.addEventListener('connection', ({ client }) => {
      const token = new URL(client.url).searchParams.get('token');
      if (!token) return client.close(4401, 'unauthorized');
      const unsubscribe = backend.subscribe((event) => client.send(JSON.stringify({ type: 'event', event })));
      client.send(JSON.stringify({ type: 'hello', lastSeq: backend.lastSeq }));
      client.addEventListener('message', (message) => {
        if (String(message.data).includes('"ping"')) client.send(JSON.stringify({ type: 'pong' }));
      });
      client.addEventListener('close', unsubscribe);
    }),
  ];
}
