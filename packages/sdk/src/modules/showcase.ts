import { requireId, requireSignal } from '../args.js';
import type { Core } from '../core.js';
import { ArgumentError } from '../errors.js';
import { productListState, type ProductListState, type ShowcaseProductState } from '../rules.js';
import type { ProductList } from '../schemas.js';
import type { CimState, ShowcaseEntry } from '../state.js';
import { select, StoreCache, type ReadableStore } from '../store.js';

/** A product list as its card shows it. */
export interface ProductListView {
  /** "Added" once `added`. */
  readonly state: ProductListState;
  readonly products: readonly { readonly id: string; readonly state: ShowcaseProductState; readonly reason: string | null }[];
}

/** The outcome of adding products: what was added, and what could not be, with why. */
export interface AddResult {
  readonly added: readonly string[];
  readonly unavailable: readonly { readonly productId: string; readonly reason: string }[];
}

const stateOf = (entry: ShowcaseEntry | undefined): ShowcaseProductState => entry?.state ?? 'not_added';

/**
 * The creator's Showcase: "Add all" from a product list (Targeted Plan or agency list), or one
 * product at a time. Adding is idempotent; unavailable products are reported one by one and do
 * not stop the rest.
 */
export class ShowcaseModule {
  /** @internal */
  constructor(private readonly core: Core) {}

  /** Loads the product ids already in the Showcase. */
  async load(signal?: AbortSignal): Promise<void> {
    requireSignal(signal);
    const { productIds } = await this.core.request('/api/showcase', { signal, answer: 'showcase' });
    this.core.apply({ type: 'showcase', productIds: await this.core.items(productIds, 'showcase product') });
  }

  private readonly products = new StoreCache<string, ShowcaseEntry | undefined>();

  /** A live view of where one product stands: undefined (not added), added, or unavailable with why; the same store while subscribed. */
  product(productId: string): ReadableStore<ShowcaseEntry | undefined> {
    requireId(productId, 'productId');
    return this.products.get(productId, () => select(this.core.store, (state) => state.showcase.get(productId)));
  }

  private readonly lists = new Map<string, { list: ProductList; store: ReadableStore<ProductListView> }>();

  /** A live view of a product list against the Showcase; the same store for the same list. */
  list(list: ProductList): ReadableStore<ProductListView> {
    checkList(list);
    const known = this.lists.get(list.id);
    if (known && known.list === list) return known.store;
    const store = this.createListView(list);
    this.lists.set(list.id, { list, store });
    return store;
  }

  private createListView(list: ProductList): ReadableStore<ProductListView> {
    let lastShowcase: CimState['showcase'] | undefined;
    let last: ProductListView = { state: 'not_added', products: [] };
    return select(this.core.store, (state) => {
      if (state.showcase === lastShowcase) return last;
      lastShowcase = state.showcase;
      const products = list.products.map((product) => {
        const entry = state.showcase.get(product.id);
        return { id: product.id, state: stateOf(entry), reason: entry?.state === 'unavailable' ? entry.reason : null };
      });
      const next = { state: productListState(list, (id) => stateOf(state.showcase.get(id))), products };
      const same = next.state === last.state && next.products.every((p, i) => p.state === last.products[i]?.state && p.reason === last.products[i]?.reason);
      if (!same || last.products.length !== next.products.length) last = next;
      return last;
    });
  }

  /** "Add all": adds every product of the list not yet in the Showcase. */
  async addAll(list: ProductList): Promise<AddResult> {
    checkList(list);
    return this.add(list.products.map((product) => product.id));
  }

  /** Adds products by id. Products already added are skipped without a request. */
  async add(productIds: readonly string[]): Promise<AddResult> {
    if (!Array.isArray(productIds)) throw new ArgumentError('productIds must be an array of ids.');
    for (const id of productIds) requireId(id, 'productIds[]');
    return (await this.core.writes()).addToShowcase(this.core, productIds);
  }
}

function checkList(list: ProductList): void {
  if (!list || typeof list !== 'object' || typeof list.id !== 'string' || !Array.isArray(list.products)) throw new ArgumentError('list must be a product list.');
}
