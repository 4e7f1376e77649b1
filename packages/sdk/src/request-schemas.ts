/**
 * The wire contract's requests: one valibot schema per request body and query, with the limits a
 * server enforces. The bodies the SDK itself sends are defined in schemas.ts (beside {@link LIMITS},
 * so a limit is written once) and re-exported here under the names servers use; the contract
 * documents (OpenAPI, AsyncAPI) are generated from these and from schemas.ts. See docs/api.md.
 * @packageDocumentation
 */
import * as v from 'valibot';
import { IdSchema, LIMITS, QuickRepliesSchema, SampleRequestBodySchema, SendTextRequestSchema } from './schemas.js';

export { AcceptInvitationRequestSchema, AddToShowcaseRequestSchema, OpenConversationRequestSchema, StarRequestSchema } from './schemas.js';

/** Page sizes: the default and the most a server returns; larger asks are clamped, not refused. */
export const PAGE_LIMITS = {
  conversations: { default: 30, max: LIMITS.page },
  messages: { default: 30, max: LIMITS.page },
  events: { default: 500, max: 1000 },
} as const;
/** The largest request body a server must accept, in bytes. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A search query's length, at most. */
export const MAX_QUERY_LENGTH = 200;

const integer = v.pipe(v.string(), v.regex(/^-?\d{1,15}$/, 'an integer'));

/** `POST /api/conversations/:id/messages`: a text the creator sends; `clientId` makes retries idempotent. */
export const SendMessageRequestSchema = SendTextRequestSchema;
/** `POST /api/conversations/:id/samples`. */
export const RequestSampleRequestSchema = SampleRequestBodySchema;
/** `PUT /api/quick-replies`: the whole list, in order. */
export const QuickRepliesRequestSchema = QuickRepliesSchema;

/** `GET /api/conversations` query. */
export const ConversationsQuerySchema = v.object({
  tab: v.optional(v.picklist(['shop', 'collab', 'agency'])),
  filter: v.optional(v.picklist(['all', 'new', 'starred', 'unread', 'unreplied'])),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(400))),
  limit: v.optional(integer),
});
/** `GET /api/conversations/:id/messages` query. */
export const MessagesQuerySchema = v.object({ before: v.optional(integer), limit: v.optional(integer) });
/** `GET /api/events` query: the events after a sequence number. */
export const EventsQuerySchema = v.object({ after: v.optional(integer), limit: v.optional(integer) });
/** `GET /api/search` query. */
export const SearchQuerySchema = v.object({ q: v.optional(v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH))) });
/** An id in a path, as the contract accepts it. */
export { IdSchema };

/** The error body of every non-2xx answer. */
export const ErrorBodySchema = v.object({ error: v.object({ code: v.pipe(v.string(), v.minLength(1)), message: v.string() }) });
