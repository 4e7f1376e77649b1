/**
 * The search queue: documents wait here until the search index (a lazy chunk) is loaded, then are
 * indexed in short idle slices, so hydrating a large inbox never blocks a frame for long, and the
 * first page is painted before its rows are indexed.
 * @packageDocumentation
 */
import type { IdleScheduler } from './idle.js';
import type { SearchDocument } from './search.js';
import type { SearchIndex } from './search-index.js';

/** Feeds the lazily loaded search index. */
export class SearchQueue {
  private index: SearchIndex | undefined;
  private loading: Promise<SearchIndex> | undefined;
  private readonly waiting: SearchDocument[] = [];
  private scheduled = false;
  private disposed = false;

  constructor(
    private readonly report: (error: unknown) => void,
    private readonly idle: IdleScheduler,
  ) {}

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
    if (this.scheduled || this.disposed || this.index?.backlog === 0) return;
    this.scheduled = true;
    this.idle(() => {
      this.scheduled = false;
      if (this.disposed) return;
      this.load().then(
        (index) => {
          if (!index.drain(Date.now() + 12)) this.schedule();
        },
        (error: unknown) => this.report(error),
      );
    });
  }

  /** Stops indexing in the background. */
  dispose(): void {
    this.disposed = true;
  }
}
