/**
 * Every failure the SDK reports is a {@link CimError} with a stable `code`, so callers branch on
 * codes, never on message strings.
 * @packageDocumentation
 */

/** Stable machine-readable error codes. New codes may be added in minor versions. */
export type CimErrorCode =
  /** The request never got an HTTP answer (offline, DNS, connection reset). */
  | 'network'
  /** The request took longer than the configured timeout. */
  | 'timeout'
  /** The caller aborted the request through its AbortSignal. */
  | 'aborted'
  /** The server answered with an error status; see {@link ServerError.status}. */
  | 'server'
  /** The server is overloaded or down (429/503) and asked to wait longer than the SDK waits (60 s), or kept failing. */
  | 'unavailable'
  /** The client was disposed; it makes no more requests. */
  | 'disposed'
  /** Real time needs a WebSocket and none exists here (Node 20): pass `webSocket` to `createClient`. */
  | 'no_websocket'
  /** The token provider failed, or the server refused the refreshed token. */
  | 'unauthorized'
  /** A payload from the server did not match the wire contract. */
  | 'invalid_payload'
  /** The caller passed an argument the SDK cannot accept. */
  | 'invalid_argument'
  /** A Creator IM rule forbids the action (see {@link RuleViolationCode}). */
  | 'rule_violation';

/** Rules of the user guide that the SDK enforces before anything reaches the server. */
export type RuleViolationCode =
  | 'agreements_not_acknowledged'
  | 'invalid_transition'
  | 'seller_blocked'
  | 'not_a_seller_conversation'
  | 'not_an_agency_conversation'
  | 'not_linked'
  | 'unknown_entity'
  | 'empty_message';

/** Base class of every error the SDK throws, rejects with or emits. */
export class CimError extends Error {
  /** Machine-readable reason. */
  readonly code: CimErrorCode;

  constructor(code: CimErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CimError';
    this.code = code;
  }
}

/** The request failed before any HTTP answer: offline, refused, reset, timed out or aborted. */
export class NetworkError extends CimError {
  constructor(code: 'network' | 'timeout' | 'aborted', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'NetworkError';
  }
}

/** The server answered with a non-2xx status and (usually) an error body `{ error: { code, message } }`. */
export class ServerError extends CimError {
  /** HTTP status. */
  readonly status: number;
  /** The server's own error code from the body, e.g. `seller_blocked`, or `unknown`. */
  readonly serverCode: string;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfter: number | undefined;

  constructor(status: number, serverCode: string, message: string, retryAfter?: number) {
    super(status === 401 ? 'unauthorized' : status === 429 || status === 503 ? 'unavailable' : 'server', message);
    this.name = 'ServerError';
    this.status = status;
    this.serverCode = serverCode;
    this.retryAfter = retryAfter;
  }
}

/** A payload did not match the wire contract. The state was left untouched. */
export class ValidationError extends CimError {
  /** Human-readable list of what did not match, path first. */
  readonly issues: readonly string[];

  constructor(what: string, issues: readonly string[], options?: { cause?: unknown }) {
    super('invalid_payload', `Invalid ${what}: ${issues.slice(0, 3).join('; ')}`, options);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** The caller passed something the SDK cannot accept (empty id, wrong type, negative limit…). */
export class ArgumentError extends CimError {
  constructor(message: string) {
    super('invalid_argument', message);
    this.name = 'ArgumentError';
  }
}

/** A rule of Creator IM forbids the action, e.g. accepting before every agreement is acknowledged. */
export class RuleViolationError extends CimError {
  /** Which rule. */
  readonly rule: RuleViolationCode;

  constructor(rule: RuleViolationCode, message: string) {
    super('rule_violation', message);
    this.name = 'RuleViolationError';
    this.rule = rule;
  }
}

/** A bad record the server sent: left out of its view, reported once with the id it carried. */
export class InvalidRecordError extends ValidationError {
  /** The id of the record left out (or `(unknown)`). */
  readonly recordId: string;

  constructor(what: string, recordId: string, issues: readonly string[]) {
    super(`${what} "${recordId}"`, issues);
    this.name = 'InvalidRecordError';
    this.recordId = recordId;
  }
}

/** The client was disposed: every later call rejects with this. */
export const disposedError = (): CimError => new CimError('disposed', 'This Creator IM client was disposed; create a new one.');

/** Wraps anything thrown into a {@link CimError}, keeping the original as `cause`. */
export function toCimError(error: unknown): CimError {
  if (error instanceof CimError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CimError('network', message, { cause: error });
}
