/**
 * The failure path of the HTTP transport, a lazy chunk loaded on the first failed attempt: which
 * failures are retried, the backoff with full jitter, Retry-After, and server error answers.
 * @packageDocumentation
 */
import { CimError, NetworkError, ServerError } from './errors.js';
import type { HttpTuning } from './http.js';

const aborted = () => new NetworkError('aborted', 'Request aborted.');

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(aborted());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** Throws `error` (as a {@link CimError}) when it is final; otherwise waits out the backoff of try `attempt`. */
export async function backOff(error: unknown, attempt: number, idempotent: boolean, options: HttpTuning, signal: AbortSignal): Promise<void> {
  const failure = error instanceof CimError ? error : new NetworkError('network', error instanceof Error ? error.message : String(error), { cause: error });
  const retryAfter = failure instanceof ServerError ? failure.retryAfter : undefined;
  if (retryAfter !== undefined && retryAfter > options.maxRetryAfterS) {
    throw new CimError('unavailable', `The server asked to wait ${retryAfter} s; try again later.`, { cause: failure });
  }
  if (attempt >= options.retries || !retryable(failure, idempotent)) throw failure;
  const backoff = Math.min(options.maxBackoffMs, options.backoffMs * 2 ** attempt) * options.random();
  await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoff, signal);
}

function retryable(error: CimError, idempotent: boolean): boolean {
  if (error.code === 'aborted' || error.code === 'invalid_payload') return false;
  if (error.code === 'disposed' || error.code === 'unauthorized') return false;
  if (error instanceof ServerError) return error.status === 429 || (idempotent && error.status >= 500);
  // A timeout or reset may have reached the server: repeat only what the server de-duplicates.
  return idempotent;
}

/** The error of an answer with a failure status. */
export function serverError(response: Response, body: unknown): ServerError {
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
