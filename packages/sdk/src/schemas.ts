/**
 * `@creator-im/sdk/schemas`: the wire contract, one valibot schema per payload. The SDK validates
 * every response and event with these; the mock backend builds its answers from the same types.
 * See docs/api.md. The client loads this module (and valibot) as a chunk of its own, started beside
 * its first request, so the main entry carries no validation code; the types are exported by the
 * main entry too.
 * @packageDocumentation
 */
import * as v from 'valibot';
import { ValidationError } from './errors.js';
import { ENTRANCE_TYPES, KNOWN_MESSAGE_TYPES, LIMITS } from './vocabulary.js';

export { KNOWN_MESSAGE_TYPES, LIMITS };

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id));
const name = v.pipe(v.string(), v.maxLength(LIMITS.name));
// An ISO 8601 UTC or offset timestamp, as the wire contract sends them (smaller than v.isoTimestamp()).
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-][0-2]\d:[0-5]\d)$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A seller (shop) or a creator agency: the other side of a conversation. */
export const PartySchema = v.object({
  id,
  kind: v.picklist(['seller', 'agency']),
  name,
  /** Absolute, or relative to the API base URL (the SDK resolves it; http(s) only, else null). */
  avatarUrl: v.nullable(v.string()),
  /** Agencies only: verified by TikTok Shop. The Agency tab labels them. */
  verified: v.boolean(),
});

/** A product as shown on product, list and sample cards. */
export const ProductSchema = v.object({
  id,
  name: v.pipe(v.string(), v.maxLength(LIMITS.productName)),
  /** Absolute, or relative to the API base URL, like every media URL. */
  imageUrl: v.nullable(v.string()),
  price: v.object({ amount: v.number(), currency: v.pipe(v.string(), v.length(3)) }),
  /** Share of the sale paid to the creator, 0–1. */
  commissionRate: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});

/** Where the creator entered the conversation from (the guide's five entrances). */
export const EntranceSchema = v.object({
  type: v.picklist(ENTRANCE_TYPES),
  productId: v.optional(v.nullable(id)),
});

/** A sample request's status: "To review", "To ship" (approved), "Cancelled" (rejected). */
export const SampleStatusSchema = v.picklist(['to_review', 'to_ship', 'cancelled']);
/** A sample request: the product asked for, when, and its status. */
export const SampleRequestSchema = v.object({
  id,
  conversationId: id,
  product: ProductSchema,
  requestedAt: isoDate,
  status: SampleStatusSchema,
});

/** One agreement of an agency invitation, to acknowledge before "Accept". */
export const AgreementSchema = v.object({
  id,
  title: v.string(),
  body: v.string(),
  url: v.nullable(v.string()),
});
/** An agency invitation's state. */
export const InvitationStateSchema = v.picklist(['pending', 'accepted', 'declined', 'expired']);
/** An agency's binding invitation with its terms and agreements. */
export const AgencyInvitationSchema = v.object({
  id,
  conversationId: id,
  agency: PartySchema,
  terms: v.string(),
  agreements: v.array(AgreementSchema),
  expiresAt: isoDate,
  state: InvitationStateSchema,
});

/** The creator's link with an agency. */
export const LinkStateSchema = v.picklist(['none', 'linked', 'unlink_requested', 'unlinked']);
/** The link state with one agency. */
export const AgencyLinkSchema = v.object({ agencyId: id, state: LinkStateSchema });

/** A product list: a seller's Targeted Plan invite or an agency's list. */
export const ProductListSchema = v.object({
  id,
  name: v.string(),
  /** `targeted_plan`: a seller's Targeted Plan invite; `agency`: a product list sent by an agency. */
  source: v.picklist(['targeted_plan', 'agency']),
  products: v.array(ProductSchema),
});

const envelope = {
  id,
  conversationId: id,
  seq: count,
  sender: v.picklist(['creator', 'counterpart', 'system']),
  sentAt: isoDate,
  clientId: v.optional(v.nullable(id)),
};


/** A message of a kind this SDK knows (by `type`). */
export const MessageSchema = v.variant('type', [
  v.object({ ...envelope, type: v.literal('TEXT'), text: v.pipe(v.string(), v.maxLength(LIMITS.text)) }),
  v.object({ ...envelope, type: v.literal('PRODUCT_CARD'), product: ProductSchema }),
  v.object({ ...envelope, type: v.literal('PRODUCT_LIST'), list: ProductListSchema }),
  v.object({ ...envelope, type: v.literal('SAMPLE_REQUEST'), sample: SampleRequestSchema }),
  v.object({ ...envelope, type: v.literal('AGENCY_INVITATION'), invitation: AgencyInvitationSchema }),
  v.object({ ...envelope, type: v.literal('UNLINK_REQUEST'), unlink: AgencyLinkSchema }),
  v.object({ ...envelope, type: v.literal('SYSTEM_NOTICE'), notice: v.object({ code: v.string(), text: v.string() }) }),
]);

/** The envelope alone, used to keep messages of kinds newer than this SDK. */
export const MessageEnvelopeSchema = v.object({ ...envelope, type: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) });

/** The last message of a conversation, as the inbox row shows it. */
export const MessagePreviewSchema = v.object({
  sender: v.picklist(['creator', 'counterpart', 'system']),
  type: v.string(),
  text: v.string(),
  sentAt: isoDate,
});

/** A conversation with a seller or an agency, as the inbox lists it. */
export const ConversationSchema = v.object({
  id,
  counterpart: PartySchema,
  createdAt: isoDate,
  lastActivityAt: isoDate,
  lastMessage: v.nullable(MessagePreviewSchema),
  unreadCount: count,
  starred: v.boolean(),
  /** When the creator first replied; null while the first contact is unanswered. */
  repliedAt: v.nullable(isoDate),
  /** Carries a collaboration invite (Targeted Plan or agency invitation). */
  collab: v.boolean(),
  blocked: v.boolean(),
  entrance: v.nullable(EntranceSchema),
});

/** `GET /api/conversations`: one page of an inbox view. */
export const ConversationPageSchema = v.object({
  /** Validated one by one: a bad conversation is left out, the rest still show. */
  conversations: v.array(v.unknown()),
  nextCursor: v.nullable(v.string()),
  lastSeq: count,
});

/** `GET /api/conversations/:id/messages`: one page of history, oldest first. */
export const MessagePageSchema = v.object({
  messages: v.array(v.unknown()),
  olderCursor: v.nullable(v.string()),
  /** The event sequence the cards in this page reflect (servers that send it let newer cards win exactly). */
  lastSeq: v.optional(count),
});

/** The answer to a send: the stored message and its conversation. */
export const SendResultSchema = v.object({ message: v.unknown(), conversation: ConversationSchema });
/** An answer carrying one conversation (open, star, read). */
export const ConversationResultSchema = v.object({ conversation: ConversationSchema });
/** The answer to adding products to the Showcase, product by product. */
export const ShowcaseResultSchema = v.object({
  results: v.array(
    v.object({ productId: id, status: v.picklist(['added', 'unavailable']), reason: v.optional(v.nullable(v.string())) }),
  ),
});
/** `GET /api/showcase`: the products in the creator's Showcase. */
export const ShowcaseSchema = v.object({ productIds: v.array(v.unknown()) });
/** `GET /api/blocks`: the blocked sellers. */
export const BlocksSchema = v.object({ sellers: v.array(v.unknown()) });
/** The answer to blocking or unblocking a seller. */
export const BlockResultSchema = v.object({ sellerId: id, blocked: v.boolean(), conversation: v.nullable(ConversationSchema) });
/** The answer to accepting or declining an invitation. */
export const InvitationResultSchema = v.object({ invitation: AgencyInvitationSchema, link: v.nullable(AgencyLinkSchema) });
/** The answer to an unlink request. */
export const LinkResultSchema = v.object({ link: AgencyLinkSchema });
/** One quick reply (reply template): an id and a non-empty text. */
export const QuickReplySchema = v.object({ id, text: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.quickReply)) });
/** `GET /api/quick-replies` (and the answer to `PUT`): validated reply by reply. */
export const QuickRepliesPageSchema = v.object({ replies: v.array(v.unknown()) });
/** The creator's quick replies; the body of `PUT /api/quick-replies`. */
export const QuickRepliesSchema = v.object({ replies: v.pipe(v.array(QuickReplySchema), v.maxLength(LIMITS.quickReplies)) });
/** `GET /api/inbox/summary`: the creator, unread counts per tab, and the last event sequence. */
export const SummarySchema = v.object({
  unread: v.object({ shop: count, collab: count, agency: count }),
  lastSeq: count,
  creator: v.object({ id, name }),
});
/** `GET /api/events`: the events after a sequence number (resync). */
export const EventsPageSchema = v.object({ events: v.array(v.unknown()), lastSeq: count });
/** `GET /api/agency-links`: the creator's agency links. */
export const LinksSchema = v.object({ links: v.array(v.unknown()) });

/** One search hit: its module, conversation, text and the ranges that matched. */
export const SearchHitSchema = v.object({
  module: v.picklist(['accounts', 'messages', 'products', 'samples']),
  conversationId: id,
  messageId: v.nullable(id),
  text: v.string(),
  ranges: v.array(v.tuple([count, count])),
  /**
   * The conversation's counterpart (shop or agency), so a hit names a conversation the client has
   * not loaded. Optional: servers written before it was added still conform.
   */
  counterpart: v.optional(PartySchema),
});
/** `GET /api/search`: the server's hits. Validated one by one: a bad hit is left out, the rest still show. */
export const SearchResultSchema = v.object({ hits: v.array(v.unknown()) });

/** A real-time event. `seq` is per creator and strictly increasing. */
export const EventSchema = v.variant('type', [
  v.object({ id, seq: count, type: v.literal('message.created'), data: v.object({ message: v.unknown(), conversation: ConversationSchema }) }),
  v.object({ id, seq: count, type: v.literal('conversation.updated'), data: v.object({ conversation: ConversationSchema }) }),
  v.object({ id, seq: count, type: v.literal('sample.updated'), data: v.object({ sample: SampleRequestSchema }) }),
  v.object({ id, seq: count, type: v.literal('invitation.updated'), data: v.object({ invitation: AgencyInvitationSchema }) }),
  v.object({ id, seq: count, type: v.literal('link.updated'), data: v.object({ link: AgencyLinkSchema }) }),
  v.object({ id, seq: count, type: v.literal('block.updated'), data: v.object({ seller: PartySchema, blocked: v.boolean() }) }),
  v.object({ id, seq: count, type: v.literal('showcase.updated'), data: v.object({ productIds: v.array(id) }) }),
]);

/** An id as the contract accepts it (1–200 characters). */
export const IdSchema = id;

/** A seller (shop) or an agency. */
export type Party = v.InferOutput<typeof PartySchema>;
/** A product as cards show it. */
export type Product = v.InferOutput<typeof ProductSchema>;
/** Where the creator opened a conversation from. */
export type Entrance = v.InferOutput<typeof EntranceSchema>;
/** The guide's five entrances. */
export type EntranceType = Entrance['type'];
/** "To review" (`to_review`), "To ship" (`to_ship`) or "Cancelled" (`cancelled`). */
export type SampleStatus = v.InferOutput<typeof SampleStatusSchema>;
/** A sample request. */
export type SampleRequest = v.InferOutput<typeof SampleRequestSchema>;
/** One agreement of an agency invitation. */
export type Agreement = v.InferOutput<typeof AgreementSchema>;
/** `pending`, `accepted`, `declined` or `expired`. */
export type InvitationState = v.InferOutput<typeof InvitationStateSchema>;
/** An agency binding invitation. */
export type AgencyInvitation = v.InferOutput<typeof AgencyInvitationSchema>;
/** `none`, `linked`, `unlink_requested` or `unlinked`. */
export type LinkState = v.InferOutput<typeof LinkStateSchema>;
/** The creator's link with one agency. */
export type AgencyLink = v.InferOutput<typeof AgencyLinkSchema>;
/** A Targeted Plan invite or an agency product list. */
export type ProductList = v.InferOutput<typeof ProductListSchema>;
/** A conversation as the inbox lists it. */
export type Conversation = v.InferOutput<typeof ConversationSchema>;
/** The preview of a conversation's last message. */
export type MessagePreview = v.InferOutput<typeof MessagePreviewSchema>;
/** One search hit. */
export type SearchHit = v.InferOutput<typeof SearchHitSchema>;
/** One quick reply (reply template). */
export type QuickReply = v.InferOutput<typeof QuickRepliesSchema>['replies'][number];
/** A real-time event (validated). */
export type ServerEvent = v.InferOutput<typeof EventSchema>;
/** The inbox summary loaded on start. */
export type InboxSummary = v.InferOutput<typeof SummarySchema>;

/** A message of a known kind, as the server sent it. */
export type KnownMessage = v.InferOutput<typeof MessageSchema>;
/** A message of a kind newer than this SDK: kept, shown as unsupported, never dropped. */
export type UnsupportedMessage = v.InferOutput<typeof MessageEnvelopeSchema> & { type: 'UNSUPPORTED'; originalType: string };
/** Delivery of the creator's own messages; `undefined` for everything the server already has. */
export type DeliveryState = 'sending' | 'sent' | 'failed';
/** Any message in a conversation. `delivery` is set on the creator's own sends. */
export type Message = (KnownMessage | UnsupportedMessage) & { delivery?: DeliveryState };
/** The message kinds, as `Message['type']`. */
export type MessageType = Message['type'];

/** Validates `input` against `schema`; throws {@link ValidationError} naming the paths that failed. */
export function parse<S extends v.GenericSchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new ValidationError(
    what,
    result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`),
  );
}

/**
 * Decodes one message. Known kinds are validated strictly; a well-formed envelope with an unknown
 * `type` becomes an {@link UnsupportedMessage}; anything else throws {@link ValidationError}.
 */
export function decodeMessage(input: unknown): Message {
  const envelope = parse(MessageEnvelopeSchema, input, 'message');
  if ((KNOWN_MESSAGE_TYPES as readonly string[]).includes(envelope.type)) return parse(MessageSchema, input, 'message');
  return { ...envelope, type: 'UNSUPPORTED', originalType: envelope.type };
}

/** Decodes one real-time event, including its embedded message. */
export function decodeEvent(input: unknown): ServerEvent & { message?: Message } {
  const event = parse(EventSchema, input, 'event');
  if (event.type === 'message.created') return { ...event, message: decodeMessage(event.data.message) };
  return event;
}
