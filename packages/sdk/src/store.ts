/** A listener is told that the value changed; it reads the new value itself. */
export type Listener = () => void;

/** Stops a subscription. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/**
 * The read side of every piece of SDK state: an immutable snapshot plus change notification.
 * Shaped for React's `useSyncExternalStore` and for Lit reactive controllers alike.
 */
export interface ReadableStore<T> {
  /** The current snapshot. The same object is returned until the state changes. */
  getSnapshot(): T;
  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: Listener): Unsubscribe;
}

/**
 * A tiny observable holding immutable snapshots. Writers replace the value (never mutate it);
 * readers subscribe to all changes or, through {@link select}, to one derived slice only.
 */
export class Store<T> implements ReadableStore<T> {
  private value: T;
  private readonly listeners = new Set<Listener>();
  private batching = 0;
  private notified: T;

  constructor(initial: T) {
    this.value = initial;
    this.notified = initial;
  }

  getSnapshot = (): T => this.value;

  subscribe = (listener: Listener): Unsubscribe => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Replaces the snapshot and notifies (once, at the end of a {@link batch}), unless nothing changed. */
  set(next: T): void {
    this.value = next;
    if (this.batching === 0) this.notify();
  }

  /**
   * Runs `writes` as one change: listeners are told once, after it ends, and never see a state in
   * between. Nested batches notify when the outermost one ends.
   */
  batch<R>(writes: () => R): R {
    this.batching++;
    try {
      return writes();
    } finally {
      if (--this.batching === 0) this.notify();
    }
  }

  private notify(): void {
    if (Object.is(this.notified, this.value)) return;
    this.notified = this.value;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        // One faulty listener must not starve the others nor corrupt the store.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Applies `recipe` to the current snapshot and stores its result. */
  update(recipe: (current: T) => T): void {
    this.set(recipe(this.value));
  }
}

/**
 * A derived, read-only view of a store that notifies only when the selected value changes
 * (compared with `equals`, `Object.is` by default). This is what keeps a new message in one
 * conversation from waking listeners of another.
 */
export function select<T, S>(
  source: ReadableStore<T>,
  selector: (value: T) => S,
  equals: (a: S, b: S) => boolean = Object.is,
): ReadableStore<S> {
  let lastSource = source.getSnapshot();
  let lastValue = selector(lastSource);
  const read = (): S => {
    const current = source.getSnapshot();
    if (current !== lastSource) {
      lastSource = current;
      const next = selector(current);
      if (!equals(lastValue, next)) lastValue = next;
    }
    return lastValue;
  };
  return {
    getSnapshot: read,
    subscribe(listener) {
      let seen = read();
      return source.subscribe(() => {
        const next = read();
        if (next !== seen) {
          seen = next;
          listener();
        }
      });
    },
  };
}

/** Shallow equality of two arrays by element identity. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * One store per key while it has subscribers (TanStack-style): `get` returns the same store for
 * the same key until its last subscriber leaves. `active` runs on the first subscription (start
 * loading) and the function it returns, if any, on the last unsubscription.
 */
export class StoreCache<K, T> {
  private readonly entries = new Map<K, { store: ReadableStore<T>; subscribers: number }>();

  /** The store for `key`, made by `make` when none is alive. */
  get(key: K, make: () => ReadableStore<T>, active?: () => unknown): ReadableStore<T> {
    const known = this.entries.get(key);
    if (known) return known.store;
    const inner = make();
    let cleanup: unknown;
    const entry = {
      subscribers: 0,
      store: {
        getSnapshot: inner.getSnapshot,
        subscribe: (listener: Listener): Unsubscribe => {
          const stop = inner.subscribe(listener);
          if (entry.subscribers++ === 0) {
            this.entries.set(key, entry);
            cleanup = active?.();
          }
          let done = false;
          return () => {
            if (done) return;
            done = true;
            stop();
            if (--entry.subscribers === 0) {
              if (this.entries.get(key) === entry) this.entries.delete(key);
              if (typeof cleanup === 'function') (cleanup as () => void)();
            }
          };
        },
      } satisfies ReadableStore<T>,
    };
    this.entries.set(key, entry);
    // A store nobody subscribes to is not kept (the next `get` in the same task still shares it).
    queueMicrotask(() => {
      if (entry.subscribers === 0 && this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.store;
  }

  /** How many stores are alive (for leak checks). */
  get size(): number {
    return this.entries.size;
  }
}
