/**
 * The conversation list with a real keyboard (CDP key presses): one tab stop, arrows, Home/End,
 * type-ahead, the row star; switching tabs from any scroll position; one open event per choice.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CreatorImClient } from '@creator-im/sdk';
import type { MockBackend } from '../../../mocks/backend.js';
import { byRole, deepQuery, mount, startClient, wait } from './helpers.js';
import type { CreatorInbox } from '../src/inbox/creator-inbox.js';

let backend: MockBackend;
let client: CreatorImClient;
let inbox: CreatorInbox;
const errors: string[] = [];
const onError = (event: ErrorEvent) => errors.push(String(event.message));

const list = () => deepQuery(inbox, 'cim-inbox-list')!.shadowRoot!;
const rows = () => [...list().querySelectorAll<HTMLElement>('.row')];
const rowName = (row: Element) => row.querySelector('.name bdi')!.textContent!;
const focused = () => list().activeElement as HTMLElement | null;

beforeEach(async () => {
  ({ backend, client } = await startClient({ sellers: 80, agencies: 6 }));
  inbox = await mount<CreatorInbox>(client, html`<creator-inbox .client=${client} style="height:600px"></creator-inbox>`);
  await wait('rows', () => rows().length > 3);
  errors.length = 0;
  window.addEventListener('error', onError);
});

afterEach(() => {
  window.removeEventListener('error', onError);
  client.dispose();
});

describe('conversation list', () => {
  it('is one tab stop: Tab enters on a row and the next Tab leaves the list', async () => {
    const tab = byRole(inbox, 'tab', 'TikTok Shop')!;
    tab.focus();
    // Tab stops in order: selected tab, the four filter chips, then the list.
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.classList.contains('row'), 'a row has focus').to.equal(true);
    expect(rows().filter((row) => row.tabIndex === 0).length, 'exactly one row in the tab order').to.equal(1);
    await sendKeys({ press: 'Tab' });
    expect(focused() === null || !focused()!.closest('.item'), 'Tab left the list').to.equal(true);
  });

  it('ArrowDown/ArrowUp, End and Home move between rows; Enter opens one (one cim-conversation-open)', async () => {
    const opened: string[] = [];
    inbox.addEventListener('cim-conversation-open', (event) => opened.push(event.detail.conversationId));
    rows()[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()!.dataset.index).to.equal('1');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()!.dataset.index).to.equal('0');
    // End goes to the last row loaded when it is pressed; reaching it may load the next page (maybe
    // before sendKeys returns), which does not move focus: count the rows before pressing.
    const total = client.inbox.view({ tab: 'shop', filter: 'all' }).getSnapshot().conversations.length;
    await sendKeys({ press: 'End' });
    await wait('last row focused', () => Number(focused()?.dataset.index) >= total - 1);
    await sendKeys({ press: 'Home' });
    await wait('first row focused', () => focused()?.dataset.index === '0');
    await sendKeys({ press: 'Enter' });
    await wait('opened', () => deepQuery(inbox, 'cim-chat-session'));
    const first = client.inbox.view({ tab: 'shop', filter: 'all' }).getSnapshot().conversations[0]!;
    expect(opened).to.deep.equal([first.id]);
  });

  it('type-ahead moves to the next row whose name starts with the typed letters', async () => {
    rows()[0]!.focus();
    const conversations = client.inbox.view({ tab: 'shop', filter: 'all' }).getSnapshot().conversations;
    const target = conversations.slice(1).find((c) => /^[a-z]/i.test(c.counterpart.name))!;
    const prefix = target.counterpart.name.slice(0, 3);
    await sendKeys({ type: prefix });
    const expected = conversations.findIndex((c, i) => i > 0 && c.counterpart.name.toLowerCase().startsWith(prefix.toLowerCase()));
    await wait('type-ahead', () => focused()?.dataset.index === String(expected));
  });

  it('one click opens once: cim-conversation-open fires exactly once', async () => {
    const opened: string[] = [];
    window.addEventListener('cim-conversation-open', (event) => opened.push((event as CustomEvent<{ conversationId: string }>).detail.conversationId));
    rows()[2]!.click();
    await wait('session', () => deepQuery(inbox, 'cim-session-header'));
    await deepQuery<CreatorInbox>(inbox, 'cim-chat-session')!.updateComplete;
    expect(opened.length).to.equal(1);
  });

  it('stars from the row (ArrowRight, Enter) and from the session header; Starred lists it; unstar the same way', async () => {
    const row = rows()[3]!;
    const name = rowName(row);
    const id = client.inbox.view({ tab: 'shop', filter: 'all' }).getSnapshot().conversations[3]!.id;
    if (client.conversations.conversation(id).getSnapshot()!.starred) await client.inbox.star(id, false);
    row.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()!.classList.contains('star')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await wait('starred on the server', () => backend.conversations.get(id)!.starred);
    click(byRole(inbox, 'button', 'Starred'));
    const starredOnly = () => rows().length > 0 && rows().every((r) => r.parentElement!.querySelector('.star[aria-pressed="true"]'));
    await wait('listed under Starred', () => starredOnly() && rows().some((r) => rowName(r) === name));
    click(rows().find((r) => rowName(r) === name)!);
    const star = () => deepQuery(inbox, 'cim-session-header')?.shadowRoot?.querySelector<HTMLButtonElement>('[part="star"]');
    await wait('header star pressed', () => star()?.getAttribute('aria-pressed') === 'true');
    star()!.click();
    await wait('unstarred', () => !backend.conversations.get(id)!.starred && !rows().some((r) => rowName(r) === name));
  });

  it('switching tab from deep in the list shows the new list from its top, with no error', async () => {
    const scroller = () => list().querySelector<HTMLElement>('lit-virtualizer')!;
    scroller().scrollTop = 2500;
    await wait('scrolled', () => rows().some((row) => Number(row.dataset.index) > 20));
    click(byRole(inbox, 'tab', 'Collab Messages'));
    const collab = () => client.inbox.view({ tab: 'collab', filter: 'all' }).getSnapshot().conversations;
    await wait('collab rows', () => collab().length > 0 && rows().length > 0 && rowName(rows()[0]!) === collab()[0]!.counterpart.name);
    expect(scroller().scrollTop).to.equal(0);
    const shown = new Set(collab().map((c) => c.counterpart.name));
    expect(rows().every((row) => shown.has(rowName(row))), 'only Collab Messages rows').to.equal(true);
    click(byRole(inbox, 'tab', 'Agency'));
    await wait('agency rows', () => rows().length > 0 && rowName(rows()[0]!) === client.inbox.view({ tab: 'agency', filter: 'all' }).getSnapshot().conversations[0]?.counterpart.name);
    expect(errors).to.deep.equal([]);
  });

  it('keeps keyboard focus when the focused row is scrolled out of the list: the nearest row in view takes it, and the arrows go on from there', async () => {
    const scroller = () => list().querySelector<HTMLElement>('lit-virtualizer')!;
    rows()[1]!.focus();
    expect(focused()?.dataset.index).to.equal('1');
    // Scrolled with the wheel or a scroll bar (not the keyboard) far past the overhang: row 1 leaves the DOM.
    scroller().scrollTop = 3000;
    const scrolledTo = scroller().scrollTop; // as far as the loaded rows go
    await wait('row 1 gone, a row in view focused', () => !rows().some((row) => row.dataset.index === '1') && focused()?.classList.contains('row') === true);
    const index = Number(focused()!.dataset.index);
    expect(index, 'the nearest row still rendered').to.be.greaterThan(1);
    expect(rows().filter((row) => row.tabIndex === 0).map((row) => Number(row.dataset.index)), 'it is the one tab stop').to.deep.equal([index]);
    expect(scroller().scrollTop, 'focus did not scroll the list back').to.be.at.least(scrolledTo - 1);
    await sendKeys({ press: 'ArrowDown' });
    await wait('the next row focused', () => focused()?.dataset.index === String(index + 1));
    // Back to the top: the focused row leaves the other way; focus follows again.
    scroller().scrollTop = 0;
    await wait('a row near the top focused', () => focused()?.classList.contains('row') === true && Number(focused()!.dataset.index) < index);
    expect(errors).to.deep.equal([]);
  });

  it('a tab with more than 99 unread shows "99+" (the tabs keep to the pane), and says the exact count to screen readers', async () => {
    // Unread badges arrive with the summary: make the TikTok Shop total large on the server, then reload it.
    for (const c of [...backend.conversations.values()].filter((c) => c.counterpart.kind === 'seller').slice(0, 40)) c.unreadCount = 9;
    await client.inbox.loadSummary();
    const total = client.inbox.unread.getSnapshot().shop;
    expect(total).to.be.greaterThan(99);
    const tab = byRole(inbox, 'tab', new RegExp(`^TikTok Shop`))!;
    await wait('the badge', () => tab.querySelector('.badge')?.textContent === '99+');
    expect(tab.querySelector('.sr-only')!.textContent).to.equal(`${total} unread`);
  });

  it('a fling loads no avatars for the rows passing by; the rows in view load theirs once it settles; a short scroll loads at once', async () => {
    const element = deepQuery<HTMLElement & { updateComplete: Promise<unknown> }>(inbox, 'cim-inbox-list')!;
    const scroller = list().querySelector<HTMLElement>('lit-virtualizer')!;
    const images = () => rows().filter((row) => row.querySelector('.avatar img')).length;
    await wait('avatars of the first rows', () => images() > 3);
    // One scroll frame of more than half the list's height is a fling. Checked in the microtasks after
    // the scroll event, before that frame's animation callbacks: it cannot have settled yet.
    const scrolled = new Promise((resolve) => scroller.addEventListener('scroll', resolve, { once: true }));
    scroller.scrollTop = scroller.scrollHeight;
    await scrolled;
    await element.updateComplete;
    const deep = rows().filter((row) => Number(row.dataset.index) > 20);
    expect(deep.length, 'rows rendered at the new place').to.be.greaterThan(3);
    expect(deep.filter((row) => row.querySelector('.avatar img')).length, 'no avatar image while flinging').to.equal(0);
    expect(deep.every((row) => row.querySelector('.avatar .initials')?.textContent), 'initials instead').to.equal(true);
    await wait('avatars once settled', () => rows().every((row) => row.querySelector('.avatar img')));
    // A short scroll (reading, not flinging) renders new rows with their avatar right away. Upwards:
    // the list is at its end, which may or may not have grown by the next page yet.
    const before = new Set(rows().map((row) => row.dataset.index));
    scroller.scrollTop -= 150;
    await wait('a new row', () => rows().some((row) => !before.has(row.dataset.index)));
    expect(rows().every((row) => row.querySelector('.avatar img')), 'every row has its avatar').to.equal(true);
  });
});

function click(element: Element | null | undefined): void {
  if (!element) throw new Error('Not found');
  (element as HTMLElement).click();
}

