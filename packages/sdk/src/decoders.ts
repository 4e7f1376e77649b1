/**
 * What the client validates answers with: the schemas of the answers it reads, and the decoders.
 * One lazy chunk (with valibot) that every request starts loading beside its fetch
 * (`Core.schemas`), so the main entry carries no validation code and the first answer never waits
 * for it. Only what the client uses, so the chunk's surface stays small; servers and tools import
 * every schema from `@creator-im/sdk/schemas`.
 * @packageDocumentation
 */
export {
  AgencyLinkSchema,
  BlockResultSchema,
  BlocksSchema,
  ConversationPageSchema,
  ConversationResultSchema,
  ConversationSchema,
  decodeMessage,
  EventsPageSchema,
  IdSchema,
  InvitationResultSchema,
  LinkResultSchema,
  LinksSchema,
  MessagePageSchema,
  parse,
  PartySchema,
  ProductSchema,
  QuickRepliesPageSchema,
  QuickRepliesSchema,
  QuickReplySchema,
  SearchResultSchema,
  SendResultSchema,
  ShowcaseResultSchema,
  ShowcaseSchema,
  SummarySchema,
} from './schemas.js';
