/**
 * An immutable map from ids to values with structural sharing: a two-level, 32-way trie of small
 * leaves keyed by a hash of the id. Writing a few entries copies two 32-slot arrays and the leaves
 * touched, so a new message in an inbox of 10,000 (or 1,000,000) conversations costs about the same.
 * @packageDocumentation
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type Leaf<V> = ReadonlyMap<string, V>;
type Branch<V> = readonly (Leaf<V> | undefined)[];

/** FNV-1a: cheap and well spread for short ids. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A read-only, immutable id → value map. `set` and `delete` return a new map and leave this one
 * untouched; unchanged parts are shared, so keeping old versions is cheap. Iteration order is by
 * hash, not insertion: sort when order matters.
 */
export class IdMap<V> implements Iterable<[string, V]> {
  private constructor(
    private readonly root: readonly (Branch<V> | undefined)[],
    /** Number of entries. */
    readonly size: number,
  ) {}

  /** An empty map. */
  static empty<V>(): IdMap<V> {
    return new IdMap<V>([], 0);
  }

  /** A map of `entries` (later entries win). */
  static from<V>(entries: Iterable<readonly [string, V]>): IdMap<V> {
    return IdMap.empty<V>().set(entries);
  }

  /** The value of `id`, if present. */
  get(id: string): V | undefined {
    const h = hash(id);
    return this.root[h & MASK]?.[(h >>> BITS) & MASK]?.get(id);
  }

  /** Whether `id` is present. */
  has(id: string): boolean {
    const h = hash(id);
    return this.root[h & MASK]?.[(h >>> BITS) & MASK]?.has(id) ?? false;
  }

  /** A new map with `entries` written (one copy per touched path, however many entries). */
  set(entries: Iterable<readonly [string, V]>): IdMap<V> {
    return this.write(entries, []);
  }

  /** A new map without `ids`. */
  delete(ids: Iterable<string>): IdMap<V> {
    return this.write([], ids);
  }

  private write(entries: Iterable<readonly [string, V]>, removals: Iterable<string>): IdMap<V> {
    let root: (Branch<V> | undefined)[] | undefined;
    const copied = new Set<object>();
    let size = this.size;
    const leafFor = (id: string): Map<string, V> => {
      const h = hash(id);
      root ??= this.root.slice();
      const i = h & MASK;
      let branch = root[i] as (Leaf<V> | undefined)[] | undefined;
      if (!branch || !copied.has(branch)) {
        branch = branch ? branch.slice() : new Array<Leaf<V> | undefined>(WIDTH);
        copied.add(branch);
        root[i] = branch;
      }
      const j = (h >>> BITS) & MASK;
      let leaf = branch[j] as Map<string, V> | undefined;
      if (!leaf || !copied.has(leaf)) {
        leaf = new Map(leaf);
        copied.add(leaf);
        branch[j] = leaf;
      }
      return leaf;
    };
    for (const [id, value] of entries) {
      const leaf = leafFor(id);
      if (!leaf.has(id)) size++;
      leaf.set(id, value);
    }
    for (const id of removals) {
      if (!this.has(id) && !root) continue;
      const leaf = leafFor(id);
      if (leaf.delete(id)) size--;
    }
    return root ? new IdMap(root, size) : this;
  }

  /** Every value. */
  *values(): IterableIterator<V> {
    for (const branch of this.root) if (branch) for (const leaf of branch) if (leaf) yield* leaf.values();
  }

  /** Every id. */
  *keys(): IterableIterator<string> {
    for (const branch of this.root) if (branch) for (const leaf of branch) if (leaf) yield* leaf.keys();
  }

  /** Every `[id, value]` pair. */
  *entries(): IterableIterator<[string, V]> {
    for (const branch of this.root) if (branch) for (const leaf of branch) if (leaf) yield* leaf.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
