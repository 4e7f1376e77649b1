import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import { LIMITS, SEARCH_MODULES, type CreatorImClient, type SearchHit, type SearchModule, type SearchState } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { emit } from '../events.js';
import { tokens } from '../theme.js';
import { clip, MAX_LABEL, withoutBidiControls } from '../format.js';

/** The modules' English headings; translated by id (`search.accounts`, …) when rendered. */
const MODULE_LABEL: Record<SearchModule, string> = { accounts: 'Accounts', messages: 'Messages', products: 'Products', samples: 'Samples' };

/**
 * `text` with the matched ranges wrapped in `<mark>`; every piece stays plain text. Ranges come
 * in order (the SDK's); one out of order or out of bounds is left unmarked. Server text: cut to
 * {@link MAX_LABEL} characters with "…" (a 999k-character hit must not freeze the page).
 */
function highlight(full: string, ranges: readonly (readonly [number, number])[]) {
  // Cut before the bidi controls are removed: the ranges index the text as sent. Never inside a surrogate pair.
  const cut = MAX_LABEL - 1 - +/[\uD800-\uDBFF]/.test(full[MAX_LABEL - 2] ?? '');
  const text = full.length > MAX_LABEL ? full.slice(0, cut) : full;
  const parts: unknown[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    // Cleaned piece by piece: the ranges index the text as the SDK matched it.
    parts.push(withoutBidiControls(text.slice(at, start)), html`<mark>${withoutBidiControls(text.slice(start, end))}</mark>`);
    at = end;
  }
  parts.push(withoutBidiControls(text.slice(at)), text === full ? '' : '…');
  return parts;
}

/**
 * The inbox search: a search box, and a results page with the four modules of the guide —
 * Accounts (shop names), Messages (text messages), Products (product and invitation cards) and
 * Samples (sample cards) — each a headed section; matches are highlighted. Choosing a hit opens
 * its conversation.
 *
 * @tag cim-search
 * @summary Search with the four result modules.
 * @fires cim-conversation-open - A hit was chosen; `detail.conversationId`.
 * @fires cim-search-change - The query changed; `detail.query`.
 * @csspart input - The search box.
 * @csspart results - The results page.
 */
@localized()
export class CimSearch extends LitElement {
  // Rows below the fold skip layout and paint (`.hit`: content-visibility: auto): a keystroke lays
  // out only what shows. (Comments inside css`` would ship in the bundle.)
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      input {
        font: inherit;
        color: inherit;
        width: 100%;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: 999px;
        padding: 0.45rem 0.9rem;
        font-size: 0.875rem;
        text-overflow: ellipsis;
      }
      .box {
        padding: 0.5rem 0.75rem;
      }
      .results {
        overflow: auto;
        flex: 1;
        padding: 0 0.75rem 1rem;
      }
      h3 {
        font-size: 0.8125rem;
        text-transform: uppercase;
        letter-spacing: 0.03em;
        color: var(--_muted);
        margin: 0.9rem 0 0.3rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .hit {
        display: grid;
        width: 100%;
        text-align: start;
        border: 0;
        background: none;
        padding: 0.45rem 0.5rem;
        border-radius: 8px;
        gap: 0.1rem;
        content-visibility: auto;
        contain-intrinsic-size: auto 3.25rem;
      }
      .hit:hover,
      .hit:focus-visible {
        background: var(--_surface);
      }
      .who {
        font-weight: 600;
      }
      .text {
        color: var(--_muted);
        font-size: 0.8125rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      mark {
        background: var(--_highlight);
        color: var(--_text);
        border-radius: 3px;
      }
      .none {
        color: var(--_muted);
        font-size: 0.8125rem;
        margin: 0.2rem 0.5rem;
      }
    `,
  ];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** Present while a query is typed (the results page is showing). */
  @property({ type: Boolean, reflect: true }) active = false;

  private readonly search = new StoreController<SearchState>(this, () => this.client?.search.state);
  /** The last results page rendered: kept (hidden) while no query is typed, so the next query's first keystroke updates its rows instead of creating them. */
  private shown: SearchState | undefined;

  override render() {
    const state = this.search.value;
    const query = state?.query ?? '';
    if (state?.status !== 'idle') this.shown = state;
    return html`<div class="box">
        <input
          part="input"
          type="search"
          maxlength=${LIMITS.query}
          aria-label=${msg('Search', { id: 'search.label' })}
          placeholder=${msg('Search shops, messages, products, samples', { id: 'search.placeholder' })}
          .value=${query}
          @input=${this.onInput}
          @keydown=${this.onKey}
        />
      </div>
      ${this.shown ? this.renderResults(this.shown) : nothing}`;
  }

  private renderResults(state: SearchState) {
    const total = SEARCH_MODULES.reduce((sum, module) => sum + state.results[module].length, 0);
    // Rows are rendered by position (not keyed): a keystroke updates the texts of the rows already
    // there instead of creating new ones (a hit's new click handler only replaces the function lit
    // calls, no listener is removed or added). The row templates hold no whitespace between tags:
    // no text node per gap, 80 rows at a time.
    return html`<div class="results" ?hidden=${!this.active} part="results" role="region" aria-label=${msg('Search results', { id: 'search.results' })}>
      <p class="sr-only" role="status">${total === 1 ? msg('1 result', { id: 'search.countOne' }) : msg(str`${total} results`, { id: 'search.count' })}</p>
      ${state.status === 'error' ? html`<p class="none" role="alert">${msg('Showing local results only; the server search failed.', { id: 'search.error' })}</p>` : nothing}
      ${SEARCH_MODULES.map(
        (module) =>
          html`<section aria-labelledby="h-${module}"><h3 id="h-${module}">${msg(MODULE_LABEL[module], { id: `search.${module}` })}</h3>${state.results[module].length
            ? html`<ul>${state.results[module].map((hit) => html`<li>${this.renderHit(hit)}</li>`)}</ul>`
            : html`<p class="none">${msg('No results', { id: 'search.none' })}</p>`}</section>`,
      )}
    </div>`;
  }

  private renderHit(hit: SearchHit) {
    const isAccount = hit.module === 'accounts';
    // The SDK names the counterpart (the loaded conversation's, else the server's); a hit from a
    // server that sent none for a conversation not loaded says "Conversation", never its raw id.
    const name = hit.counterpart ? clip(hit.counterpart.name) : msg('Conversation', { id: 'inbox.conversation' });
    return html`<button class="hit" @click=${() => this.open(hit)}><span class="who" dir="auto">${isAccount ? highlight(hit.text, hit.ranges) : name}</span>${
      isAccount ? nothing : html`<span class="text" dir="auto">${highlight(hit.text, hit.ranges)}</span>`
    }</button>`;
  }

  private onInput = (event: Event): void => {
    const query = (event.target as HTMLInputElement).value;
    this.active = !!query.trim();
    void this.client?.search.setQuery(query);
    emit(this, 'cim-search-change', { query });
  };

  private onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.active) {
      event.preventDefault();
      this.clear();
    }
  };

  /** Empties the search box and closes the results page. */
  clear(): void {
    this.active = false;
    void this.client?.search.setQuery('');
  }

  private open(hit: SearchHit): void {
    emit(this, 'cim-conversation-open', { conversationId: hit.conversationId });
    this.clear();
  }
}
