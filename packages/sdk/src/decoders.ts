/**
 * What the client validates answers with, as one lazy chunk (with valibot) that every request
 * starts loading beside its fetch (`Core.decoders`): the main entry carries no validation code and
 * the first answer never waits for it. Requests name the answer they expect (`answer: 'inbox
 * summary'`); the name is also what a `ValidationError` calls it. The sequencer and outbox
 * delivery decode through it too (never importing `schemas.ts` themselves), so valibot and the
 * schemas are this one chunk: one download, no second hop. Servers and tools import every schema
 * from `@creator-im/sdk/schemas`.
 * @packageDocumentation
 */
import type * as v from 'valibot';
import {
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
  QuickRepliesPageSchema,
  QuickReplySchema,
  SearchHitSchema,
  SearchResultSchema,
  SendResultSchema,
  ShowcaseResultSchema,
  ShowcaseSchema,
  SummarySchema,
} from './schemas.js';

export { decodeEvent, decodeMessage, parse, ProductSchema, QuickRepliesSchema } from './schemas.js';

/** Every answer the client reads, by what it is. */
export const ANSWERS = {
  'inbox summary': SummarySchema,
  'conversation page': ConversationPageSchema,
  'message page': MessagePageSchema,
  'event page': EventsPageSchema,
  conversation: ConversationResultSchema,
  'send result': SendResultSchema,
  showcase: ShowcaseSchema,
  'showcase result': ShowcaseResultSchema,
  'blocked sellers': BlocksSchema,
  'block result': BlockResultSchema,
  'agency links': LinksSchema,
  'agency link': LinkResultSchema,
  invitation: InvitationResultSchema,
  'quick replies': QuickRepliesPageSchema,
  'search results': SearchResultSchema,
};

const record =
  <S extends v.GenericSchema>(schema: S) =>
  (input: unknown): v.InferOutput<S> =>
    parse(schema, input, 'record');

/** The records of a list answer, validated one by one (`Core.items`), by what they are. */
export const RECORDS = {
  conversation: record(ConversationSchema),
  message: decodeMessage,
  'agency link': record(AgencyLinkSchema),
  'blocked seller': record(PartySchema),
  'quick reply': record(QuickReplySchema),
  'showcase product': record(IdSchema),
  'search hit': record(SearchHitSchema),
};
