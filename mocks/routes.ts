/**
 * The REST routes of the wire contract as a table: each route of `@creator-im/sdk/contract` (method,
 * path, query and body schemas) with the model operation that serves it. `dispatch` validates every input before the
 * model sees it (400 `invalid_argument` in the error shape), clamps page sizes and never throws.
 */
import * as v from 'valibot';
import { INBOX_FILTERS, INBOX_TABS, type InboxFilter, type InboxTab } from '@creator-im/sdk';
import { PartySchema } from '@creator-im/sdk/schemas';
import { PAGE_LIMITS, ROUTES, type RouteKey } from '@creator-im/sdk/contract';
import { fail, json, type MockBackend, type MockResponse } from './model.js';
import type { ConversationKey } from './conversation-store.js';

/** What a route's handler gets: decoded path parameters, the validated query and body. */
export interface RouteInput<Q, B> {
  params: Record<string, string>;
  query: Q;
  body: B;
}

/** One route of a table. */
export interface Route<Q = unknown, B = unknown> {
  method: string;
  /** `/api/conversations/:id/messages`: `:name` segments are parameters (ids, 1–200 characters). */
  path: string;
  query?: v.GenericSchema<unknown, Q>;
  body?: v.GenericSchema<unknown, B>;
  run(model: MockBackend, input: RouteInput<Q, B>): MockResponse;
}

/** A route with its types checked, stored untyped in the table. */
export function route<Q = unknown, B = unknown>(definition: Route<Q, B>): Route {
  return definition as unknown as Route;
}

type Field<R, F extends string> = R extends Record<F, infer S extends v.GenericSchema> ? v.InferOutput<S> : undefined;
type ContractInput<K extends RouteKey> = RouteInput<Field<(typeof ROUTES)[K], 'query'>, Field<(typeof ROUTES)[K], 'body'>>;

/** A contract route (method, path and schemas from `@creator-im/sdk/contract`) served by `run`. */
function serve<K extends RouteKey>(key: K, run: (model: MockBackend, input: ContractInput<K>) => MockResponse): Route {
  const contract = ROUTES[key] as { method: string; path: string; query?: v.GenericSchema; body?: v.GenericSchema };
  return { method: contract.method, path: contract.path, query: contract.query, body: contract.body, run: run as Route['run'] };
}

const idSchema = PartySchema.entries.id;

/** A page size: the default when absent, clamped to 1…max otherwise. */
export function pageLimit(raw: string | undefined, limits: { default: number; max: number }): number {
  if (raw === undefined) return limits.default;
  return Math.max(1, Math.min(limits.max, Number(raw)));
}

/** The conversation cursor is the sort key of the last row sent: stable while rows move. */
export const encodeCursor = (key: ConversationKey): string => `${key.lastActivityAt}~${key.id}`;
function decodeCursor(cursor: string): ConversationKey | null {
  const at = cursor.indexOf('~');
  if (at < 1 || at === cursor.length - 1) return null;
  return { lastActivityAt: cursor.slice(0, at), id: cursor.slice(at + 1) };
}

/** Every REST route of the contract (`/api/...`): one entry per route of `ROUTES`. */
export const API_ROUTES: readonly Route[] = [
  serve('GET /api/inbox/summary', (model) => json(200, { unread: model.conversations.unread(), lastSeq: model.lastSeq, creator: model.seed.creator })),
  serve('GET /api/conversations', (model, { query }) => {
    const tab: InboxTab = query.tab ?? 'shop';
    const filter: InboxFilter = query.filter ?? 'all';
    if (!INBOX_TABS.includes(tab) || !INBOX_FILTERS.includes(filter)) return fail(400, 'invalid_argument', 'Unknown tab or filter.');
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    if (query.cursor && !cursor) return fail(400, 'invalid_argument', 'cursor is not one this server gave.');
    const limit = pageLimit(query.limit, PAGE_LIMITS.conversations);
    const page = model.conversations.page(tab, filter, cursor, limit);
    const last = page.conversations.at(-1);
    return json(200, { conversations: page.conversations, nextCursor: page.more && last ? encodeCursor(last) : null, lastSeq: model.lastSeq });
  }),
  serve('POST /api/conversations/open', (model, { body }) => model.open(body.sellerId, body.entrance)),
  serve('GET /api/conversations/:id/messages', (model, { params, query }) => {
    const messages = model.messages.get(params.id!);
    if (!messages) return fail(404, 'not_found', 'No such conversation.');
    const limit = pageLimit(query.limit, PAGE_LIMITS.messages);
    const before = query.before === undefined ? Infinity : Number(query.before);
    // Messages are in seq order: the page ends before the first message at or after `before`.
    let lo = 0;
    let hi = messages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (messages[mid]!.seq < before) lo = mid + 1;
      else hi = mid;
    }
    const page = messages.slice(Math.max(0, lo - limit), lo);
    const olderCursor = lo - limit > 0 && page[0] ? String(page[0].seq) : null;
    // Cards as they are now (one source of truth with the events), and the sequence they reflect.
    const live = page.map((m) =>
      m.type === 'SAMPLE_REQUEST' ? { ...m, sample: model.samples.get(m.sample.id) ?? m.sample } : m.type === 'AGENCY_INVITATION' ? { ...m, invitation: model.invitations.get(m.invitation.id) ?? m.invitation } : m,
    );
    return json(200, { messages: live, olderCursor, lastSeq: model.lastSeq });
  }),
  serve('POST /api/conversations/:id/messages', (model, { params, body }) => model.creatorSend(params.id!, body.clientId, body.text)),
  serve('POST /api/conversations/:id/samples', (model, { params, body }) => model.requestSample(params.id!, body.clientId, body.productId)),
  serve('POST /api/conversations/:id/read', (model, { params }) => model.markRead(params.id!)),
  serve('PUT /api/conversations/:id/star', (model, { params, body }) => model.star(params.id!, body.starred)),
  serve('GET /api/showcase', (model) => json(200, { productIds: [...model.showcase] })),
  serve('POST /api/showcase/products', (model, { body }) => model.addToShowcase(body.productIds)),
  serve('GET /api/blocks', (model) => json(200, { sellers: model.seed.sellers.filter((seller) => model.blocked.has(seller.id)) })),
  serve('PUT /api/blocks/:sellerId', (model, { params }) => model.setBlocked(params.sellerId!, true)),
  serve('DELETE /api/blocks/:sellerId', (model, { params }) => model.setBlocked(params.sellerId!, false)),
  serve('GET /api/agency-links', (model) => json(200, { links: [...model.links].map(([agencyId, state]) => ({ agencyId, state })) })),
  serve('POST /api/agency-links/:agencyId/unlink', (model, { params }) => model.unlink(params.agencyId!)),
  serve('POST /api/invitations/:id/accept', (model, { params, body }) => model.decide(params.id!, 'accept', body.agreementIds)),
  serve('POST /api/invitations/:id/decline', (model, { params }) => model.decide(params.id!, 'decline', [])),
  serve('GET /api/quick-replies', (model) => json(200, { replies: model.quickReplies })),
  serve('PUT /api/quick-replies', (model, { body }) => {
    model.quickReplies = body.replies.map((reply) => ({ id: reply.id, text: reply.text }));
    return json(200, { replies: model.quickReplies });
  }),
  serve('GET /api/search', (model, { query }) => model.search(query.q ?? '')),
  serve('GET /api/events', (model, { query }) => {
    const after = Math.max(0, Number(query.after ?? 0));
    return json(200, { events: model.eventsAfter(after, pageLimit(query.limit, PAGE_LIMITS.events)), lastSeq: model.lastSeq });
  }),
];

/** A bad-input answer naming what failed. */
function invalid(what: string, issues: readonly v.BaseIssue<unknown>[]): MockResponse {
  const details = issues.slice(0, 5).map((issue) => `${v.getDotPath(issue) ?? what}: ${issue.message}`);
  return fail(400, 'invalid_argument', `Invalid ${what}. ${details.join('; ')}`);
}

/** The query as an object of its first values (repeated keys: the first wins). */
function queryObject(query: URLSearchParams): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of query) if (!(key in object)) object[key] = value;
  return object;
}

/** Splits a path into decoded segments; null when a segment is not valid percent-encoding. */
export function segments(path: string): string[] | null {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/**
 * Finds the route of `method path` in `table` and runs it on validated input. 404 when no path
 * matches, 405 when the path exists for other methods, 400 for a malformed path, query or body.
 */
export function dispatch(table: readonly Route[], model: MockBackend, method: string, path: string, query: URLSearchParams, body: unknown): MockResponse {
  const parts = segments(path);
  if (!parts) return fail(400, 'invalid_argument', 'The path is not valid percent-encoding.');
  const allowed: string[] = [];
  for (const candidate of table) {
    const pattern = candidate.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let matches = true;
    for (let i = 0; i < pattern.length && matches; i++) {
      if (pattern[i]!.startsWith(':')) params[pattern[i]!.slice(1)] = parts[i]!;
      else matches = pattern[i] === parts[i];
    }
    if (!matches) continue;
    if (candidate.method !== method) {
      allowed.push(candidate.method);
      continue;
    }
    for (const [name, value] of Object.entries(params)) {
      if (!v.is(idSchema, value)) return fail(400, 'invalid_argument', `${name} must be 1–200 characters.`);
    }
    const parsedQuery = v.safeParse(candidate.query ?? v.unknown(), queryObject(query));
    if (!parsedQuery.success) return invalid('query', parsedQuery.issues);
    const parsedBody = v.safeParse(candidate.body ?? v.unknown(), candidate.body ? body : undefined);
    if (!parsedBody.success) return invalid('body', parsedBody.issues);
    return candidate.run(model, { params, query: parsedQuery.output, body: parsedBody.output });
  }
  if (allowed.length) return { ...fail(405, 'method_not_allowed', `${method} is not allowed here.`), headers: { allow: allowed.join(', ') } };
  return fail(404, 'not_found', `No route ${method} ${path.slice(0, 200)}.`);
}
