/**
 * Argument checks of the public methods: every one throws (or, in async methods, rejects with)
 * {@link ArgumentError} before anything is requested. Limits come from `vocabulary.ts`.
 * @packageDocumentation
 */
import { ArgumentError } from './errors.js';
import { LIMITS } from './vocabulary.js';

/** Throws {@link ArgumentError} unless `value` is an id the contract accepts (1–200 characters). */
export function requireId(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > LIMITS.id) {
    throw new ArgumentError(`${name} must be a string of 1 to ${LIMITS.id} characters.`);
  }
}

/** Throws {@link ArgumentError} unless `value` is a string. */
export function requireString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw new ArgumentError(`${name} must be a string.`);
}

/** Throws {@link ArgumentError} unless `value` is an options object (or undefined). */
export function requireOptions(value: unknown, name = 'options'): void {
  if (value !== undefined && (value === null || typeof value !== 'object')) throw new ArgumentError(`${name} must be an object.`);
  const signal = (value as { signal?: unknown } | undefined)?.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new ArgumentError('signal must be an AbortSignal.');
  const limit = (value as { limit?: unknown } | undefined)?.limit;
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > LIMITS.page)) {
    throw new ArgumentError(`limit must be an integer from 1 to ${LIMITS.page}.`);
  }
}

/** Throws {@link ArgumentError} unless `value` is an AbortSignal or undefined. */
export function requireSignal(value: unknown): asserts value is AbortSignal | undefined {
  if (value !== undefined && !(value instanceof AbortSignal)) throw new ArgumentError('signal must be an AbortSignal.');
}
