/**
 * The wire contract for servers: every REST route with its query, body and answer schemas, the
 * limits, the error codes and the real-time frames. The mock backend validates with it, the
 * conformance kit checks servers against it, and the OpenAPI and AsyncAPI documents shipped in
 * `@creator-im/sdk/contract/*.json` are generated from it. Payload schemas live in schemas.ts.
 * Import it from `@creator-im/sdk/contract`; it is not part of the client bundle.
 * @packageDocumentation
 */
import * as v from 'valibot';
import {
  AgencyInvitationSchema,
  AgencyLinkSchema,
  BlockResultSchema,
  ConversationPageSchema,
  ConversationResultSchema,
  ConversationSchema,
  EntranceSchema,
  EventSchema,
  IdSchema,
  InvitationResultSchema,
  LIMITS,
  LinkResultSchema,
  MessageSchema,
  PartySchema,
  QuickRepliesSchema,
  SearchHitSchema,
  ShowcaseResultSchema,
  SummarySchema,
} from './schemas.js';

export { IdSchema, LIMITS };

/** Page sizes: the default and the most a server returns; larger asks are clamped, not refused. */
export const PAGE_LIMITS = {
  conversations: { default: 30, max: LIMITS.page },
  messages: { default: 30, max: LIMITS.page },
  events: { default: 500, max: LIMITS.eventsPage },
} as const;
/** The largest request body a server must accept, in bytes (`LIMITS.bodyBytes`); larger ones get 413. */
export const MAX_BODY_BYTES = LIMITS.bodyBytes;
/** A search query's length, at most (`LIMITS.query`). */
export const MAX_QUERY_LENGTH = LIMITS.query;

const id = IdSchema;
const integer = v.pipe(v.string(), v.regex(/^-?\d{1,15}$/), v.description('A base-10 integer.'));

// ---------------------------------------------------------------- request bodies (limits from LIMITS)

/** `POST /api/conversations/open`. */
export const OpenConversationRequestSchema = v.object({ sellerId: id, entrance: EntranceSchema });
/** `POST /api/conversations/:id/messages`: a text the creator sends; `clientId` makes retries idempotent. */
export const SendMessageRequestSchema = v.object({
  clientId: id,
  type: v.optional(v.literal('TEXT')),
  text: v.pipe(v.string(), v.maxLength(LIMITS.text), v.regex(/\S/, 'text must not be blank')),
});
/** `POST /api/conversations/:id/samples`. */
export const RequestSampleRequestSchema = v.object({ clientId: id, productId: id });
/** `PUT /api/conversations/:id/star`. */
export const StarRequestSchema = v.object({ starred: v.boolean() });
/** `POST /api/showcase/products`. */
export const AddToShowcaseRequestSchema = v.object({ productIds: v.pipe(v.array(id), v.minLength(1), v.maxLength(LIMITS.showcaseBatch)) });
/** `POST /api/invitations/:id/accept`: every agreement's id, acknowledged. */
export const AcceptInvitationRequestSchema = v.object({ agreementIds: v.pipe(v.array(id), v.maxLength(LIMITS.agreements)) });
/** `PUT /api/quick-replies`: the whole list, in order. */
export const QuickRepliesRequestSchema = QuickRepliesSchema;

// ---------------------------------------------------------------- queries

/** `GET /api/conversations` query. */
export const ConversationsQuerySchema = v.object({
  tab: v.optional(v.picklist(['shop', 'collab', 'agency'])),
  filter: v.optional(v.picklist(['all', 'new', 'starred', 'unread', 'unreplied'])),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(400), v.description('`nextCursor` of the previous page, as given.'))),
  limit: v.optional(integer),
});
/** `GET /api/conversations/:id/messages` query. */
export const MessagesQuerySchema = v.object({ before: v.optional(integer), limit: v.optional(integer) });
/** `GET /api/events` query: the events after a sequence number. */
export const EventsQuerySchema = v.object({ after: v.optional(integer), limit: v.optional(integer) });
/** `GET /api/search` query. */
export const SearchQuerySchema = v.object({ q: v.optional(v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH))) });

// ---------------------------------------------------------------- answers (strict: every message checked)

/** The error body of every non-2xx answer. */
export const ErrorBodySchema = v.object({ error: v.object({ code: v.pipe(v.string(), v.minLength(1)), message: v.string() }) });
/** `GET /api/conversations/:id/messages`, every message of a known kind. */
export const StrictMessagePageSchema = v.object({
  messages: v.array(MessageSchema),
  olderCursor: v.nullable(v.string()),
  /** The event sequence the page reflects: cards (samples, invitations) carry their state as of it. */
  lastSeq: v.optional(SummarySchema.entries.lastSeq),
});
/** The answer to a send, the message checked. */
export const StrictSendResultSchema = v.object({ message: MessageSchema, conversation: ConversationSchema });
/** `GET /api/conversations`, every conversation checked. */
export const StrictConversationPageSchema = v.object({ ...ConversationPageSchema.entries, conversations: v.array(ConversationSchema) });
/** `GET /api/showcase`, every id checked. */
export const StrictShowcaseSchema = v.object({ productIds: v.array(id) });
/** `GET /api/blocks`, every seller checked. */
export const StrictBlocksSchema = v.object({ sellers: v.array(PartySchema) });
/** `GET /api/agency-links`, every link checked. */
export const StrictLinksSchema = v.object({ links: v.array(AgencyLinkSchema) });
/** `GET /api/search`: every hit in the contract shape. */
export const StrictSearchResultSchema = v.object({ hits: v.array(SearchHitSchema) });
/** `GET /api/events`, every event checked. */
export const StrictEventsPageSchema = v.object({ events: v.array(EventSchema), lastSeq: SummarySchema.entries.lastSeq });

// ---------------------------------------------------------------- routes

/** An error a route may answer, besides 400 (bad input), 401 (token) and 413 (body too large). */
export interface RouteError {
  status: 403 | 404 | 409 | 429 | 503;
  code: string;
  when: string;
}

/** One REST route of the contract. */
export interface ContractRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** With `:name` parameters (ids, 1–200 characters). */
  path: string;
  summary: string;
  query?: v.GenericSchema;
  body?: v.GenericSchema;
  response: v.GenericSchema;
  errors: readonly RouteError[];
  /** Safe to repeat: the same request twice has the effect of once. */
  idempotent: boolean;
}

const notFound = (what: string): RouteError => ({ status: 404, code: 'not_found', when: `No such ${what}.` });
const transition: RouteError = { status: 409, code: 'invalid_transition', when: 'The state machine does not allow this change.' };

/** Every REST route, keyed `METHOD /path`. */
export const ROUTES = {
  'GET /api/inbox/summary': { method: 'GET', path: '/api/inbox/summary', summary: 'The creator, unread counts per tab and the last event sequence.', response: SummarySchema, errors: [], idempotent: true },
  'GET /api/conversations': {
    method: 'GET',
    path: '/api/conversations',
    summary: 'One page of an inbox view, latest activity first. Cursor pagination: pass `nextCursor` back; null is the end.',
    query: ConversationsQuerySchema,
    response: StrictConversationPageSchema,
    errors: [],
    idempotent: true,
  },
  'POST /api/conversations/open': {
    method: 'POST',
    path: '/api/conversations/open',
    summary: 'Opens the conversation with a seller (creating it when missing) and records the entrance.',
    body: OpenConversationRequestSchema,
    response: ConversationResultSchema,
    errors: [notFound('seller')],
    idempotent: true,
  },
  'GET /api/conversations/:id/messages': {
    method: 'GET',
    path: '/api/conversations/:id/messages',
    summary: 'One page of history, oldest first, ending before the `before` cursor; pass `olderCursor` back for older ones. Cards carry their live state (sample status, invitation state) as of `lastSeq`, not as sent.',
    query: MessagesQuerySchema,
    response: StrictMessagePageSchema,
    errors: [notFound('conversation')],
    idempotent: true,
  },
  'POST /api/conversations/:id/messages': {
    method: 'POST',
    path: '/api/conversations/:id/messages',
    summary: 'Sends a text. Idempotent by `clientId`: a repeated send returns the message stored the first time, never a second one.',
    body: SendMessageRequestSchema,
    response: StrictSendResultSchema,
    errors: [notFound('conversation'), { status: 403, code: 'seller_blocked', when: 'The creator blocks this seller.' }],
    idempotent: true,
  },
  'POST /api/conversations/:id/samples': {
    method: 'POST',
    path: '/api/conversations/:id/samples',
    summary: 'Requests a sample: a SAMPLE_REQUEST message in "To review". Idempotent by `clientId`.',
    body: RequestSampleRequestSchema,
    response: StrictSendResultSchema,
    errors: [notFound('conversation or product'), { status: 403, code: 'seller_blocked', when: 'The creator blocks this seller.' }, { status: 409, code: 'not_a_seller_conversation', when: 'Samples are requested from sellers only.' }],
    idempotent: true,
  },
  'POST /api/conversations/:id/read': { method: 'POST', path: '/api/conversations/:id/read', summary: 'Marks the conversation read.', response: ConversationResultSchema, errors: [notFound('conversation')], idempotent: true },
  'PUT /api/conversations/:id/star': { method: 'PUT', path: '/api/conversations/:id/star', summary: 'Stars or unstars the conversation.', body: StarRequestSchema, response: ConversationResultSchema, errors: [notFound('conversation')], idempotent: true },
  'GET /api/showcase': { method: 'GET', path: '/api/showcase', summary: "The products in the creator's Showcase.", response: StrictShowcaseSchema, errors: [], idempotent: true },
  'POST /api/showcase/products': {
    method: 'POST',
    path: '/api/showcase/products',
    summary: 'Adds products to the Showcase, product by product: an unavailable one is reported and the rest still succeed.',
    body: AddToShowcaseRequestSchema,
    response: ShowcaseResultSchema,
    errors: [],
    idempotent: true,
  },
  'GET /api/blocks': { method: 'GET', path: '/api/blocks', summary: 'The blocked sellers.', response: StrictBlocksSchema, errors: [], idempotent: true },
  'PUT /api/blocks/:sellerId': { method: 'PUT', path: '/api/blocks/:sellerId', summary: 'Blocks a seller: they can no longer message the creator.', response: BlockResultSchema, errors: [notFound('seller')], idempotent: true },
  'DELETE /api/blocks/:sellerId': { method: 'DELETE', path: '/api/blocks/:sellerId', summary: 'Unblocks a seller.', response: BlockResultSchema, errors: [notFound('seller')], idempotent: true },
  'GET /api/agency-links': { method: 'GET', path: '/api/agency-links', summary: "The creator's agency links.", response: StrictLinksSchema, errors: [], idempotent: true },
  'POST /api/agency-links/:agencyId/unlink': {
    method: 'POST',
    path: '/api/agency-links/:agencyId/unlink',
    summary: 'Asks the agency to unlink: linked → unlink_requested.',
    response: LinkResultSchema,
    errors: [{ status: 409, code: 'not_linked', when: 'The creator is not linked to this agency.' }],
    idempotent: true,
  },
  'POST /api/invitations/:id/accept': {
    method: 'POST',
    path: '/api/invitations/:id/accept',
    summary: 'Accepts an agency invitation; every agreement must be acknowledged.',
    body: AcceptInvitationRequestSchema,
    response: InvitationResultSchema,
    errors: [notFound('invitation'), transition, { status: 409, code: 'agreements_not_acknowledged', when: 'An agreement is missing from `agreementIds`.' }],
    idempotent: true,
  },
  'POST /api/invitations/:id/decline': { method: 'POST', path: '/api/invitations/:id/decline', summary: 'Declines an agency invitation.', response: InvitationResultSchema, errors: [notFound('invitation'), transition], idempotent: true },
  'GET /api/quick-replies': { method: 'GET', path: '/api/quick-replies', summary: "The creator's quick replies.", response: QuickRepliesSchema, errors: [], idempotent: true },
  'PUT /api/quick-replies': { method: 'PUT', path: '/api/quick-replies', summary: 'Replaces the quick replies (the whole list, in order).', body: QuickRepliesRequestSchema, response: QuickRepliesSchema, errors: [], idempotent: true },
  'GET /api/search': { method: 'GET', path: '/api/search', summary: 'Searches accounts, messages, products and samples.', query: SearchQuerySchema, response: StrictSearchResultSchema, errors: [], idempotent: true },
  'GET /api/events': {
    method: 'GET',
    path: '/api/events',
    summary: 'The events after a sequence number, in `seq` order (resync after a gap or a reconnect).',
    query: EventsQuerySchema,
    response: StrictEventsPageSchema,
    errors: [],
    idempotent: true,
  },
} as const satisfies Record<string, ContractRoute>;

/** A key of {@link ROUTES}. */
export type RouteKey = keyof typeof ROUTES;

/** Errors every route may answer. */
export const COMMON_ERRORS = [
  { status: 400, code: 'invalid_argument', when: 'A path parameter, query or body does not match the contract (the message names what).' },
  { status: 401, code: 'unauthorized', when: 'The bearer token is missing or expired: the client refreshes it once and retries.' },
  { status: 404, code: 'not_found', when: 'No such route or record.' },
  { status: 405, code: 'method_not_allowed', when: 'The path exists for other methods (listed in `Allow`).' },
  { status: 413, code: 'payload_too_large', when: `The body exceeds ${MAX_BODY_BYTES} bytes.` },
  { status: 429, code: 'rate_limited', when: 'Too many requests; `Retry-After` says when to retry (seconds).' },
  { status: 503, code: 'unavailable', when: 'Temporarily unavailable; `Retry-After` says when to retry (seconds).' },
] as const;

// ---------------------------------------------------------------- real-time frames

/** Server → client on connect: the last event sequence. */
export const HelloFrameSchema = v.object({ type: v.literal('hello'), lastSeq: SummarySchema.entries.lastSeq });
/** Server → client: one event. */
export const EventFrameSchema = v.object({ type: v.literal('event'), event: EventSchema });
/** Server → client: the answer to a ping. */
export const PongFrameSchema = v.object({ type: v.literal('pong') });
/** Client → server: the heartbeat. */
export const PingFrameSchema = v.object({ type: v.literal('ping') });
/** WebSocket close code for a missing or expired token (as HTTP's 401). */
export const CLOSE_UNAUTHORIZED = 4401;

/** Schemas named in the documents (their JSON Schemas are shared by reference). */
export const NAMED_SCHEMAS = {
  Party: PartySchema,
  Conversation: ConversationSchema,
  Message: MessageSchema,
  Event: EventSchema,
  AgencyInvitation: AgencyInvitationSchema,
  AgencyLink: AgencyLinkSchema,
  Error: ErrorBodySchema,
} as const;
