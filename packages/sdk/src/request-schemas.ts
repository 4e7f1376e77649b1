/**
 * The wire contract's requests: one valibot schema per request body and query, with the limits a
 * server enforces. Servers validate with these (the mock does); the contract documents (OpenAPI,
 * AsyncAPI) are generated from them and from schemas.ts. See docs/api.md.
 * @packageDocumentation
 */
import * as v from 'valibot';
import { EntranceSchema, IdSchema, LIMITS, QuickRepliesSchema } from './schemas.js';

// Every limit is defined once, in `LIMITS` (schemas.ts); these names are kept for servers using them.
const MAX_TEXT_LENGTH = LIMITS.text;
/** Page sizes: the default and the most a server returns; larger asks are clamped, not refused. */
export const PAGE_LIMITS = {
  conversations: { default: 30, max: LIMITS.page },
  messages: { default: 30, max: LIMITS.page },
  events: { default: 500, max: LIMITS.eventsPage },
} as const;
/** The most quick replies a creator keeps (`LIMITS.quickReplies`). */
export const MAX_QUICK_REPLIES = LIMITS.quickReplies;
/** The most products one "add to Showcase" request carries (`LIMITS.showcaseBatch`). */
export const MAX_SHOWCASE_BATCH = LIMITS.showcaseBatch;
/** The most agreements one acceptance acknowledges (`LIMITS.agreements`). */
export const MAX_AGREEMENTS = LIMITS.agreements;
/** The largest request body a server must accept, in bytes (`LIMITS.bodyBytes`). */
export const MAX_BODY_BYTES = LIMITS.bodyBytes;
/** A search query's length, at most (`LIMITS.query`). */
export const MAX_QUERY_LENGTH = LIMITS.query;

const id = IdSchema;
const integer = v.pipe(v.string(), v.regex(/^-?\d{1,15}$/, 'an integer'));

/** `POST /api/conversations/open`. */
export const OpenConversationRequestSchema = v.object({ sellerId: id, entrance: EntranceSchema });
/** `POST /api/conversations/:id/messages`: a text the creator sends; `clientId` makes retries idempotent. */
export const SendMessageRequestSchema = v.object({
  clientId: id,
  type: v.optional(v.literal('TEXT')),
  text: v.pipe(v.string(), v.maxLength(MAX_TEXT_LENGTH), v.check((text) => text.trim().length > 0, 'text must not be blank')),
});
/** `POST /api/conversations/:id/samples`. */
export const RequestSampleRequestSchema = v.object({ clientId: id, productId: id });
/** `PUT /api/conversations/:id/star`. */
export const StarRequestSchema = v.object({ starred: v.boolean() });
/** `POST /api/showcase/products`. */
export const AddToShowcaseRequestSchema = v.object({ productIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(MAX_SHOWCASE_BATCH)) });
/** `POST /api/invitations/:id/accept`: every agreement's id, acknowledged. */
export const AcceptInvitationRequestSchema = v.object({ agreementIds: v.pipe(v.array(id), v.maxLength(MAX_AGREEMENTS)) });
/** `PUT /api/quick-replies`: the whole list, in order. */
export const QuickRepliesRequestSchema = v.object({
  replies: QuickRepliesSchema.entries.replies,
});

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

/** The error body of every non-2xx answer. */
export const ErrorBodySchema = v.object({ error: v.object({ code: v.pipe(v.string(), v.minLength(1)), message: v.string() }) });
