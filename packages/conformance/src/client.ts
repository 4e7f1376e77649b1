/**
 * The kit's view of a server: JSON requests that record every answer (so `Retry-After` can be
 * checked on any 429/503 seen) and a WebSocket probe that collects frames.
 */
import { WebSocket } from 'ws';

/** One answer: status, headers and body (parsed when JSON). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** Options of a request. */
export interface CallOptions {
  body?: unknown;
  /** A raw body string (not JSON-encoded). */
  raw?: string;
  /** `null`: no Authorization header; a string: that token instead of the kit's. */
  token?: string | null;
  query?: Record<string, string | number | undefined>;
}

/** An HTTP client bound to a base URL and a token, recording every answer. */
export class Client {
  readonly seen: { method: string; path: string; answer: Answer }[] = [];

  constructor(
    readonly baseUrl: string,
    readonly token: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Sends one request; network failures throw with the method and path named. */
  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const url = new URL(path.replace(/^\//, ''), this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? this.token : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new Error(`${method} ${url.pathname}: no answer (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    const answer = { status: response.status, headers: response.headers, body: parsed, text };
    this.seen.push({ method, path: url.pathname + url.search, answer });
    return answer;
  }

  /** The WebSocket URL of the real-time channel with a token (or none). */
  socketUrl(token: string | null): string {
    const url = new URL('api/ws', this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (token !== null) url.searchParams.set('token', token);
    return url.href;
  }
}

/** A connected socket collecting every frame it receives. */
export class SocketProbe {
  readonly frames: unknown[] = [];
  closeCode: number | undefined;
  refusedStatus: number | undefined;
  private waiters: (() => void)[] = [];
  private readonly socket: WebSocket;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        frame = { unparsable: String(data).slice(0, 200) };
      }
      this.frames.push(frame);
      this.wake();
    });
    this.socket.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
    this.socket.on('unexpected-response', (_request, response) => {
      this.refusedStatus = response.statusCode;
      this.closeCode = -1;
      this.wake();
      this.socket.terminate();
    });
    this.socket.on('error', () => this.wake());
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Waits until `check` holds (re-checked on every frame or close), or rejects after `ms`. */
  until(check: () => boolean, ms: number, what: string): Promise<void> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      const test = () => {
        if (check()) {
          clearTimeout(timer);
          done();
        } else this.waiters.push(test);
      };
      test();
    });
  }

  /** Sends a frame. */
  send(frame: unknown): void {
    this.socket.send(JSON.stringify(frame));
  }

  close(): void {
    this.socket.terminate();
  }
}
