/**
 * The contract's numbers and words that the client needs before anything is validated: the limits
 * its argument checks enforce, the five entrances, the message kinds it knows. Kept apart from
 * `schemas.ts` (valibot) so those checks run in the main entry while the validators load beside
 * the first request.
 * @packageDocumentation
 */

/**
 * Every length and size limit of the contract, defined once: the SDK refuses to send what breaks
 * them ({@link ArgumentError}, no request made), the mock backend refuses to accept it (400), and
 * a record from the server that breaks them is left out of its view (`invalid_payload`).
 */
export const LIMITS = {
  /** Ids of every entity, and client ids. */
  id: 200,
  /** Shop, agency and creator names. */
  name: 500,
  /** Product names. */
  productName: 1000,
  /** A text message, after trimming. */
  text: 10_000,
  /** One quick reply's text. */
  quickReply: 1000,
  /** How many quick replies a creator keeps. */
  quickReplies: 100,
  /** Products in one "add to Showcase" request. */
  showcaseBatch: 200,
  /** The largest page (`limit`) of conversations or messages a server returns. */
  page: 200,
  /** The largest page of events a server returns. */
  eventsPage: 1000,
  /** Agreements one acceptance acknowledges. */
  agreements: 50,
  /** A search query. */
  query: 200,
  /** A request body, bytes. */
  bodyBytes: 256 * 1024,
} as const;

/** The guide's five entrances, as the wire names them. */
export const ENTRANCE_TYPES = ['notifications', 'product_promotion', 'connection_invites', 'sample_applications', 'seller_store'] as const;

/** Message kinds this SDK understands. Anything else decodes as `UNSUPPORTED`. */
export const KNOWN_MESSAGE_TYPES = [
  'TEXT',
  'PRODUCT_CARD',
  'PRODUCT_LIST',
  'SAMPLE_REQUEST',
  'AGENCY_INVITATION',
  'UNLINK_REQUEST',
  'SYSTEM_NOTICE',
] as const;
