/**
 * `@creator-im/sdk/search-index`: the substring index behind search. Matching is case- and
 * accent-insensitive and reports ranges in the original text for highlighting. The same index
 * serves the SDK's instant local results (loaded lazily, off the first paint) and the mock
 * backend's answers.
 * @packageDocumentation
 */
import type { SearchHit } from './schemas.js';
import { SEARCH_MODULES, type SearchDocument, type SearchModule } from './search.js';

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
  /** Per module, each gram's postings: the slots holding it, ascending. */
  private readonly grams: Record<SearchModule, Map<number, number[]>> = { accounts: new Map(), messages: new Map(), products: new Map(), samples: new Map() };
  /** Documents added but not indexed yet: indexing waits for idle time or the next query. */
  private pending: SearchDocument[] = [];
  private pendingAt = 0;

  /** Number of documents held (indexed or waiting). */
  get size(): number {
    this.flush();
    return this.slotOf.size;
  }

  /** Documents waiting to be indexed. */
  get backlog(): number {
    return this.pending.length - this.pendingAt;
  }

  /** Adds or replaces documents. Cheap: the work happens in {@link drain} or before the next query. */
  add(documents: Iterable<SearchDocument>): void {
    for (const document of documents) this.pending.push(document);
  }

  /** Indexes waiting documents until `deadline` (a `performance.now()`-style time in ms); true when none is left. */
  drain(deadline: number, now: () => number = () => Date.now()): boolean {
    while (this.pendingAt < this.pending.length) {
      const end = Math.min(this.pending.length, this.pendingAt + 500);
      for (; this.pendingAt < end; this.pendingAt++) this.index(this.pending[this.pendingAt]!);
      if (now() >= deadline) break;
    }
    if (this.pendingAt < this.pending.length) return false;
    this.pending = [];
    this.pendingAt = 0;
    return true;
  }

  /** Indexes every waiting document now. */
  flush(): void {
    if (this.backlog > 0) this.drain(Infinity);
  }

  private index(document: SearchDocument): void {
    {
      const previous = this.slotOf.get(document.key);
      if (previous !== undefined) {
        if (this.slots[previous]!.text === document.text) return;
        this.slots[previous] = undefined;
      }
      const slot = this.slots.length;
      const folded = fold(document.text).folded;
      this.slots.push({ ...document, folded });
      this.slotOf.set(document.key, slot);
      const grams = this.grams[document.module];
      forEachGram(folded, (gram) => {
        const postings = grams.get(gram);
        // A gram repeated in one text would list the slot twice in a row.
        if (!postings) grams.set(gram, [slot]);
        else if (postings[postings.length - 1] !== slot) postings.push(slot);
      });
    }
  }

  /** Runs a query; at most `limitPerModule` conversations per module, most recently indexed first. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const needle = fold(query.trim()).folded;
    if (!needle) return [];
    this.flush();
    const limit = options.limitPerModule ?? 20;
    const hits: SearchHit[] = [];
    // Each module walks its own postings, newest first, and stops once it has `limit` conversations.
    for (const module of SEARCH_MODULES) {
      const seen = new Set<string>();
      const postings = this.rarestPostings(this.grams[module], needle);
      for (let i = postings.length - 1; i >= 0 && seen.size < limit; i--) {
        const document = this.slots[postings[i]!];
        if (!document || !document.folded.includes(needle)) continue;
        // One hit per conversation and module: the results page lists conversations.
        if (seen.has(document.conversationId)) continue;
        seen.add(document.conversationId);
        hits.push({ module, conversationId: document.conversationId, messageId: document.messageId, text: document.text, ranges: matchRanges(document.text, query) });
      }
    }
    return hits;
  }

  /** The shortest postings list among the needle's grams (every slot of the module for a one-character needle); `[]` if one is missing. */
  private rarestPostings(grams: Map<number, number[]>, needle: string): readonly number[] {
    let best: number[] = [];
    let missing = false;
    forEachGram(needle, (gram) => {
      const postings = grams.get(gram);
      if (!postings) missing = true;
      else if (gram === ALL || postings.length < best.length) best = postings;
    });
    return missing ? [] : best;
  }
}

/** The pseudo-gram every text holds (no real gram is negative): its postings are all the module's slots. */
const ALL = -1;

/**
 * Calls `visit` with {@link ALL} first, then every bigram and trigram of a folded text, as numbers
 * (16 bits a code unit; a bigram is tagged so it never equals a trigram): cheaper to hash than
 * sliced strings.
 */
function forEachGram(folded: string, visit: (gram: number) => void): void {
  visit(ALL);
  for (let i = 0; i + 2 <= folded.length; i++) {
    const pair = folded.charCodeAt(i) * 65536 + folded.charCodeAt(i + 1);
    visit(pair + 2 ** 48);
    if (i + 3 <= folded.length) visit(pair * 65536 + folded.charCodeAt(i + 2));
  }
}
