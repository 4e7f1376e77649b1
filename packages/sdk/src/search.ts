/**
 * Search documents: what each conversation and message contributes to the four modules (Accounts,
 * Messages, Products, Samples). The index itself lives in `search-index.ts`, a lazy chunk.
 * @packageDocumentation
 */
import type { Conversation, Message, SearchHit } from './schemas.js';

/** One of the four result modules: `accounts`, `messages`, `products`, `samples`. */
export type SearchModule = SearchHit['module'];
/** The four result modules, in the order the results page shows them. */
export const SEARCH_MODULES: readonly SearchModule[] = ['accounts', 'messages', 'products', 'samples'];

/** A piece of searchable text and where it came from. */
export interface SearchDocument {
  /** Unique key; adding a document with the same key replaces it. */
  key: string;
  module: SearchModule;
  conversationId: string;
  messageId: string | null;
  text: string;
}

/** The searchable documents of a conversation (its shop or agency name) … */
export function conversationDocuments(conversation: Conversation): SearchDocument[] {
  return [
    {
      key: `accounts:${conversation.id}`,
      module: 'accounts',
      conversationId: conversation.id,
      messageId: null,
      text: conversation.counterpart.name,
    },
  ];
}

/**
 * … and of a message: text messages feed Messages; product cards and product lists (including the
 * Targeted Plan invitation card) feed Products; sample cards feed Samples.
 */
export function messageDocuments(message: Message): SearchDocument[] {
  const base = { conversationId: message.conversationId, messageId: message.id };
  const doc = (module: SearchModule, text: string, n = 0): SearchDocument => ({ ...base, key: `${module}:${message.id}:${n}`, module, text });
  switch (message.type) {
    case 'TEXT':
      return [doc('messages', message.text)];
    case 'PRODUCT_CARD':
      return [doc('products', message.product.name)];
    case 'PRODUCT_LIST':
      return message.list.products.map((product, n) => doc('products', product.name, n));
    case 'SAMPLE_REQUEST':
      return [doc('samples', message.sample.product.name)];
    default:
      return [];
  }
}
