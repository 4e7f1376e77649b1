/**
 * Search: one query, four modules (Accounts, Messages, Products, Samples). Matching is case- and
 * accent-insensitive and reports ranges in the original text for highlighting. The same index
 * serves the SDK's instant local results and the mock backend's answers.
 * @packageDocumentation
 */
import type { Conversation, Message, SearchHit } from './schemas.js';

/** The four result modules, in the order the results page shows them. */
export type SearchModule = SearchHit['module'];
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

/** Lower-cases and strips accents, keeping a map from each folded code unit back to the original. */
export function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let piece: string;
    if (code < 128) piece = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!;
    else piece = text[i]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let j = 0; j < piece.length; j++) origin.push(i);
    folded += piece;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Every non-overlapping match of `query` in `text`, as `[start, end)` ranges of `text`. */
export function matchRanges(text: string, query: string): [number, number][] {
  const needle = fold(query.trim()).folded;
  if (!needle) return [];
  const { folded, origin } = fold(text);
  const ranges: [number, number][] = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(needle, from);
    if (at < 0) break;
    ranges.push([origin[at]!, origin[at + needle.length - 1]! + 1]);
    from = at + needle.length;
  }
  return ranges;
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

/** Search options. */
export interface SearchOptions {
  /** Most hits per module (default 20). */
  limitPerModule?: number;
}

/**
 * An in-memory index of folded texts. Queries scan folded strings with `indexOf`, which stays
 * within budget for a creator's volume (see docs/performance.md) without a tokenizer that would
 * break substring matching of product names.
 */
export class SearchIndex {
  private readonly docs = new Map<string, SearchDocument & { folded: string }>();

  /** Number of documents held. */
  get size(): number {
    return this.docs.size;
  }

  /** Adds or replaces documents. */
  add(documents: Iterable<SearchDocument>): void {
    for (const document of documents) this.docs.set(document.key, { ...document, folded: fold(document.text).folded });
  }

  /** Runs a query; hits are grouped by module, newest documents last-added first within a module. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const needle = fold(query.trim()).folded;
    if (!needle) return [];
    const limit = options.limitPerModule ?? 20;
    const perModule: Record<SearchModule, SearchHit[]> = { accounts: [], messages: [], products: [], samples: [] };
    const seen = new Set<string>();
    const all = [...this.docs.values()];
    for (let i = all.length - 1; i >= 0; i--) {
      const document = all[i]!;
      const bucket = perModule[document.module];
      if (bucket.length >= limit || !document.folded.includes(needle)) continue;
      // One hit per conversation and module: the results page lists conversations.
      const dedupe = `${document.module}:${document.conversationId}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      bucket.push({
        module: document.module,
        conversationId: document.conversationId,
        messageId: document.messageId,
        text: document.text,
        ranges: matchRanges(document.text, query),
      });
    }
    return SEARCH_MODULES.flatMap((module) => perModule[module]);
  }
}
