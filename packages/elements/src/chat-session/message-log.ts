import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, localized, str } from '@lit/localize';
import { previewText, type CreatorImClient, type Message } from '@creator-im/sdk';
import { clientContext } from '../context.js';
import { StoreController } from '../store-controller.js';
import { tokens } from '../theme.js';
import { clip, dayKey, formatClock, formatDateTime, formatDay, MAX_BODY } from '../format.js';
import { formatLocale } from '../localization.js';
import { messageLogStyles } from './message-log.styles.js';

/** Most messages in the DOM at once: the log is a sliding window over the loaded history. */
const WINDOW = 150;
/** How far the window slides when the reader nears one of its ends. */
const STEP = 50;
/** Distance (px) from an end of the scroller that counts as "near" it. */
const NEAR = 600;
/** Distance (px) from the bottom that still counts as "at the bottom". */
const AT_BOTTOM = 32;

/**
 * The message history of one conversation, with the scroll model of the messengers people know:
 * it opens at the newest message, or at the first unread one under a "New messages" divider; it
 * stays pinned to the bottom while the creator is there; when the creator has scrolled up, new
 * messages raise a "N new messages" button instead of moving anything; older pages load one at a
 * time near the top, with what was on screen kept in place. Day separators (Today, Yesterday, a
 * date) head each day. At most 150 messages are in the DOM whatever the length of the history.
 *
 * The log is one tab stop; ArrowUp/ArrowDown move between messages, Home/End go to the oldest
 * shown and the newest. Incoming messages are announced once through a polite live region.
 *
 * @tag cim-message-log
 * @summary The scrolling message history of a conversation.
 * @csspart messages - The scrolling history.
 * @csspart new-messages - The "N new messages" button.
 * @csspart card - The cards in the history (exported from each card).
 * @csspart dialog - The cards' dialogs.
 * @csspart status - A sample card's status pill.
 */
@localized()
export class CimMessageLog extends LitElement {
  static override styles = [tokens, messageLogStyles];

  @consume({ context: clientContext, subscribe: true })
  @state()
  client?: CreatorImClient;

  /** The conversation whose history is shown. */
  @property({ attribute: 'conversation-id' }) conversationId = '';

  /** Unread messages when the conversation was opened: the first of them gets the "New messages" divider. */
  @property({ type: Number, attribute: 'unread-count' }) unreadCount = 0;

  /** The counterpart's name, for announcements. */
  @property({ attribute: 'counterpart-name' }) counterpartName = '';

  /** The renderer of a message's body; the session supplies the cards. */
  @property({ attribute: false }) renderBody: (message: Message) => unknown = (m) => html`<div class="bubble" dir="auto">${clip(previewText(m), MAX_BODY)}</div>`;

  @state() private unseen = 0;
  @state() private announcement = '';
  @query('.scroller') private scroller?: HTMLElement;

  private readonly thread = new StoreController(this, () => (this.client && this.conversationId ? this.client.conversations.thread(this.conversationId) : undefined));

  /** The window follows the newest message; otherwise it starts at `startId`. */
  private live = true;
  private startId: string | undefined;
  /** The creator is at the bottom: new content keeps the newest message in view. */
  private stuck = true;
  private get stick(): boolean {
    return this.stuck;
  }
  private set stick(value: boolean) {
    this.stuck = value;
    // Pinned, the browser's own anchoring must not move the view (its scroll event would unpin it).
    if (this.scroller) this.scroller.style.overflowAnchor = value ? 'none' : 'auto';
  }
  private positioned = false;
  /** Where pin() left the scroller: a scroll event still there is ours, not the reader's. */
  private pinnedTop = -1;
  private firstUnreadId: string | undefined;
  /** Ids (and client ids) of the messages seen so far, to tell an arrival from a re-render. */
  private readonly known = new Set<string>();
  private anchor: { id: string; top: number } | undefined;
  /** The message that had focus before an update (entries are reused by position). */
  private focusedId: string | undefined;
  private indexCache: { messages: readonly Message[]; index: Map<string, number> } | undefined;
  private readonly resize = new ResizeObserver(() => this.onResize());

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observeSizes();
  }

  /** Moves focus to the history (one tab stop; arrows then move between messages). */
  override focus(options?: FocusOptions): void {
    this.scroller?.focus(options);
  }

  /** Scrolls to the newest message and keeps it in view (the "N new messages" button, End, a send). */
  async scrollToNewest(): Promise<void> {
    this.live = true;
    this.stick = true;
    this.unseen = 0;
    this.requestUpdate();
    await this.updateComplete;
    this.pin();
  }

  private get messages(): readonly Message[] {
    return this.thread.value?.messages ?? [];
  }

  private indexOf(id: string): number {
    const messages = this.messages;
    if (this.indexCache?.messages !== messages) this.indexCache = { messages, index: new Map(messages.map((m, i) => [m.id, i])) };
    return this.indexCache.index.get(id) ?? -1;
  }

  /** The rendered slice [start, end) of the thread. */
  private range(): [number, number] {
    const count = this.messages.length;
    const start = !this.live && this.startId !== undefined ? this.indexOf(this.startId) : -1;
    if (start < 0) return [Math.max(0, count - WINDOW), count];
    return [start, Math.min(count, start + WINDOW)];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conversationId')) this.reset();
    const thread = this.thread.value;
    if (!thread?.loaded) return;
    const messages = thread.messages;
    if (!this.positioned) {
      this.openAt(messages);
      return;
    }
    this.noticeArrivals(messages);
    this.anchor = this.stick ? undefined : this.visibleAnchor();
    const focused = this.shadowRoot?.activeElement as HTMLElement | null;
    this.focusedId = focused?.classList.contains('msg') ? focused.dataset.id : undefined;
  }

  private reset(): void {
    this.live = true;
    this.stick = true;
    this.startId = undefined;
    this.positioned = false;
    this.firstUnreadId = undefined;
    this.known.clear();
    this.unseen = 0;
    this.announcement = '';
  }

  /** Chooses where the conversation opens: the first unread message, or the newest. */
  private openAt(messages: readonly Message[]): void {
    for (const m of messages) this.remember(m);
    let unread = this.unreadCount;
    let first = -1;
    for (let i = messages.length - 1; i >= 0 && unread > 0; i--) {
      if (messages[i]!.sender === 'counterpart') {
        first = i;
        unread--;
      }
    }
    if (first >= 0) {
      this.firstUnreadId = messages[first]!.id;
      if (messages.length - first > WINDOW - 10) {
        this.live = false;
        this.startId = messages[Math.max(0, first - 10)]!.id;
      }
    }
  }

  private remember(m: Message): void {
    this.known.add(m.id);
    if (m.clientId) this.known.add(m.clientId);
  }

  /** New messages at the end: the creator's own pin the log; others are counted and announced. */
  private noticeArrivals(messages: readonly Message[]): void {
    const arrived: Message[] = [];
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      if (this.known.has(m.id) || (m.clientId && this.known.has(m.clientId))) break;
      arrived.unshift(m);
    }
    for (const m of arrived) this.remember(m);
    if (arrived.some((m) => m.sender === 'creator')) {
      this.live = true;
      this.stick = true;
      this.unseen = 0;
    }
    const incoming = arrived.filter((m) => m.sender === 'counterpart');
    if (incoming.length === 0) return;
    if (!this.stick) this.unseen += incoming.length;
    const last = incoming[incoming.length - 1]!;
    this.announcement = msg(str`New message from ${clip(this.counterpartName, 80)}: ${clip(previewText(last), 200)}`, { id: 'session.newMessage' });
  }

  /** The first message at least partly visible, and its offset from the scroller's top. */
  private visibleAnchor(): { id: string; top: number } | undefined {
    const scroller = this.scroller;
    if (!scroller) return undefined;
    const top = scroller.getBoundingClientRect().top;
    for (const element of scroller.querySelectorAll<HTMLElement>('.msg')) {
      const box = element.getBoundingClientRect();
      if (box.bottom > top) return { id: element.dataset.id!, top: box.top - top };
    }
    return undefined;
  }

  protected override firstUpdated(): void {
    this.observeSizes();
  }

  private observeSizes(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    this.resize.observe(scroller);
    const content = scroller.querySelector('.content');
    if (content) this.resize.observe(content);
  }

  protected override updated(): void {
    const scroller = this.scroller;
    if (!scroller || !this.thread.value?.loaded) return;
    if (!this.positioned) {
      this.positioned = true;
      this.stick = this.stick; // applies the anchoring mode to the scroller, now rendered
      this.observeSizes();
      const divider = this.firstUnreadId ? scroller.querySelector<HTMLElement>('.divider') : null;
      if (divider) {
        scroller.scrollTop += divider.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
        this.stick = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= AT_BOTTOM;
      } else {
        this.pin();
      }
      return;
    }
    if (this.focusedId) {
      const focused = this.shadowRoot!.activeElement as HTMLElement | null;
      if (focused?.dataset.id !== this.focusedId) scroller.querySelector<HTMLElement>(`.msg[data-id="${CSS.escape(this.focusedId)}"]`)?.focus({ preventScroll: true });
      this.focusedId = undefined;
    }
    if (this.stick) {
      this.pin();
    } else if (this.anchor) {
      // Keep what the reader was looking at where it was (older page above, window moved).
      const element = scroller.querySelector<HTMLElement>(`.msg[data-id="${CSS.escape(this.anchor.id)}"]`);
      if (element) scroller.scrollTop += element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - this.anchor.top;
      this.anchor = undefined;
    }
    // An older page arrived while the reader waits at the top: show it (anchored) without another scroll.
    if (!this.stick && scroller.scrollTop < NEAR && this.range()[0] > 0) this.revealOlder();
  }

  private pin(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    scroller.scrollTop = scroller.scrollHeight;
    this.pinnedTop = scroller.scrollTop;
  }

  private onResize(): void {
    if (this.positioned && this.stick) this.pin();
  }

  private onScroll = (): void => {
    const scroller = this.scroller;
    if (!scroller || !this.positioned) return;
    const [start, end] = this.range();
    const atEnd = end >= this.messages.length;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    // Content that grew after a pin (a card rendering, an image) is not the reader scrolling away.
    if (this.stick && Math.abs(scroller.scrollTop - this.pinnedTop) < 1) {
      if (fromBottom > 1) this.pin();
      return;
    }
    this.stick = atEnd && fromBottom <= AT_BOTTOM;
    if (this.stick) {
      if (!this.live || this.unseen) {
        this.live = true;
        this.unseen = 0;
      }
    } else if (this.live) {
      // Freeze the window where the reader is: arrivals are appended below it, nothing moves.
      this.live = false;
      this.startId = this.messages[start]?.id;
    }
    if (scroller.scrollTop < NEAR) this.revealOlder();
    else if (fromBottom < NEAR && !atEnd) this.revealNewer();
  };

  /** Slides the window up a step, or asks for the next older page at the start of what is loaded. */
  private revealOlder(): void {
    const [start] = this.range();
    if (start > 0) {
      this.live = false;
      this.startId = this.messages[Math.max(0, start - STEP)]!.id;
      this.requestUpdate();
      return;
    }
    const thread = this.thread.value;
    if (this.client && thread?.olderCursor && thread.status !== 'loading') {
      this.client.conversations.loadOlder(this.conversationId).catch(() => undefined); // shown through thread.status
    }
  }

  private revealNewer(): void {
    const [start, end] = this.range();
    const count = this.messages.length;
    if (end >= count) return;
    const next = start + STEP;
    if (next + WINDOW >= count) {
      this.live = true;
    } else {
      this.startId = this.messages[next]!.id;
    }
    this.requestUpdate();
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    const scroller = this.scroller;
    const target = event.composedPath()[0] as HTMLElement;
    if (!scroller || (target !== scroller && !target.classList?.contains('msg'))) return;
    const items = [...scroller.querySelectorAll<HTMLElement>('.msg')];
    if (items.length === 0) return;
    let next: HTMLElement | undefined;
    const index = items.indexOf(target);
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      if (index < 0) {
        const bottom = scroller.getBoundingClientRect().bottom;
        next = [...items].reverse().find((item) => item.getBoundingClientRect().top < bottom) ?? items[items.length - 1];
      } else {
        next = items[Math.min(items.length - 1, Math.max(0, index + (event.key === 'ArrowUp' ? -1 : 1)))];
      }
    } else if (event.key === 'Home') {
      next = items[0];
    } else if (event.key === 'End') {
      event.preventDefault();
      void this.scrollToNewest().then(() => [...(this.scroller?.querySelectorAll<HTMLElement>('.msg') ?? [])].pop()?.focus());
      return;
    } else {
      return;
    }
    event.preventDefault();
    next?.focus();
  };

  override render() {
    const thread = this.thread.value;
    const messages = thread?.messages ?? [];
    if (!thread?.loaded && messages.length === 0) {
      return thread?.status === 'error'
        ? html`<p class="status" role="alert">${msg('Could not load messages.', { id: 'session.error' })}</p>`
        : html`<p class="status" role="status">${msg('Loading messages…', { id: 'session.loadingMessages' })}</p>`;
    }
    const [start, end] = this.range();
    const now = Date.now();
    const locale = formatLocale();
    const items: { m: Message; day: string | undefined; divider: boolean }[] = [];
    for (let i = start; i < end; i++) {
      const m = messages[i]!;
      const key = dayKey(m.sentAt);
      const day = i === start || key !== dayKey(messages[i - 1]!.sentAt) ? dayLabel(m.sentAt, now, locale) : undefined;
      items.push({ m, day, divider: m.id === this.firstUnreadId });
    }
    return html`
      <div
        class="scroller"
        part="messages"
        role="log"
        aria-live="off"
        aria-label=${msg('Messages', { id: 'inbox.title' })}
        tabindex="0"
        @scroll=${this.onScroll}
        @keydown=${this.onKeyDown}
      >
        <div class="content">
          ${start === 0 && thread?.olderCursor === null && thread.loaded
            ? html`<p class="start">${msg('This is the start of the conversation.', { id: 'session.start' })}</p>`
            : nothing}
          ${start === 0 && thread?.status === 'loading' ? html`<p class="start older" role="status">${msg('Loading earlier messages…', { id: 'session.loadingOlder' })}</p>` : nothing}
          ${messages.length === 0 ? html`<p class="status">${msg('No messages yet. Say hello!', { id: 'session.empty' })}</p>` : nothing}
          ${items.map(
            // By position, not keyed: lit's repeat() leaks one comment marker per removed item
            // (lit-html 3.3.1+, lit/lit#5298), which a sliding window would pile up without bound.
            // Entries are reused in place; focus follows its message (updated()).
            ({ m, day, divider }) =>
              html`<div class="entry">
                ${day ? html`<div class="day"><span>${day}</span></div>` : nothing}
                ${divider ? html`<div class="divider" role="separator">${msg('New messages', { id: 'session.newMessages' })}</div>` : nothing}
                ${this.renderMessage(m, locale)}
              </div>`,
          )}
        </div>
      </div>
      ${this.unseen > 0
        ? html`<button class="pill" part="new-messages" @click=${this.jump}>
            ${this.unseen === 1 ? msg('1 new message', { id: 'session.oneNew' }) : msg(str`${this.unseen} new messages`, { id: 'session.manyNew' })} ↓
          </button>`
        : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private jump = async (): Promise<void> => {
    await this.scrollToNewest();
    // The button is gone: focus goes to the newest message, never to <body>.
    [...(this.scroller?.querySelectorAll<HTMLElement>('.msg') ?? [])].pop()?.focus({ preventScroll: true });
  };

  private renderMessage(m: Message, locale: string | undefined) {
    return html`<div class="msg ${m.sender}" data-id=${m.id} tabindex="-1">
      ${this.renderBody(m)}
      ${m.sender !== 'system'
        ? html`<div class="meta">
            <time datetime=${m.sentAt} title=${formatDateTime(m.sentAt, locale)}>${formatClock(m.sentAt, locale)}</time>
            ${m.delivery === 'sending' ? html`<span>${msg('Sending…', { id: 'message.sending' })}</span>` : nothing}
            ${m.delivery === 'failed'
              ? html`<span class="failed">${msg('Failed to send', { id: 'message.failed' })}</span>
                  <button class="btn" @click=${() => m.clientId && this.client?.conversations.retry(m.clientId).catch(() => undefined)}>${msg('Retry', { id: 'action.retry' })}</button>`
              : nothing}
          </div>`
        : nothing}
    </div>`;
  }
}

function dayLabel(iso: string, now: number, locale: string | undefined): string {
  const day = formatDay(iso, now, locale);
  if (day === 'today') return msg('Today', { id: 'day.today' });
  if (day === 'yesterday') return msg('Yesterday', { id: 'day.yesterday' });
  return day;
}
