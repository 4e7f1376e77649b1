/**
 * Every event of docs/embedding.md fires exactly once per user action, as the host page (window)
 * sees it; focus never falls to <body> after an action or a dialog.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CreatorImClient } from '@creator-im/sdk';
import type { MockBackend } from '../../../mocks/backend.js';
import { byRole, deepQuery, deepQueryAll, mount, startClient, wait } from './helpers.js';
import type { CreatorInbox } from '../src/inbox/creator-inbox.js';

const NAMES = [
  'cim-conversation-open',
  'cim-message-send',
  'cim-products-add',
  'cim-invitation-accept',
  'cim-seller-block',
  'cim-sample-request',
  'cim-search-change',
  'cim-inbox-open',
  'cim-client-change',
] as const;

let backend: MockBackend;
let client: CreatorImClient;
let inbox: CreatorInbox;
let seen: { name: string; detail: unknown }[] = [];
const record = (event: Event) => seen.push({ name: event.type, detail: (event as CustomEvent).detail });

const click = (element: Element | null | undefined, what: string) => {
  if (!element) throw new Error(`Not found: ${what}`);
  (element as HTMLElement).click();
};
const count = (name: string) => seen.filter((event) => event.name === name).length;
const sellerName = (id: string) => backend.conversations.get(`conv-${id}`)!.counterpart.name;
const title = () => deepQuery(inbox, 'cim-session-header')?.shadowRoot?.querySelector('h2')?.textContent ?? '';
/** The deepest focused element, through shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function open(name: string): Promise<void> {
  // Through search (Accounts), as a creator finds a conversation that is not on screen.
  const box = deepQuery<HTMLInputElement>(inbox, 'input[type="search"]')!;
  box.value = name;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  const hit = () => deepQuery(inbox, 'cim-search')!.shadowRoot!.querySelector<HTMLElement>('section[aria-labelledby="h-accounts"] button');
  await wait(`account hit ${name}`, hit);
  hit()!.click();
  await wait(`session ${name}`, () => title() === name);
  await (deepQuery(inbox, 'cim-chat-session') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

beforeEach(async () => {
  for (const name of NAMES) window.addEventListener(name, record);
  ({ backend, client } = await startClient());
  inbox = await mount<CreatorInbox>(client, html`<creator-inbox .client=${client} style="height:600px"></creator-inbox>`);
  await wait('rows', () => deepQueryAll(inbox, '.row').length > 0);
  seen = [];
});

afterEach(() => {
  for (const name of NAMES) window.removeEventListener(name, record);
  client.dispose();
});

describe('events fire exactly once per action', () => {
  it('cim-client-change once when the client is replaced', async () => {
    inbox.client = client;
    const other = { ...client } as CreatorImClient;
    inbox.client = other;
    await inbox.updateComplete;
    expect(count('cim-client-change')).to.equal(1);
    inbox.client = client;
    await inbox.updateComplete;
  });

  it('cim-message-send once per Enter', async () => {
    await open(sellerName('shop-4'));
    const box = deepQuery<HTMLTextAreaElement>(inbox, 'textarea')!;
    box.value = 'Once only';
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await wait('sent', () => count('cim-message-send') > 0);
    await wait('delivered', () => backend.messages.get('conv-shop-4')!.some((m) => m.type === 'TEXT' && m.text === 'Once only'));
    expect(count('cim-message-send')).to.equal(1);
    expect(count('cim-conversation-open'), 'opening was one open').to.equal(1);
  });

  it('cim-seller-block once on confirm, once on Unblock; focus returns to More options, then to the message field', async () => {
    await open(sellerName('shop-4'));
    const more = byRole(inbox, 'button', 'More options')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await wait('menu', () => byRole(inbox, 'menuitem', 'Block seller'));
    expect(deepActive()?.getAttribute('role'), 'first item focused').to.equal('menuitem');
    await sendKeys({ press: 'Enter' });
    const dialog = deepQuery(inbox, 'cim-block-dialog')!.shadowRoot!.querySelector('dialog')!;
    await wait('confirmation', () => dialog.open);
    await sendKeys({ press: 'Escape' });
    await wait('cancelled', () => !dialog.open);
    expect(deepActive() === more, 'focus back on More options after Cancel').to.equal(true);
    expect(count('cim-seller-block')).to.equal(0);
    click(more, 'More options');
    await wait('menu', () => byRole(inbox, 'menuitem', 'Block seller'));
    click(byRole(inbox, 'menuitem', 'Block seller'), 'Block seller');
    await wait('confirmation', () => dialog.open);
    click(byRole(dialog, 'button', 'Block'), 'Block');
    await wait('blocked', () => byRole(inbox, 'button', 'Unblock'));
    await wait('closed', () => !dialog.open);
    expect(deepActive() === more, 'focus back on More options after Block').to.equal(true);
    expect(seen.filter((e) => e.name === 'cim-seller-block').map((e) => e.detail)).to.deep.equal([{ conversationId: 'conv-shop-4', blocked: true }]);
    click(byRole(inbox, 'button', 'Unblock'), 'Unblock');
    await wait('unblocked', () => deepQuery(inbox, 'textarea'));
    await wait('focus on the message field', () => deepActive()?.localName === 'textarea');
    expect(count('cim-seller-block')).to.equal(2);
  });

  it('cim-sample-request once; focus returns to "Request sample"', async () => {
    await open(sellerName('shop-1'));
    const opener = byRole(inbox, 'button', 'Request sample')!;
    click(opener, 'Request sample');
    const dialog = deepQuery(inbox, 'cim-sample-dialog')!.shadowRoot!.querySelector('dialog')!;
    await wait('dialog', () => dialog.open && dialog.querySelector('li button'));
    click(dialog.querySelector('li button'), 'Request');
    await wait('requested', () => count('cim-sample-request') > 0 && !dialog.open);
    expect(count('cim-sample-request')).to.equal(1);
    await wait(`focus back on Request sample, not ${deepActive()?.outerHTML.slice(0, 60)}`, () => deepActive() === opener);
  });

  it('cim-products-add once per "Add all"; focus moves on to "View products"', async () => {
    await open(sellerName('shop-1'));
    const card = () => deepQueryAll(inbox, 'cim-product-list-card').find((el) => el.shadowRoot?.textContent?.includes('Holiday Targeted Plan'));
    await wait('plan card', card);
    const addAll = byRole(card()!.shadowRoot!, 'button', 'Add all')!;
    addAll.focus();
    addAll.click();
    await wait('Added', () => card()!.shadowRoot!.querySelector('.actions .pill.good'));
    expect(count('cim-products-add')).to.equal(1);
    await wait('focus on View products', () => deepActive() === byRole(card()!.shadowRoot!, 'button', 'View products'));
  });

  it('cim-invitation-accept once; the dialog shows the link and focus moves to "Send unlink request"', async () => {
    const invitation = [...backend.invitations.values()].find((i) => i.state === 'pending')!;
    click(byRole(inbox, 'tab', 'Agency'), 'Agency tab');
    const row = () => deepQueryAll(inbox, '.row').find((el) => el.querySelector('.name bdi')?.textContent === invitation.agency.name);
    await wait('agency row', row);
    row()!.click();
    await wait('card', () => deepQuery(inbox, 'cim-invitation-card')?.shadowRoot?.querySelector('button'));
    const card = deepQuery(inbox, 'cim-invitation-card')!;
    click(byRole(card.shadowRoot!, 'button', 'Learn more'), 'Learn more');
    const dialog = card.shadowRoot!.querySelector('dialog')!;
    await wait('dialog', () => dialog.open);
    dialog.querySelectorAll<HTMLInputElement>('input[type="checkbox"]').forEach((box) => box.click());
    await wait('Accept enabled', () => !(byRole(dialog, 'button', 'Accept') as HTMLButtonElement).disabled);
    const accept = byRole(dialog, 'button', 'Accept')!;
    accept.focus();
    accept.click();
    await wait('accepted', () => byRole(dialog, 'button', 'Send unlink request'));
    await wait('focus moved', () => deepActive() === byRole(dialog, 'button', 'Send unlink request'));
    expect(dialog.querySelector('[role="status"]')!.textContent).to.contain('Accepted');
    expect(count('cim-invitation-accept')).to.equal(1);
  });

  it('cim-search-change once per edit; cim-conversation-open once per search hit', async () => {
    const box = deepQuery<HTMLInputElement>(inbox, 'input[type="search"]')!;
    const name = sellerName('shop-2');
    box.value = name;
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const hit = () => deepQuery(inbox, 'cim-search')!.shadowRoot!.querySelector<HTMLElement>('section[aria-labelledby="h-accounts"] button');
    await wait('hit', hit);
    expect(count('cim-search-change')).to.equal(1);
    hit()!.click();
    await wait('opened', () => title() === name);
    expect(count('cim-conversation-open')).to.equal(1);
  });

  it('cim-inbox-open once from Notifications; Enter on it puts focus inside the inbox, not on <body>', async () => {
    inbox.id = 'inbox-events';
    const host = document.createElement('div');
    host.innerHTML = '<cim-notifications-button inbox="inbox-events"></cim-notifications-button>';
    document.body.append(host);
    try {
      await (host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const bell = host.firstElementChild!.shadowRoot!.querySelector('button')!;
      bell.focus();
      await sendKeys({ press: 'Enter' });
      await wait('focus inside the inbox', () => document.activeElement === inbox.parentElement!.firstElementChild && deepActive() !== document.body);
      expect(count('cim-inbox-open')).to.equal(1);
      const active = deepActive()!;
      expect(Boolean(active.closest('.item')) || active.getAttribute('role') === 'tab', `a row or the selected tab, not ${active.outerHTML.slice(0, 80)}`).to.equal(true);
    } finally {
      host.remove();
    }
  });
});
