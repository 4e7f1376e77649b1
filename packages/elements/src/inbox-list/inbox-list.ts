import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import { INBOX_FILTERS, INBOX_TABS, type Conversation, type CreatorImClient, type InboxFilter, type InboxTab } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { emit } from '../events.js';
import { tokens, verifiedStyles } from '../theme.js';
import { badgeCount, clip, formatTime } from '../format.js';
import { formatLocale } from '../localization.js';
import { picture, pictureStyles } from '../avatar.js';

// The rows' layout (the grid layout's code) loads beside the first requests, off the first-paint bytes.
let rowLayout: typeof import('./row-layout.js').rowLayout | undefined;
const rowLayoutLoaded = import('./row-layout.js').then((module) => (rowLayout = module.rowLayout));
/** A row's height in rem: `.item`'s CSS height, which the layout needs in px. */
const ROW_REM = 4.125;
/** A fling has settled after this many frames without a scroll event (counted in frames, not time). */
const SETTLE_FRAMES = 2;

/** What a row shows of one conversation snapshot, for one calendar day and locale. */
interface RowText {
  day: string;
  name: string;
  time: string;
  preview: string;
  avatar: ReturnType<typeof picture>;
  /** The avatar without its image (while the list flings), made when first needed. */
  initials?: ReturnType<typeof picture>;
}
/** Snapshots are immutable: a changed conversation is a new object, so its texts are derived again. */
const rowTexts = new WeakMap<Conversation, RowText>();

const tabLabel = (tab: InboxTab): string =>
  ({ shop: msg('TikTok Shop', { id: 'tab.shop' }), collab: msg('Collab Messages', { id: 'tab.collab' }), agency: msg('Agency', { id: 'tab.agency' }) })[tab];

const filterLabel = (filter: InboxFilter): string =>
  ({
    all: msg('All', { id: 'filter.all' }),
    new: msg('New Connections', { id: 'filter.new' }),
    starred: msg('Starred', { id: 'filter.starred' }),
    unread: msg('Unread', { id: 'filter.unread' }),
    unreplied: msg('Unreplied', { id: 'filter.unreplied' }),
  })[filter];

/**
 * The conversation list: tabs "TikTok Shop", "Collab Messages" and "Agency" with unread badges,
 * filter chips "New Connections", "Starred", "Unread" and "Unreplied", and a virtualized list of
 * rows (avatar, name, verified badge, preview, time, unread count, star).
 *
 * The list is one tab stop (roving tabindex): ArrowUp/ArrowDown, Home/End and type-ahead move
 * between rows, Enter opens one; ArrowRight (ArrowLeft in right-to-left) reaches the row's star
 * toggle. Switching tab or filter shows the new list from its top.
 *
 * @tag cim-inbox-list
 * @summary Tabs, filters and the virtualized conversation list.
 * @fires cim-conversation-open - A row was chosen; `detail.conversationId`.
 * @csspart tabs - The tab list.
 * @csspart filters - The filter chips.
 * @csspart list - The scrolling list of conversations.
 * @csspart row - One conversation row.
 * @csspart row-star - A row's star toggle.
 */
@localized()
export class CimInboxList extends LitElement {
  // Rows are `contain: strict` (their size is known: adding, moving or filling one lays out and
  // paints that row alone); the scroller is opaque, so Chromium scrolls it on the compositor.
  static override styles = [
    tokens,
    pictureStyles,
    verifiedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        background: var(--_bg);
      }
      [role='tablist'] {
        display: flex;
        gap: 0.15rem;
        padding: 0 0.4rem;
        overflow-x: auto;
        scrollbar-width: none;
        border-bottom: 1px solid var(--_border);
      }
      [role='tab'] {
        border: 0;
        background: none;
        padding: 0.75rem 0.3rem;
        white-space: nowrap;
        font-size: 0.8125rem;
        border-bottom: 3px solid transparent;
        color: var(--_muted);
        font-weight: 600;
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
      }
      [role='tab'][aria-selected='true'] {
        color: var(--_text);
        border-bottom-color: var(--_accent);
      }
      .filters {
        display: flex;
        gap: 0.35rem;
        padding: 0.5rem 0.75rem;
        overflow-x: auto;
        scrollbar-width: none;
      }
      .chip {
        flex: none;
        white-space: nowrap;
        border: 1px solid var(--_border);
        background: var(--_bg);
        border-radius: 999px;
        padding: 0.25rem 0.65rem;
        font-size: 0.8125rem;
      }
      .chip[aria-pressed='true'] {
        background: var(--_text);
        color: var(--_bg);
        border-color: var(--_text);
      }
      .panel {
        display: flex;
        flex-direction: column;
        flex: 1;
        min-height: 0;
      }
      .item {
        width: 100%;
        height: ${ROW_REM}rem;
        box-sizing: border-box;
        display: flex;
        align-items: stretch;
        border-bottom: 1px solid var(--_border);
        background: var(--_bg);
        contain: strict;
      }
      .item.current {
        background: var(--_surface);
      }
      lit-virtualizer {
        flex: 1;
        min-height: 0;
        overflow: auto;
        background: var(--_bg);
      }
      .row {
        display: grid;
        grid-template-columns: 2.75rem 1fr auto;
        gap: 0.25rem 0.75rem;
        align-items: center;
        flex: 1;
        min-width: 0;
        padding: 0.65rem 0 0.65rem 0.75rem;
        padding-inline: 0.75rem 0.25rem;
        border: 0;
        background: none;
        text-align: start;
      }
      .row:focus-visible,
      .star:focus-visible {
        outline-offset: -2px;
      }
      .avatar {
        grid-row: span 2;
        width: 2.75rem;
        height: 2.75rem;
        border-radius: 50%;
        background: var(--_surface);
        border: 1px solid var(--_border);
        display: grid;
        place-items: center;
        font-weight: 700;
        font-size: 0.85rem;
        color: var(--_muted);
      }
      .name bdi {
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .name {
        font-weight: 600;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        display: flex;
        gap: 0.35rem;
        align-items: center;
        min-width: 0;
      }
      .name span:first-child {
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .time {
        font-size: 0.75rem;
        color: var(--_muted);
      }
      .preview {
        color: var(--_muted);
        font-size: 0.8125rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        min-width: 0;
      }
      .meta {
        display: flex;
        gap: 0.35rem;
        align-items: center;
        justify-self: end;
      }
      .star {
        flex: none;
        width: 2.25rem;
        border: 0;
        background: none;
        color: var(--_muted);
        font-size: 1.05rem;
      }
      .star[aria-pressed='true'] {
        color: var(--_warning);
      }
      .empty,
      .status {
        padding: 2rem 1rem;
        text-align: center;
        color: var(--_muted);
      }
    `,
  ];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The selected tab: `shop` ("TikTok Shop"), `collab` ("Collab Messages") or `agency`. */
  @property({ reflect: true }) tab: InboxTab = 'shop';

  /** The active filter: `all`, `new`, `starred`, `unread` or `unreplied`. */
  @property({ reflect: true }) filter: InboxFilter = 'all';

  /** The id of the open conversation, highlighted in the list. */
  @property({ attribute: 'selected-id' }) selectedId: string | null = null;

  @query('lit-virtualizer') private virtualizer?: LitVirtualizer;
  /**
   * True while the list flings (a scroll frame moved it more than half its height): rows passing by
   * show their initials and load no avatar; the rows in view load theirs once it settles (frames
   * without a scroll event).
   */
  @state() private flinging = false;
  private lastScrollTop = 0;
  /** The list's layout (rows of one height), made at the first render of a list. */
  private layout?: LitVirtualizer['layout'];
  /** The row holding the list's one tab stop. */
  @state() private active = 0;

  private readonly view = new StoreController(this, () => this.client?.inbox.view({ tab: this.tab, filter: this.filter }));
  private readonly unread = new StoreController(this, () => this.client?.inbox.unread);

  // The view store loads its first page when subscribed (SDK policy): no load here.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tab') || changed.has('filter')) {
      this.active = 0;
      this.lastScrollTop = 0; // a new list starts at its top
    }
    this.today = `${new Date().toDateString()}|${formatLocale() ?? ''}`;
  }

  /** The calendar day and locale the rows' times are written for ("Mon", "14:05"), read once a render. */
  private today = '';

  override render() {
    const view = this.view.value;
    const unread = this.unread.value;
    return html`
      <div role="tablist" part="tabs" aria-label=${msg('Inbox', { id: 'inbox.label' })} @keydown=${this.onTabKey}>
        ${INBOX_TABS.map(
          (tab) => html`<button
            role="tab"
            id="tab-${tab}"
            aria-selected=${tab === this.tab ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${tab === this.tab ? 0 : -1}
            @click=${() => this.selectTab(tab)}
          >
            ${tabLabel(tab)}${unread && unread[tab] > 0
              ? html`<span class="badge" aria-hidden="true">${badgeCount(unread[tab])}</span><span class="sr-only">${msg(str`${unread[tab]} unread`, { id: 'inbox.unreadCount' })}</span>`
              : nothing}
          </button>`,
        )}
      </div>
      <div id="panel" class="panel" role="tabpanel" aria-labelledby="tab-${this.tab}">
        <div class="filters" part="filters" role="group" aria-label=${msg('Filters', { id: 'inbox.filters' })}>
          ${INBOX_FILTERS.filter((f) => f !== 'all').map(
            (filter) => html`<button class="chip" aria-pressed=${filter === this.filter ? 'true' : 'false'} @click=${() => this.toggleFilter(filter)}>
              ${filterLabel(filter)}
            </button>`,
          )}
        </div>
        ${this.renderList(view?.conversations ?? [], view?.status, view?.hasMore ?? false)}
      </div>
    `;
  }

  private renderList(conversations: readonly Conversation[], status: string | undefined, hasMore: boolean) {
    if (conversations.length === 0) {
      if (status === 'loading' || status === undefined || status === 'idle') return html`<p class="status" role="status">${msg('Loading conversations…', { id: 'inbox.loading' })}</p>`;
      if (status === 'error') {
        return html`<p class="status" role="alert">
          ${msg('Could not load conversations.', { id: 'inbox.error' })}
          <button class="btn" @click=${() => this.client?.inbox.load({ tab: this.tab, filter: this.filter }).catch(() => undefined)}>${msg('Retry', { id: 'action.retry' })}</button>
        </p>`;
      }
      return html`<p class="empty">${msg('No conversations yet.', { id: 'inbox.empty' })}</p>`;
    }
    if (!rowLayout) {
      void rowLayoutLoaded.then(() => this.requestUpdate());
      return html`<p class="status" role="status">${msg('Loading conversations…', { id: 'inbox.loading' })}</p>`;
    }
    // Rows have one height (rem; the root font size read once, a style lookup, no layout).
    const layout = (this.layout ??= rowLayout(ROW_REM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16)));
    // A fresh virtualizer per view: a new list starts at its top, and an old range never meets new items.
    return keyed(
      `${this.tab}|${this.filter}`,
      html`<lit-virtualizer
        part="list"
        role="list"
        aria-label=${tabLabel(this.tab)}
        scroller
        .layout=${layout}
        .items=${conversations as Conversation[]}
        .keyFunction=${(c: Conversation) => c.id}
        .renderItem=${(c: Conversation, index: number) => this.renderRow(c, index)}
        @rangeChanged=${(event: { first: number; last: number }) => this.keepTabStop(event)}
        @visibilityChanged=${(event: { last: number }) => {
          // The next page when the creator sees the list's end coming (not when rows off screen render).
          if (hasMore && event.last >= conversations.length - 5) this.client?.inbox.loadMore({ tab: this.tab, filter: this.filter }).catch(() => undefined);
        }}
        @keydown=${this.onListKey}
        @scroll=${this.onScroll}
      ></lit-virtualizer>`,
    );
  }

  /**
   * Keeps the list's one tab stop on a rendered row. When the row holding it leaves the DOM (the
   * list was scrolled with the wheel or a scroll bar), the nearest row still rendered takes it, and
   * keyboard focus with it if it was there: focus never falls back to the page, and the arrows go
   * on from where the creator is looking. Called before the virtualizer removes the old rows.
   */
  private keepTabStop({ first, last }: { first: number; last: number }): void {
    if (this.active >= first && this.active <= last) return;
    const hadFocus = this.rowHasFocus();
    const next = this.active < first ? first : last;
    this.active = next;
    if (hadFocus) void this.updateComplete.then(() => this.row(next)?.focus({ preventScroll: true }));
  }

  private onScroll = (event: Event): void => {
    const scroller = event.currentTarget as HTMLElement;
    // scrollTop is read in the scroll event, after the frame's layout: no forced layout.
    const moved = Math.abs(scroller.scrollTop - this.lastScrollTop);
    this.lastScrollTop = scroller.scrollTop;
    this.quietFrames = 0;
    if (moved > scroller.clientHeight / 2 && !this.flinging) {
      this.flinging = true;
      this.settleFrame = requestAnimationFrame(this.checkSettled);
    }
  };

  /** Frames in a row without a scroll event; a fling has settled after SETTLE_FRAMES of them. */
  private quietFrames = 0;
  private settleFrame = 0;
  private checkSettled = (): void => {
    // Scroll events run before animation frames: a frame with none means the list did not move.
    if (++this.quietFrames > SETTLE_FRAMES) this.flinging = false;
    else this.settleFrame = requestAnimationFrame(this.checkSettled);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.settleFrame);
    this.flinging = false;
  }

  /** A row's texts, derived once per conversation snapshot (rows re-render on every scroll frame). */
  private rowText(c: Conversation): RowText {
    const day = this.today;
    let text = rowTexts.get(c);
    if (!text || text.day !== day) {
      text = {
        day,
        name: clip(c.counterpart.name),
        time: formatTime(c.lastActivityAt, Date.now(), formatLocale()),
        preview: clip(c.lastMessage?.text ?? '', 200),
        avatar: picture(c.counterpart.name, c.counterpart.avatarUrl),
      };
      rowTexts.set(c, text);
    }
    return text;
  }

  private renderRow(c: Conversation, index: number) {
    const verified = c.counterpart.kind === 'agency' && c.counterpart.verified;
    const text = this.rowText(c);
    const { name, time, preview } = text;
    const tabindex = index === this.active ? 0 : -1;
    const current = c.id === this.selectedId;
    return html`<div role="listitem" class=${current ? 'item current' : 'item'}>
      <button
        class="row"
        part="row"
        data-index=${index}
        tabindex=${tabindex}
        aria-current=${current ? 'true' : 'false'}
        @click=${() => this.open(c, index)}
        @focus=${() => (this.active = index)}
      >
        ${this.flinging ? (text.initials ??= picture(c.counterpart.name, null)) : text.avatar}
        <span class="name"><bdi dir="auto" title=${name}>${name}</bdi>${verified ? html`<span class="verified">${msg('Verified', { id: 'party.verified' })}</span>` : nothing}</span>
        <span class="time">${time}</span>
        <span class="preview" dir="auto">${c.blocked ? msg('Blocked', { id: 'inbox.blocked' }) + ' · ' : ''}${preview}</span>
        <span class="meta">
          ${c.unreadCount > 0 ? html`<span class="badge" aria-hidden="true">${badgeCount(c.unreadCount)}</span><span class="sr-only">${msg(str`${c.unreadCount} unread`, { id: 'inbox.unreadCount' })}</span>` : nothing}
          ${c.starred ? html`<span class="sr-only">${msg('Starred', { id: 'filter.starred' })}</span>` : nothing}
        </span>
      </button>
      <button
        class="star"
        part="row-star"
        tabindex="-1"
        data-star=${index}
        aria-pressed=${c.starred ? 'true' : 'false'}
        aria-label=${msg(str`Star ${name}`, { id: 'inbox.starRow' })}
        @click=${() => this.client?.inbox.star(c.id, !c.starred).catch(() => undefined)}
      >
        <span aria-hidden="true">${c.starred ? '★' : '☆'}</span>
      </button>
    </div>`;
  }

  /** Moves focus to the list's tab stop (the current row), else to the selected tab. */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.row[tabindex="0"]') ?? this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    target?.focus(options);
  }

  /** Opens a conversation (once per click or Enter). */
  private open(c: Conversation, index: number): void {
    this.active = index;
    emit(this, 'cim-conversation-open', { conversationId: c.id });
  }

  /** The rendered row of the conversation at `index`, if it is in the DOM (virtualized). */
  private row(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
  }

  private rowHasFocus(): boolean {
    return this.shadowRoot?.activeElement?.closest('.item') != null;
  }

  private selectTab(tab: InboxTab): void {
    this.tab = tab;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private toggleFilter(filter: InboxFilter): void {
    this.filter = this.filter === filter ? 'all' : filter;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private onTabKey = (event: KeyboardEvent): void => {
    const index = INBOX_TABS.indexOf(this.tab);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    let next: number | undefined;
    if (step !== undefined) next = (index + step + INBOX_TABS.length) % INBOX_TABS.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = INBOX_TABS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(INBOX_TABS[next]!);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${INBOX_TABS[next]!}`)?.focus());
  };

  private typed = '';
  private typedAt = 0;

  private onListKey = async (event: KeyboardEvent): Promise<void> => {
    const target = event.composedPath()[0] as HTMLElement;
    const item = target.closest?.('.item');
    if (!item) return;
    const onStar = target.classList.contains('star');
    const conversations = this.view.value?.conversations ?? [];
    const count = conversations.length;
    const index = this.active;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const into = rtl ? 'ArrowLeft' : 'ArrowRight';
    const out = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(count - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === into && !onStar) {
      event.preventDefault();
      item.querySelector<HTMLElement>('.star')?.focus();
      return;
    } else if (event.key === out && onStar) {
      event.preventDefault();
      item.querySelector<HTMLElement>('.row')?.focus();
      return;
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      // Type-ahead: the next row whose name starts with what was typed (a pause starts over).
      const now = event.timeStamp;
      this.typed = now - this.typedAt > 700 ? event.key : this.typed + event.key;
      this.typedAt = now;
      const query = this.typed.toLocaleLowerCase();
      const start = this.typed.length === 1 ? index + 1 : index;
      for (let k = 0; k < count; k++) {
        const i = (start + k) % count;
        if (conversations[i]!.counterpart.name.toLocaleLowerCase().startsWith(query)) {
          next = i;
          break;
        }
      }
      if (next === undefined) return;
    }
    if (next === undefined || next < 0) return;
    event.preventDefault();
    this.active = next;
    this.virtualizer?.element(next)?.scrollIntoView({ block: 'nearest' });
    // The row may render a few frames later (virtualized): wait for it, then move focus. Frames, not
    // the virtualizer's layoutComplete: that one never settles when no row changes size afterwards.
    for (let tries = 0; tries < 30; tries++) {
      await this.updateComplete;
      const row = this.row(next);
      if (row) return row.focus();
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    }
  };
}
