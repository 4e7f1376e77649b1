/** Helpers of the mock's own tests: raw HTTP requests (any path, any Host) and WebSocket probes. */
import { request as httpRequest } from 'node:http';
import { WebSocket } from 'ws';

/** A raw answer: status, headers, body text and (when JSON) the parsed body. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

/** Sends one request exactly as given: the path is not normalised, headers are not added. */
export function raw(base: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: { host: url.host, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          done({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    request.on('error', fail);
    request.end(options.body);
  });
}

/** JSON request with the demo token. */
export function api(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return raw(base, {
    method,
    path,
    headers: { authorization: 'Bearer demo-token', 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Opens a WebSocket and resolves with its first frame, or with the close code if it closes first. */
export function firstFrame(url: string, headers: Record<string, string> = {}): Promise<{ frame?: unknown; closeCode?: number; refused?: number }> {
  return new Promise((done) => {
    const socket = new WebSocket(url, { headers });
    socket.on('message', (data) => {
      done({ frame: JSON.parse(String(data)) as unknown });
      socket.close();
    });
    socket.on('close', (code) => done({ closeCode: code }));
    socket.on('unexpected-response', (_request, response) => {
      done({ refused: response.statusCode });
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}

/** The error code of an error body. */
export const errorCode = (answer: RawAnswer): string | undefined => (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
