/**
 * The scroll model of the message log, asserted on real geometry in Chromium: where a conversation
 * opens, pinning on send and arrival, nothing moving under a reader who scrolled up, the "N new
 * messages" button, older pages one at a time with the view anchored, a bounded DOM, announcements.
 */
import { expect, html } from '@open-wc/testing';
import type { CreatorImClient } from '@creator-im/sdk';
import type { MockBackend } from '../../../mocks/backend.js';
import { byRole, mount, startClient, wait } from './helpers.js';
import type { CimChatSession } from '../src/chat-session/chat-session.js';

let backend: MockBackend;
let client: CreatorImClient;
let session: CimChatSession;
let pageRequests = 0;
const realFetch = window.fetch.bind(window);

const log = () => session.shadowRoot!.querySelector('cim-message-log')!;
const scroller = () => log().shadowRoot!.querySelector<HTMLElement>('.scroller')!;
const items = () => [...scroller().querySelectorAll<HTMLElement>('.msg')];
const newest = () => items().at(-1)!;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The element's box lies inside the scroller's visible box. */
function inView(element: Element): boolean {
  const box = scroller().getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
}

async function openSession(id: string): Promise<void> {
  session = await mount<CimChatSession>(client, html`<cim-chat-session conversation-id=${id}></cim-chat-session>`);
  await wait('messages', () => log()?.shadowRoot?.querySelector('.msg'));
  await log().updateComplete;
  await frame();
}

async function start(messagesPerConversation: number, unread?: number): Promise<void> {
  // Count history page requests: the client takes the page's fetch when it is created.
  pageRequests = 0;
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if ((init?.method ?? 'GET') === 'GET' && /\/messages$/.test(url.pathname)) pageRequests++;
    return realFetch(input, init);
  };
  // The seed is edited before the client's first load: a server changes state only with a new seq.
  ({ backend, client } = await startClient({ sellers: 3, agencies: 0, messagesPerConversation }, (seeded) => {
    const conversation = seeded.conversations.get('conv-shop-2')!;
    seeded.conversations.set('conv-shop-2', { ...conversation, unreadCount: unread ?? 0 });
  }));
  window.fetch = realFetch;
  await client.inbox.load({ tab: 'shop' });
}

afterEach(() => client.dispose());

describe('message log: scroll model', () => {
  it('opens at the newest message, without loading older pages by itself', async () => {
    await start(300);
    await openSession('conv-shop-2');
    const s = scroller();
    expect(inView(newest()), `newest message visible ${s.scrollTop} ${s.scrollHeight} ${s.clientHeight} ${JSON.stringify(newest().getBoundingClientRect())} ${JSON.stringify(s.getBoundingClientRect())}`).to.equal(true);
    expect(scroller().scrollHeight).to.be.greaterThan(scroller().clientHeight);
    await frame();
    expect(pageRequests, 'only the latest page').to.equal(1);
  });

  it('opens at the first unread message under a "New messages" divider', async () => {
    await start(300, 12);
    await openSession('conv-shop-2');
    const divider = scroller().querySelector('.divider')!;
    expect(divider.textContent!.trim()).to.equal('New messages');
    expect(inView(divider), 'divider visible').to.equal(true);
    const firstUnread = divider.nextElementSibling!;
    expect(inView(firstUnread) || firstUnread.getBoundingClientRect().top < scroller().getBoundingClientRect().bottom, 'first unread starts on screen').to.equal(true);
    const box = scroller().getBoundingClientRect();
    expect(divider.getBoundingClientRect().top - box.top, 'divider near the top').to.be.lessThan(box.height / 2);
  });

  it('stays pinned to the bottom when the creator sends and when a message arrives', async () => {
    await start(300);
    await openSession('conv-shop-2');
    const textarea = session.shadowRoot!.querySelector('cim-composer')!.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Sent from the bottom';
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await wait('own message', () => newest().textContent!.includes('Sent from the bottom'));
    await frame();
    expect(inView(newest()), 'own message visible after send').to.equal(true);
    backend.sellerSend('shop-2', { type: 'TEXT', text: 'Arrived at the bottom' });
    await wait('arrival', () => newest().textContent!.includes('Arrived at the bottom'));
    await frame();
    expect(inView(newest()), 'arrival visible').to.equal(true);
    expect(log().shadowRoot!.querySelector('.pill'), 'no pill at the bottom').to.equal(null);
  });

  it('when scrolled up, an arrival moves nothing and raises "1 new message", which jumps to it', async () => {
    await start(300);
    await openSession('conv-shop-2');
    const s = scroller();
    s.scrollTop = s.scrollHeight - s.clientHeight - 700;
    await wait('scrolled up', () => !log().shadowRoot!.querySelector('.pill') && s.scrollHeight - s.scrollTop - s.clientHeight > 600);
    await frame();
    const reading = items().find((item) => inView(item))!;
    const before = reading.getBoundingClientRect().top;
    backend.sellerSend('shop-2', { type: 'TEXT', text: 'While you were reading' });
    const pill = () => byRole(log().shadowRoot!, 'button', /new message/);
    await wait('pill', pill);
    await frame();
    expect(pill()!.textContent!.trim()).to.match(/^1 new message/);
    expect(reading.getBoundingClientRect().top, 'what the reader sees did not move').to.be.closeTo(before, 1);
    pill()!.click();
    await wait('jumped', () => newest().textContent!.includes('While you were reading') && inView(newest()));
    expect(log().shadowRoot!.querySelector('.pill'), 'pill gone').to.equal(null);
    expect(document.activeElement === session, 'focus stays in the session, not on <body>').to.equal(true);
    expect(log().shadowRoot!.activeElement).to.equal(newest());
  });

  it('loads older history one page at a time near the top, keeping what was on screen in place', async () => {
    await start(300);
    await openSession('conv-shop-2');
    const s = scroller();
    const firstId = items()[0]!.dataset.id!;
    s.scrollTop = 0;
    await wait('older page', () => pageRequests === 2 && items()[0]!.dataset.id !== firstId);
    await frame();
    const anchor = items().find((item) => item.dataset.id === firstId)!;
    expect(anchor.getBoundingClientRect().top - s.getBoundingClientRect().top, 'the old first message stays near where it was').to.be.closeTo(8, 60);
    expect(s.scrollTop, 'no longer at the very top').to.be.greaterThan(200);
    await frame();
    expect(pageRequests, 'one page per approach to the top').to.equal(2);
  });

  it('keeps a bounded DOM: all of history up and back down leaves no more nodes than before', async () => {
    await start(600);
    await openSession('conv-shop-2');
    const s = scroller();
    const count = (root: Node): number => [...root.childNodes].reduce((n, child) => n + 1 + count(child), 0);
    while (!s.querySelector('.start:not(.older)')) {
      const top = items()[0]!.dataset.id;
      s.scrollTop = 0;
      await wait('more history', () => items()[0]!.dataset.id !== top || s.querySelector('.start:not(.older)'));
      expect(items().length).to.be.at.most(150);
    }
    expect(client.conversations.thread('conv-shop-2').getSnapshot().messages.length).to.be.at.least(600);
    const atTop = count(log().shadowRoot!);
    const comments = () => [...s.querySelector('.content')!.childNodes].filter((node) => node.nodeType === Node.COMMENT_NODE).length;
    const commentsAtTop = comments();
    expect(items().length, 'a full window at the top').to.equal(150);
    const lastId = () => client.conversations.thread('conv-shop-2').getSnapshot().messages.at(-1)!.id;
    while (newest().dataset.id !== lastId()) {
      const last = newest().dataset.id;
      s.scrollTop = s.scrollHeight;
      await wait('newer', () => newest().dataset.id !== last);
      expect(items().length).to.be.at.most(150);
    }
    s.scrollTop = s.scrollHeight;
    await frame();
    expect(inView(newest())).to.equal(true);
    expect(items().length).to.equal(150);
    expect(comments(), 'no comment markers left behind (lit#5298)').to.equal(commentsAtTop);
    // Same number of messages in the DOM: the node count may differ only by the messages' own shapes.
    expect(count(log().shadowRoot!), 'nodes after a full scroll up and down').to.be.at.most(atTop * 1.25);
  });

  it('announces an incoming message once through a polite live region', async () => {
    await start(20);
    await openSession('conv-shop-2');
    const region = log().shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(region.textContent!.trim()).to.equal('');
    const changes: string[] = [];
    new MutationObserver(() => changes.push(region.textContent!.trim())).observe(region, { childList: true, characterData: true, subtree: true });
    backend.sellerSend('shop-2', { type: 'TEXT', text: 'Ping from the seller' });
    await wait('announced', () => region.textContent!.includes('Ping from the seller'));
    const name = backend.conversations.get('conv-shop-2')!.counterpart.name;
    expect(region.textContent!.trim()).to.equal(`New message from ${name}: Ping from the seller`);
    backend.sellerSend('shop-2', { type: 'TEXT', text: 'Second ping' });
    await wait('second announced', () => region.textContent!.includes('Second ping'));
    expect(changes.filter((text) => text.includes('Ping from the seller')).length, 'announced once').to.equal(1);
  });

  it('is one tab stop; arrow keys move between messages; day separators head each day', async () => {
    await start(60);
    await openSession('conv-shop-2');
    const s = scroller();
    expect(s.tabIndex).to.equal(0);
    expect(items().every((item) => item.tabIndex === -1)).to.equal(true);
    s.focus();
    s.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    const first = log().shadowRoot!.activeElement as HTMLElement;
    expect(first.classList.contains('msg')).to.equal(true);
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, composed: true }));
    const second = log().shadowRoot!.activeElement as HTMLElement;
    expect(items().indexOf(second)).to.equal(items().indexOf(first) - 1);
    const days = [...s.querySelectorAll('.day')].map((day) => day.textContent!.trim());
    expect(days.length).to.be.greaterThan(0);
    expect(new Set(days).size, 'one separator per day').to.equal(days.length);
  });
});
