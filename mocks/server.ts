/**
 * The mock backend as a real server on localhost: real HTTP and a real WebSocket (`ws`), plus the
 * demo's static files. Used by `npm start` and by the reliability tests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createBackend, type BackendOptions, type MockBackend } from './backend.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends BackendOptions {
  port?: number;
  host?: string;
  /** Folders whose files are served as-is, first match wins (the demo pages and the built bundle). */
  staticRoots?: { prefix: string; dir: string }[];
  /** Headers added to every static file (the demo's Content-Security-Policy). */
  staticHeaders?: Record<string, string>;
}

/** A running server. */
export interface RunningServer {
  backend: MockBackend;
  url: string;
  /** Closes every open socket abruptly, as a network failure would. */
  dropSockets(): number;
  close(): Promise<void>;
  server: Server;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('Body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/** Starts the server; resolves once it listens. Port 0 picks a free port. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const backend = createBackend(options);
  const roots = (options.staticRoots ?? []).map((root) => ({ ...root, dir: resolve(root.dir) }));

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/mock/')) {
        let body: unknown;
        try {
          body = await readJson(request);
        } catch {
          return send(response, 400, { error: { code: 'invalid_argument', message: 'Body is not JSON.' } });
        }
        if (backend.knobs.latencyMs > 0) await new Promise((done) => setTimeout(done, backend.knobs.latencyMs));
        const auth = request.headers.authorization;
        const answer = backend.handle({
          method: request.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          body,
          token: auth?.startsWith('Bearer ') ? auth.slice(7) : null,
        });
        if (answer.delayMs) await new Promise((done) => setTimeout(done, answer.delayMs));
        if (response.destroyed) return;
        return send(response, answer.status, answer.body, answer.headers);
      }
      for (const root of roots) {
        if (!url.pathname.startsWith(root.prefix)) continue;
        let relative = decodeURIComponent(url.pathname.slice(root.prefix.length));
        if (relative === '' || relative.endsWith('/')) relative += 'index.html';
        const file = normalize(join(root.dir, relative));
        if (!file.startsWith(root.dir)) break; // no escaping the root
        const candidates = extname(file) ? [file] : [file, `${file}.html`];
        for (const candidate of candidates) {
          try {
            if (!(await stat(candidate)).isFile()) continue;
            response.writeHead(200, { 'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream', ...options.staticHeaders });
            return response.end(await readFile(candidate));
          } catch {
            // try the next candidate
          }
        }
      }
      send(response, 404, { error: { code: 'not_found', message: 'Not found.' } });
    })().catch((error: unknown) => send(response, 500, { error: { code: 'internal', message: String(error) } }));
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/ws' || !url.searchParams.get('token')) return socket.destroy();
    wss.handleUpgrade(request, socket, head, (client) => {
      sockets.add(client);
      const unsubscribe = backend.subscribe((event) => {
        if (client.readyState === client.OPEN) client.send(JSON.stringify({ type: 'event', event }));
      });
      client.send(JSON.stringify({ type: 'hello', lastSeq: backend.lastSeq }));
      client.on('message', (data) => {
        if (String(data).includes('"ping"')) client.send(JSON.stringify({ type: 'pong' }));
      });
      client.on('close', () => {
        sockets.delete(client);
        unsubscribe();
      });
      client.on('error', () => client.terminate());
    });
  });

  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    backend,
    server,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    dropSockets() {
      const count = sockets.size;
      for (const client of sockets) client.terminate();
      return count;
    },
    async close() {
      backend.dispose();
      for (const client of sockets) client.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
