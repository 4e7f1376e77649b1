/**
 * The search queue: documents wait here until the search index (a lazy chunk) is loaded, then are
 * indexed in short idle slices, so hydrating a large inbox never blocks a frame for long.
 * @packageDocumentation
 */
import type { SearchDocument } from './search.js';
import type { SearchIndex } from './search-index.js';

/** Feeds the lazily loaded search index. */
export class SearchQueue {
  private index: SearchIndex | undefined;
  private loading: Promise<SearchIndex> | undefined;
  private readonly waiting: SearchDocument[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly report: (error: unknown) => void) {}

  /** Queues documents for indexing. */
  add(documents: readonly SearchDocument[]): void {
    if (documents.length === 0 || this.disposed) return;
    if (this.index) this.index.add(documents);
    else for (const document of documents) this.waiting.push(document);
    this.schedule();
  }

  /** The search index, with every document seen so far. Its code is a separate chunk, loaded once. */
  load(): Promise<SearchIndex> {
    this.loading ??= import('./search-index.js').then(({ SearchIndex }) => {
      const index = new SearchIndex();
      index.add(this.waiting);
      this.waiting.length = 0;
      this.index = index;
      return index;
    });
    return this.loading;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.disposed || this.index?.backlog === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.load().then(
        (index) => {
          if (!index.drain(Date.now() + 12)) this.schedule();
        },
        (error: unknown) => this.report(error),
      );
    }, 30);
  }

  /** Stops indexing in the background. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}
