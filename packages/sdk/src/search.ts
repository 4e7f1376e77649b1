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
 * An in-memory substring index of folded texts. Every document's trigrams (bigrams for short
 * texts) point at it; a query walks the postings of its rarest gram, newest first, and confirms
 * each candidate with `includes`. Substring matching keeps product names like "Glow" found inside
 * "AuroraGlow", which a word tokenizer would miss. Replaced documents leave tombstones that the
 * confirmation step skips.
 */
export class SearchIndex {
  /** Documents by insertion slot; `undefined` once replaced. */
  private readonly slots: ((SearchDocument & { folded: string }) | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly grams = new Map<string, number[]>();

  /** Number of documents held. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Adds or replaces documents. */
  add(documents: Iterable<SearchDocument>): void {
    for (const document of documents) {
      const previous = this.slotOf.get(document.key);
      if (previous !== undefined) {
        if (this.slots[previous]!.text === document.text) continue;
        this.slots[previous] = undefined;
      }
      const slot = this.slots.length;
      const folded = fold(document.text).folded;
      this.slots.push({ ...document, folded });
      this.slotOf.set(document.key, slot);
      for (const gram of gramsOf(folded)) {
        const postings = this.grams.get(gram);
        if (postings) postings.push(slot);
        else this.grams.set(gram, [slot]);
      }
    }
  }

  /** Runs a query; at most `limitPerModule` conversations per module, most recently indexed first. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const needle = fold(query.trim()).folded;
    if (!needle) return [];
    const limit = options.limitPerModule ?? 20;
    const perModule: Record<SearchModule, SearchHit[]> = { accounts: [], messages: [], products: [], samples: [] };
    const seen = new Set<string>();
    let full = 0;
    const visit = (slot: number): boolean => {
      const document = this.slots[slot];
      if (!document) return false;
      const bucket = perModule[document.module];
      if (bucket.length >= limit || !document.folded.includes(needle)) return false;
      // One hit per conversation and module: the results page lists conversations.
      const dedupe = `${document.module}:${document.conversationId}`;
      if (seen.has(dedupe)) return false;
      seen.add(dedupe);
      bucket.push({ module: document.module, conversationId: document.conversationId, messageId: document.messageId, text: document.text, ranges: matchRanges(document.text, query) });
      if (bucket.length === limit) full++;
      return full === SEARCH_MODULES.length;
    };
    const postings = this.rarestPostings(needle);
    if (postings === null) {
      for (let slot = this.slots.length - 1; slot >= 0; slot--) if (visit(slot)) break;
    } else {
      for (let i = postings.length - 1; i >= 0; i--) if (visit(postings[i]!)) break;
    }
    return SEARCH_MODULES.flatMap((module) => perModule[module]);
  }

  /** The shortest postings list among the needle's grams; `[]` if one is missing; null for a one-character needle. */
  private rarestPostings(needle: string): readonly number[] | null {
    let best: number[] | null = null;
    for (const gram of gramsOf(needle)) {
      const postings = this.grams.get(gram);
      if (!postings) return [];
      if (!best || postings.length < best.length) best = postings;
    }
    return best;
  }
}

/** The distinct trigrams of a folded text, plus its bigrams (so two-letter queries use the index too). */
function gramsOf(folded: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 2 <= folded.length; i++) {
    grams.add(folded.slice(i, i + 2));
    if (i + 3 <= folded.length) grams.add(folded.slice(i, i + 3));
  }
  return grams;
}
