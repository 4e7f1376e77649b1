/** Assertions of the kit: each failure names what the contract says and what the server did. */
import * as v from 'valibot';
import { ErrorBodySchema } from '@creator-im/sdk/contract';
import type { Answer } from './client.js';

/** A broken rule: the report shows its message. */
export class Failure extends Error {}

/** A check that cannot run against this server's data (reported, not failed). */
export class Skip extends Error {}

/** Fails with `message` unless `condition` holds. */
export function ensure(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

const describe = (answer: Answer) => `${answer.status} ${answer.text.slice(0, 160)}`;

/** The answer has `status`. */
export function expectStatus(answer: Answer, status: number, what: string): void {
  ensure(answer.status === status, `${what}: expected ${status}, got ${describe(answer)}`);
}

/** `value` matches `schema`; the failure lists the first paths that do not. */
export function expectShape<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issues = result.issues.slice(0, 3).map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  throw new Failure(`${what} does not match the contract's shape: ${issues.join('; ')}`);
}

/** A 200 whose body matches `schema`. */
export function expectOk<S extends v.GenericSchema>(answer: Answer, schema: S, what: string): v.InferOutput<S> {
  expectStatus(answer, 200, what);
  return expectShape(schema, answer.body, what);
}

/** An error answer: one of `statuses`, in the error shape, with `code` when given. */
export function expectError(answer: Answer, statuses: number | readonly number[], what: string, code?: string): void {
  const allowed = typeof statuses === 'number' ? [statuses] : statuses;
  ensure(allowed.includes(answer.status), `${what}: expected ${allowed.join(' or ')}, got ${describe(answer)}`);
  const body = expectShape(ErrorBodySchema, answer.body, `${what} (${answer.status} error body)`);
  if (code) ensure(body.error.code === code, `${what}: expected error code "${code}", got "${body.error.code}"`);
}
