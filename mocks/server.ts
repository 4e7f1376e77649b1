/**
 * The mock backend as a real server on localhost: real HTTP and a real WebSocket (`ws`), plus the
 * demo's static files. Used by `npm start`, the reliability tests and the conformance kit's CI run.
 * Requests go through the same adapter as MSW's; this file adds what only a real server needs:
 * the Host check (DNS rebinding), CORS for the configured origins, security headers on every
 * response, and static files that cannot leave their folder.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_BODY_BYTES } from '@creator-im/sdk/contract';
import { createBackend, type BackendOptions, type MockBackend } from './backend.js';
import { answer, authorize, originAllowed, originsFromEnv } from './adapter.js';
import { attachSocket } from './socket.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends BackendOptions {
  port?: number;
  host?: string;
  /** Folders whose files are served as-is, first match wins (the demo pages and the built bundle). */
  staticRoots?: { prefix: string; dir: string }[];
  /** Headers added to every response (the demo's Content-Security-Policy, which then also covers the API's). */
  staticHeaders?: Record<string, string>;
  /** Other origins allowed to call the API (CORS) and the WebSocket; default `CIM_ALLOWED_ORIGINS`. */
  allowedOrigins?: readonly string[];
  /** Host names served besides localhost, 127.0.0.1 and [::1]; default `CIM_ALLOWED_HOSTS`. */
  allowedHosts?: readonly string[];
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

/** A policy that forbids everything a JSON answer does not need; static files get the configured one. */
const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Reads the body as text; null once it exceeds the limit (the rest is drained, not buffered). */
async function readBody(request: IncomingMessage): Promise<string | null | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) return null;
  return size ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** The host name of a `Host` header, without the port (`[::1]` keeps its brackets). */
function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(:\d{1,5})?$/i.exec(header.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** Starts the server; resolves once it listens. Port 0 picks a free port. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const backend = createBackend(options);
  const roots = (options.staticRoots ?? []).map((root) => ({ ...root, dir: resolve(root.dir) }));
  const allowedOrigins = options.allowedOrigins ?? originsFromEnv(process.env.CIM_ALLOWED_ORIGINS);
  const boundHost = options.host && !['0.0.0.0', '::'].includes(options.host) ? [options.host.includes(':') ? `[${options.host}]` : options.host] : [];
  const allowedHosts = new Set(['localhost', '127.0.0.1', '[::1]', ...boundHost, ...(options.allowedHosts ?? originsFromEnv(process.env.CIM_ALLOWED_HOSTS))].map((host) => host.toLowerCase()));
  // Every answer: nosniff and the configured headers (the demo's CSP); JSON answers get a CSP even unconfigured.
  const fileHeaders = { 'x-content-type-options': 'nosniff', ...options.staticHeaders };
  const baseHeaders = { 'content-security-policy': DEFAULT_CSP, ...fileHeaders };

  /** CORS headers for a listed origin (none for same-origin or unknown ones). */
  const cors = (origin: string | undefined): Record<string, string> =>
    origin && allowedOrigins.includes(origin) ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'retry-after', vary: 'Origin' } : {};

  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType = 'application/json'): void {
    if (response.headersSent || response.destroyed) return;
    response.writeHead(status, { ...baseHeaders, 'content-type': contentType, 'cache-control': 'no-store', ...headers });
    response.end((typeof body === 'string' || body instanceof Uint8Array) && contentType !== 'application/json' ? body : JSON.stringify(body));
  }
  const refuse = (response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    send(response, status, { error: { code, message } }, headers);

  async function serveStatic(pathname: string, response: ServerResponse): Promise<boolean> {
    for (const root of roots) {
      if (!pathname.startsWith(root.prefix)) continue;
      let path: string;
      try {
        path = decodeURIComponent(pathname.slice(root.prefix.length));
      } catch {
        return false;
      }
      if (path === '' || path.endsWith('/')) path += 'index.html';
      const file = resolve(join(root.dir, path));
      // Inside the root, never beside it: `../demo-private` shares the root's prefix but not its folder.
      const inside = relative(root.dir, file);
      if (path.includes('\0') || inside.startsWith('..') || isAbsolute(inside)) return false;
      for (const candidate of extname(file) ? [file] : [file, `${file}.html`]) {
        try {
          if (!(await stat(candidate)).isFile()) continue;
          const content = await readFile(candidate);
          if (response.destroyed) return true;
          response.writeHead(200, { ...fileHeaders, 'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream' });
          response.end(content);
          return true;
        } catch {
          // try the next candidate
        }
      }
    }
    return false;
  }

  const server = createServer((request, response) => {
    void (async () => {
      const api = /^\/(api|mock|media)\//.test(request.url ?? '');
      // Bodies the API does not read are drained, so a kept-alive connection stays usable.
      if (!api || request.method === 'OPTIONS') await drained(request);
      if (!allowedHosts.has(hostName(request.headers.host) ?? '')) return refuse(response, 403, 'forbidden_host', 'This host name is not served here.');
      const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
      const origin = request.headers.origin;
      if (request.method === 'OPTIONS') {
        // A CORS preflight: no token needed, only a listed origin.
        if (!origin || !allowedOrigins.includes(origin)) return refuse(response, 403, 'forbidden_origin', 'Requests from this origin are not allowed.');
        return send(response, 204, '', {
          ...cors(origin),
          'access-control-allow-methods': 'GET, POST, PUT, DELETE',
          'access-control-allow-headers': 'authorization, content-type, accept',
          'access-control-max-age': '600',
        }, 'text/plain');
      }
      if (api) {
        const body = await readBody(request);
        const result = await answer(backend, { method: request.method ?? 'GET', url, headers: { get: (name) => header(request, name) }, body }, { allowedOrigins });
        return send(response, result.status, result.body, { ...cors(origin), ...result.headers }, result.contentType);
      }
      if ((request.method === 'GET' || request.method === 'HEAD') && (await serveStatic(url.pathname, response))) return;
      refuse(response, 404, 'not_found', 'Not found.');
    })().catch((error: unknown) => {
      console.error('mock server error', error);
      refuse(response, 500, 'internal', 'Internal error.');
    });
  });

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const reject = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    };
    if (!allowedHosts.has(hostName(request.headers.host) ?? '')) return reject('403 Forbidden');
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    if (url.pathname !== '/api/ws') return reject('404 Not Found');
    if (!originAllowed(request.headers.origin ?? null, url.origin, allowedOrigins)) return reject('403 Forbidden');
    wss.handleUpgrade(request, socket, head, (client) => {
      // The token is checked exactly as HTTP checks it; a refusal closes with 4401 so browsers see why.
      if (authorize(url.searchParams.get('token'))) return client.close(4401, 'unauthorized');
      sockets.add(client);
      const session = attachSocket(backend, (text) => {
        if (client.readyState === client.OPEN) client.send(text);
      });
      client.on('message', (data) => session.receive(String(data)));
      client.on('close', () => {
        sockets.delete(client);
        session.close();
      });
      client.on('error', () => client.terminate());
    });
  });

  await new Promise<void>((done) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  return {
    backend,
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    dropSockets() {
      const count = sockets.size;
      for (const client of sockets) client.terminate();
      return count;
    },
    async close() {
      backend.dispose();
      for (const client of sockets) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Reads and drops a request body: answering before it is read would cost the connection. */
function drained(request: IncomingMessage): Promise<void> {
  return new Promise((done) => {
    if (request.complete) return done();
    request.on('end', done);
    request.on('error', () => done());
    request.resume();
  });
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
