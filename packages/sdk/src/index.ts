/**
 * `@creator-im/sdk`: the headless Creator IM client. No DOM dependency; runs in browsers and Node.
 * @packageDocumentation
 */
export { CreatorImClient, createClient } from './client.js';
export type { ClientOptions, ErrorListener } from './core.js';
export type { IdleScheduler } from './idle.js';
export * from './errors.js';
export type { TokenProvider, HttpOptions } from './http.js';
export type { CachedInbox, InboxCache } from './cache.js';
export { memoryOutbox, newClientId, type OutboxEntry, type OutboxStorage } from './outbox.js';
export type { WebSocketFactory, WebSocketLike } from './realtime.js';
export * from './rules.js';
export { KNOWN_MESSAGE_TYPES, LIMITS } from './vocabulary.js';
// The wire's types. Its schemas and decoders (valibot) are `@creator-im/sdk/schemas`: the client
// loads them as a chunk of their own, beside its first request.
export type {
  AgencyInvitation,
  AgencyLink,
  Agreement,
  Conversation,
  DeliveryState,
  Entrance,
  EntranceType,
  InboxSummary,
  InvitationState,
  KnownMessage,
  LinkState,
  Message,
  MessagePreview,
  MessageType,
  Party,
  Product,
  ProductList,
  QuickReply,
  SampleRequest,
  SampleStatus,
  SearchHit,
  ServerEvent,
  UnsupportedMessage,
} from './schemas.js';
export { SEARCH_MODULES, conversationDocuments, messageDocuments, type SearchDocument, type SearchModule } from './search.js';
export type { SearchIndex, SearchOptions } from './search-index.js';
export type { CimState, ConnectionState, LoadStatus, ShowcaseEntry, Thread, ViewPaging } from './state.js';
export { IdMap } from './id-map.js';
export { select, Store, type Listener, type ReadableStore, type Unsubscribe } from './store.js';
export type { InboxQuery, InboxView, InboxModule } from './modules/inbox.js';
export { MAX_TEXT_LENGTH, type ConversationsModule } from './modules/conversations.js';
export type { SamplesModule } from './modules/samples.js';
export type { AddResult, ProductListView, ShowcaseModule } from './modules/showcase.js';
export type { BlocksModule } from './modules/blocks.js';
export type { AgencyModule, InvitationView } from './modules/agency.js';
export type { SearchApi, SearchResults, SearchState } from './modules/search.js';
export { ENTRANCES, type EntrancesModule, type OpenConversationRequest } from './modules/entrances.js';
