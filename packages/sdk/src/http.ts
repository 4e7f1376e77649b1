/**
 * HTTP over fetch: timeouts, caller AbortSignals, retries with exponential backoff and full jitter
 * for idempotent requests (and 429/5xx, honouring Retry-After) and one token refresh on 401. It
 * answers parsed JSON; the core validates it (schemas.ts, a chunk loaded beside the first request).
 * @packageDocumentation
 */
import { ArgumentError, CimError, disposedError, NetworkError, ServerError } from './errors.js';

/**
 * Supplies the bearer token. `refresh: true` after the server refused the previous one. Return the
 * string itself when you have it (not a promise): the first requests then leave in the same task as
 * `start()`, before anything the page has queued (an async provider costs them a few microtask turns
 * behind, e.g., an element's first render).
 */
export type TokenProvider = (options: { refresh: boolean }) => string | Promise<string>;

/** Transport tuning, all optional. */
export interface HttpOptions {
  /** Base URL of the Creator IM API, e.g. `https://api.example.com` or `/` for the same origin. */
  baseUrl: string;
  token: TokenProvider;
  /** A fetch implementation (tests, Node polyfills); the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout, ms (default 10 000). */
  timeoutMs?: number;
  /** Retries after the first attempt for retryable failures (default 4). */
  retries?: number;
  /** First backoff delay, ms (default 250); doubles each retry up to `maxBackoffMs` (default 8 000). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Random source in [0, 1) for jitter; injectable so tests are deterministic. */
  random?: () => number;
  /** Longest `Retry-After` the SDK waits for, seconds (default 60); a longer one rejects at once with `unavailable`. */
  maxRetryAfterS?: number;
}

/** One request. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  signal?: AbortSignal;
  /** Safe to repeat: GETs, and writes the server de-duplicates (client ids). Defaults to true for GET. */
  idempotent?: boolean;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NetworkError('aborted', 'Request aborted.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new NetworkError('aborted', 'Request aborted.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Drops keys whose value is undefined, so `{ ...defaults, ...definedOnly(options) }` keeps a
 * default when a caller passes `timeoutMs: undefined` (as wrappers forwarding their options do).
 */
export function definedOnly<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;
}

/** Makes requests against the Creator IM API. One instance per client. */
export class HttpTransport {
  private readonly options: Required<Omit<HttpOptions, 'fetch'>> & { fetch: typeof globalThis.fetch };
  private token: string | Promise<string> | undefined;
  /** Set by {@link close}: every pending request and wait ends with `disposed`. */
  private closed = false;
  /** One controller per running request, aborted by {@link close}. */
  private readonly running = new Set<AbortController>();

  constructor(options: HttpOptions) {
    if (typeof options.baseUrl !== 'string') throw new ArgumentError('baseUrl must be a string.');
    if (typeof options.token !== 'function') throw new ArgumentError('token must be a function returning the bearer token.');
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new ArgumentError('No fetch implementation: pass options.fetch.');
    this.options = {
      timeoutMs: 10_000,
      retries: 4,
      backoffMs: 250,
      maxBackoffMs: 8_000,
      random: Math.random,
      maxRetryAfterS: 60,
      ...definedOnly(options),
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      // Called unbound: some fetch implementations throw when `this` is not the global.
      fetch: (input, init) => fetchImpl(input, init),
    };
  }

  /**
   * A `JSON.parse` reviver for the contract's media URLs (`avatarUrl`, `imageUrl`, an agreement's
   * `url`): absolute or relative to the API, so they resolve against `baseUrl` (not the page);
   * anything but http(s) becomes null.
   */
  readonly media = (key: string, value: unknown): unknown => {
    if (!/^(avatarU|imageU|u)rl$/.test(key) || typeof value !== 'string') return value;
    try {
      const url = new URL(value, new URL(`${this.options.baseUrl}/`, globalThis.location?.href));
      return /^https?:$/.test(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  };

  /** The URL of a path, with query parameters. */
  url(path: string, query: RequestOptions['query'] = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
    const search = params.toString();
    return `${this.options.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  /**
   * The current token, asked for once and shared between concurrent requests. A provider that
   * answers synchronously (a string) gives the string itself, so the request leaves in the caller's
   * task instead of behind every microtask already queued (an element's first render: ~35 ms).
   */
  getToken(refresh = false): string | Promise<string> {
    if (refresh || this.token === undefined) {
      let answer: unknown;
      try {
        answer = this.options.token({ refresh });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error))); // not cached
      }
      if (typeof answer === 'string' && answer) return (this.token = answer);
      const pending = Promise.resolve(answer).then((token) => {
        if (typeof token !== 'string' || !token) throw new CimError('unauthorized', 'The token provider returned no token.');
        return token;
      });
      // A failed provider call must not be cached; a good one is kept as the string itself.
      pending.then(
        (token) => {
          if (this.token === pending) this.token = token;
        },
        () => {
          if (this.token === pending) this.token = undefined;
        },
      );
      this.token = pending;
    }
    return this.token;
  }

  /** Ends every pending request and wait with `disposed`; later requests reject with it too. */
  close(): void {
    this.closed = true;
    for (const controller of this.running) controller.abort();
  }

  /** Sends a request and returns its answer's JSON (media URLs resolved; see {@link media}), not yet validated. */
  async request(path: string, request: RequestOptions): Promise<unknown> {
    const method = request.method ?? 'GET';
    const idempotent = request.idempotent ?? method === 'GET';
    const controller = new AbortController();
    const abort = () => controller.abort();
    if (request.signal?.aborted) abort();
    request.signal?.addEventListener('abort', abort, { once: true });
    this.running.add(controller);
    try {
      return await this.run(path, method, idempotent, { ...request, signal: controller.signal });
    } finally {
      this.running.delete(controller);
      request.signal?.removeEventListener('abort', abort);
    }
  }

  private async run(path: string, method: string, idempotent: boolean, call: RequestOptions & { signal: AbortSignal }): Promise<unknown> {
    const { signal } = call;
    // The token is refreshed once per request, on the attempt right after a 401.
    let refreshed = false;
    let refreshNow = false;
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.closed) throw disposedError();
        const response = await this.attempt(path, method, call, refreshNow);
        refreshNow = false;
        if (response.status === 401 && !refreshed) {
          refreshed = refreshNow = true;
          attempt--; // a token refresh is not a retry
          continue;
        }
        const body = await readBody(response, `${method} ${path}`, this.media);
        if (!response.ok) throw serverError(response, body);
        if (body === undefined) throw new NetworkError('network', `${method} ${path}: the answer was empty or cut off.`);
        return body;
      } catch (error) {
        if (this.closed) throw disposedError();
        const failure = error instanceof CimError ? error : new NetworkError('network', describe(error), { cause: error });
        const retryAfter = failure instanceof ServerError ? failure.retryAfter : undefined;
        if (retryAfter !== undefined && retryAfter > this.options.maxRetryAfterS) {
          throw new CimError('unavailable', `The server asked to wait ${retryAfter} s; try again later.`, { cause: failure });
        }
        if (attempt >= this.options.retries || !retryable(failure, idempotent)) throw failure;
        const backoff = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** attempt) * this.options.random();
        await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoff, signal);
      }
    }
  }

  private async attempt(path: string, method: string, request: RequestOptions, refresh: boolean): Promise<Response> {
    if (request.signal?.aborted) throw new NetworkError('aborted', 'Request aborted.');
    const known = this.getToken(refresh);
    // No await when the token is known: the request leaves now (see getToken).
    const token = typeof known === 'string' ? known : await known;
    if (request.signal?.aborted) throw new NetworkError('aborted', 'Request aborted.');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.options.fetch(this.url(path, request.query), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
    } catch (error) {
      if (timedOut) throw new NetworkError('timeout', `${method} ${path} timed out after ${this.options.timeoutMs} ms.`);
      if (request.signal?.aborted) throw new NetworkError('aborted', 'Request aborted.');
      throw new NetworkError('network', `${method} ${path} failed: ${describe(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * Reads an answer's JSON. A body that cannot be read or parsed (a connection cut mid-answer) is a
 * network failure, retried like one; `undefined` for an empty body.
 */
async function readBody(response: Response, what: string, reviver: (key: string, value: unknown) => unknown): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new NetworkError('network', `${what}: the answer was cut off (${describe(error)}).`, { cause: error });
  }
  if (!text) return undefined;
  try {
    return JSON.parse(text, reviver) as unknown;
  } catch (error) {
    if (!response.ok) return undefined; // an error page: the status says enough
    throw new NetworkError('network', `${what}: the answer was cut off or unreadable.`, { cause: error });
  }
}

function retryable(error: CimError, idempotent: boolean): boolean {
  if (error.code === 'aborted' || error.code === 'invalid_payload') return false;
  if (error.code === 'disposed' || error.code === 'unauthorized') return false;
  if (error instanceof ServerError) return error.status === 429 || (idempotent && error.status >= 500);
  // A timeout or reset may have reached the server: repeat only what the server de-duplicates.
  return idempotent;
}

function serverError(response: Response, body: unknown): ServerError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const retryAfterHeader = response.headers.get('retry-after');
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
  return new ServerError(
    response.status,
    typeof error?.code === 'string' ? error.code : 'unknown',
    typeof error?.message === 'string' ? error.message : `The server answered ${response.status}.`,
    retryAfter,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
