/**
 * Every flow of the user guide, walked through `<creator-inbox>` as a creator would — by role and
 * label — against the mock backend behind MSW.
 */
import { expect, html } from '@open-wc/testing';
import type { CreatorImClient } from '@creator-im/sdk';
import type { MockBackend } from '../../../mocks/backend.js';
import { accessibleName, byRole, deepQuery, deepQueryAll, mount, startClient, wait } from './helpers.js';
import type { CreatorInbox } from '../src/inbox/creator-inbox.js';

let backend: MockBackend;
let client: CreatorImClient;
let inbox: CreatorInbox;

const click = (element: Element | null, what: string) => {
  if (!element) throw new Error(`Not found: ${what}`);
  (element as HTMLElement).click();
};
const rowNames = () => deepQueryAll(inbox, '.row .name bdi').map((el) => el.textContent ?? '');
const sessionTitle = () => deepQuery(inbox, 'cim-session-header')?.shadowRoot?.querySelector('h2')?.textContent ?? '';
const searchRoot = () => deepQuery(inbox, 'cim-search')!.shadowRoot!;
const sellerName = (id: string) => backend.conversations.get(`conv-${id}`)!.counterpart.name;

/** Opens a conversation as a creator would: its row when it is on screen, else through search (Accounts). */
async function open(name: string): Promise<void> {
  const row = () => deepQueryAll(inbox, '.row').find((el) => el.querySelector('.name bdi')?.textContent === name);
  if (!row()) {
    const box = deepQuery<HTMLInputElement>(inbox, 'input[type="search"]')!;
    box.value = name;
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const hit = () => searchRoot().querySelector<HTMLElement>('section[aria-labelledby="h-accounts"] button');
    await wait(`account hit ${name}`, hit);
    hit()!.click();
  } else row()!.click();
  await wait(`session ${name}`, () => sessionTitle() === name);
}

/** Chai's failure message would walk a whole element and its client: compare identities as booleans. */
const same = (a: unknown, b: unknown, what: string) => expect(a === b, what).to.equal(true);

async function type(text: string): Promise<void> {
  const box = deepQuery<HTMLTextAreaElement>(inbox, 'textarea')!;
  box.value = text;
  box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
}

beforeEach(async () => {
  ({ backend, client } = await startClient());
  inbox = await mount<CreatorInbox>(client, html`<creator-inbox .client=${client} style="height:600px"></creator-inbox>`);
  await wait('rows', () => rowNames().length > 0);
});

afterEach(() => client.dispose());

describe('inbox: tabs and filters', () => {
  it('switches to the Agency tab by keyboard and shows verified agencies with their label', async () => {
    const shopTab = byRole(inbox, 'tab', 'TikTok Shop')!;
    shopTab.focus();
    shopTab.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    await wait('Agency tab selected', () => byRole(inbox, 'tab', 'Agency')?.getAttribute('aria-selected') === 'true');
    await wait('agency rows', () => rowNames().some((name) => [...backend.conversations.values()].some((c) => c.counterpart.kind === 'agency' && c.counterpart.name === name)));
    expect(deepQueryAll(inbox, '.row .verified').length).to.be.greaterThan(0);
  });

  it('the Starred filter keeps only starred conversations', async () => {
    click(byRole(inbox, 'button', 'Starred'), 'Starred chip');
    await wait('filtered', () => rowNames().length > 0 && deepQueryAll(inbox, '.item').every((item) => item.querySelector('.star[aria-pressed="true"]')));
    const starred = [...backend.conversations.values()].filter((c) => c.starred && c.counterpart.kind === 'seller').length;
    expect(rowNames().length).to.equal(Math.min(starred, rowNames().length));
    expect(byRole(inbox, 'button', 'Starred')!.getAttribute('aria-pressed')).to.equal('true');
  });
});

describe('search', () => {
  it('shows the four modules as headed sections and finds a product that is only on an invitation card', async () => {
    const box = deepQuery<HTMLInputElement>(inbox, 'input[type="search"]')!;
    expect(accessibleName(box)).to.equal('Search');
    box.value = 'aurora';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await wait('results', () => searchRoot().querySelectorAll('h3').length === 4);
    expect([...searchRoot().querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal(['Accounts', 'Messages', 'Products', 'Samples']);
    const products = searchRoot().querySelector('section[aria-labelledby="h-products"]')!;
    await wait('product hit', () => products.querySelector('mark')?.textContent === 'Aurora');
    click(products.querySelector('button'), 'product hit');
    await wait('conversation opened', () => sessionTitle() === sellerName('shop-1'));
  });

  it('finds a product that is only on a sample card under Samples', async () => {
    const box = deepQuery<HTMLInputElement>(inbox, 'input[type="search"]')!;
    box.value = 'ZEPHYR';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const samples = () => searchRoot().querySelector('section[aria-labelledby="h-samples"]');
    await wait('sample hit', () => samples()?.querySelector('mark')?.textContent === 'Zephyr');
    expect(samples()!.textContent).to.contain(sellerName('shop-2'));
  });
});

describe('conversation', () => {
  it('sends a message with Enter; a failed one shows "Failed to send" and Retry delivers it once', async () => {
    const name = sellerName('shop-4');
    await open(name);
    // Every request fails before reaching the model: an outage after the work would deliver it (live event).
    Object.assign(backend.knobs, { errorRate: 1, outage: 'before' });
    await type('Hello from the test');
    await wait('failed', () => byRole(inbox, 'button', 'Retry'));
    expect(deepQuery(inbox, 'cim-message-log')!.shadowRoot!.textContent).to.contain('Failed to send');
    Object.assign(backend.knobs, { errorRate: 0 });
    click(byRole(inbox, 'button', 'Retry'), 'Retry');
    await wait('delivered', () => !byRole(inbox, 'button', 'Retry') && !deepQuery(inbox, 'cim-message-log')!.shadowRoot!.textContent!.includes('Sending'));
    const stored = backend.messages.get('conv-shop-4')!.filter((m) => m.type === 'TEXT' && m.text === 'Hello from the test');
    expect(stored.length).to.equal(1);
  });

  it('requests a sample; its card reads "To review", then "To ship" when the seller approves', async () => {
    await open(sellerName('shop-1'));
    click(byRole(inbox, 'button', 'Request sample'), 'Request sample');
    const dialog = deepQuery(inbox, 'cim-sample-dialog')!.shadowRoot!.querySelector('dialog')!;
    await wait('dialog open', () => dialog.open);
    // The shared products come from the thread, which may still be loading when the dialog opens.
    await wait('a product to pick', () => dialog.querySelector('li button'));
    const pick = dialog.querySelector<HTMLButtonElement>('li button')!;
    const productName = accessibleName(pick).replace('Request a sample of ', '');
    pick.click();
    const card = () => deepQueryAll(inbox, 'cim-sample-card').find((el) => el.shadowRoot?.textContent?.includes(productName));
    await wait('sample card', () => card()?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() === 'To review');
    // The card shows at once (optimistic); the seller decides once the server has the request.
    const stored = () => [...backend.messages.get('conv-shop-1')!].reverse().find((m) => m.type === 'SAMPLE_REQUEST');
    await wait('stored', stored);
    const sample = stored()!;
    backend.decideSample((sample as { sample: { id: string } }).sample.id, 'to_ship');
    await wait('To ship', () => card()?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() === 'To ship');
  });

  it('blocks the seller from More options after a confirmation naming them: the composer becomes the blocked notice; Unblock restores it', async () => {
    const name = sellerName('shop-4');
    await open(name);
    click(byRole(inbox, 'button', 'More options'), 'More options');
    await wait('menu', () => byRole(inbox, 'menuitem', 'Block seller'));
    click(byRole(inbox, 'menuitem', 'Block seller'), 'Block seller');
    const dialog = deepQuery(inbox, 'cim-block-dialog')!.shadowRoot!.querySelector('dialog')!;
    await wait('confirmation', () => dialog.open);
    expect(dialog.querySelector('h2')!.textContent).to.equal(`Block ${name}?`);
    expect(dialog.textContent).to.contain('will be told that you blocked them');
    expect(backend.conversations.get('conv-shop-4')!.blocked, 'nothing blocked before confirming').to.equal(false);
    click(byRole(dialog, 'button', 'Block'), 'Block');
    await wait('blocked notice', () => byRole(inbox, 'button', 'Unblock'));
    same(deepQuery(inbox, 'textarea'), null, 'no composer while blocked');
    expect(backend.conversations.get('conv-shop-4')!.blocked).to.equal(true);
    click(byRole(inbox, 'button', 'Unblock'), 'Unblock');
    await wait('composer back', () => deepQuery(inbox, 'textarea'));
    expect(backend.conversations.get('conv-shop-4')!.blocked).to.equal(false);
  });

  it('Escape closes the More options menu and returns focus to its button', async () => {
    await open(sellerName('shop-4'));
    const more = byRole(inbox, 'button', 'More options')!;
    click(more, 'More options');
    await wait('menu', () => byRole(inbox, 'menuitem', 'Block seller'));
    byRole(inbox, 'menuitem', 'Block seller')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await wait('menu closed', () => !byRole(inbox, 'menuitem', 'Block seller'));
    same((more.getRootNode() as ShadowRoot).activeElement, more, 'focus back on More options');
  });
});

describe('quick replies', () => {
  it('"Edit quick replies": add one, Save, and it is offered in the composer and stored on the server', async () => {
    await open(sellerName('shop-4'));
    click(byRole(inbox, 'button', 'Edit quick replies'), 'Edit quick replies');
    const dialog = deepQuery(inbox, 'cim-quick-replies-dialog')!.shadowRoot!.querySelector('dialog')!;
    await wait('dialog open', () => dialog.open);
    const before = dialog.querySelectorAll('li').length;
    click(byRole(dialog, 'button', 'Add a quick reply'), 'Add a quick reply');
    await wait('new row', () => dialog.querySelectorAll('li').length === before + 1);
    const input = [...dialog.querySelectorAll<HTMLInputElement>('li input')].at(-1)!;
    input.value = 'What is the commission on this plan?';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    click(byRole(dialog, 'button', 'Save'), 'Save');
    await wait('saved', () => !dialog.open);
    await wait('chip', () => byRole(inbox, 'button', 'What is the commission on this plan?'));
    const stored = (await (await fetch('/api/quick-replies', { headers: { authorization: 'Bearer t' } })).json()) as { replies: { text: string }[] };
    expect(stored.replies.map((r) => r.text)).to.include('What is the commission on this plan?');
  });
});

describe('Showcase', () => {
  it('"Add all" adds every product of a Targeted Plan and the card shows "Added"', async () => {
    await open(sellerName('shop-1'));
    const card = () => deepQueryAll(inbox, 'cim-product-list-card').find((el) => el.shadowRoot?.textContent?.includes('Holiday Targeted Plan'));
    await wait('plan card', card);
    click(byRole(card()!.shadowRoot!, 'button', 'Add all'), 'Add all');
    await wait('Added', () => card()!.shadowRoot!.querySelector('.actions .pill.good')?.textContent?.trim() === 'Added');
    same(byRole(card()!.shadowRoot!, 'button', 'Add all'), null, 'no "Add all" button once Added');
  });

  it('adds one product from the opened list; Escape closes the list and focus returns to "View products"', async () => {
    await open(sellerName('shop-1'));
    const card = () => deepQueryAll(inbox, 'cim-product-list-card').find((el) => el.shadowRoot?.textContent?.includes('Holiday Targeted Plan'))!;
    await wait('plan card', card);
    const view = byRole(card().shadowRoot!, 'button', 'View products')!;
    view.click();
    const dialog = card().shadowRoot!.querySelector('dialog')!;
    await wait('dialog open', () => dialog.open);
    const add = dialog.querySelector<HTMLButtonElement>('li button[aria-label^="Add "]')!;
    const product = accessibleName(add);
    add.click();
    await wait('product added', () => !byRole(dialog, 'button', product) && dialog.querySelector('.pill.good'));
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    dialog.close(); // what the browser does on Escape for a modal dialog
    await wait('closed', () => !dialog.open);
    await wait('focus back on View products', () => card().shadowRoot!.activeElement === view);
    expect(card().shadowRoot!.textContent).to.match(/[2-4] of 4 products in your Showcase/);
  });
});

describe('agencies', () => {
  const pendingAgency = (skip = 0) =>
    [...backend.invitations.values()].filter((invitation) => invitation.state === 'pending')[skip]!.agency;

  async function learnMore(agencyName: string): Promise<HTMLDialogElement> {
    click(byRole(inbox, 'tab', 'Agency'), 'Agency tab');
    await open(agencyName);
    await wait('invitation card', () => deepQuery(inbox, 'cim-invitation-card')?.shadowRoot?.querySelector('button'));
    const card = deepQuery(inbox, 'cim-invitation-card')!;
    click(byRole(card.shadowRoot!, 'button', 'Learn more'), 'Learn more');
    const dialog = card.shadowRoot!.querySelector('dialog')!;
    await wait('dialog open', () => dialog.open);
    return dialog;
  }

  it('Accept stays disabled until every agreement is acknowledged; then links the creator, who can send an unlink request', async () => {
    const agency = pendingAgency();
    const dialog = await learnMore(agency.name);
    const accept = byRole(dialog, 'button', 'Accept') as HTMLButtonElement;
    expect(accept.disabled).to.equal(true);
    const boxes = [...dialog.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.length).to.be.greaterThan(0);
    boxes.forEach((box) => box.click());
    await wait('Accept enabled', () => !(byRole(dialog, 'button', 'Accept') as HTMLButtonElement).disabled);
    click(byRole(dialog, 'button', 'Accept'), 'Accept');
    await wait('accepted', () => byRole(dialog, 'button', 'Send unlink request'));
    expect(dialog.textContent).to.contain('Accepted');
    click(byRole(dialog, 'button', 'Send unlink request'), 'Send unlink request');
    await wait('unlink requested', () => dialog.textContent?.includes('Unlink request sent'));
    expect(backend.links.get(agency.id)).to.equal('unlink_requested');
  });

  it('Decline declines the invitation', async () => {
    const agency = pendingAgency(1);
    const dialog = await learnMore(agency.name);
    click(byRole(dialog, 'button', 'Decline'), 'Decline');
    await wait('declined', () => dialog.querySelector('[role="status"]')?.textContent?.includes('Declined'));
    same(byRole(dialog, 'button', 'Accept'), null, 'no Accept once declined');
  });
});

describe('entrances', () => {
  it('"Contact" → "Contact Seller Online" opens the right seller conversation and records the entrance', async () => {
    const host = document.createElement('div');
    host.innerHTML = '<cim-contact-button seller-id="shop-9" entrance="product_promotion" product-id="prod-3" action-label="Contact Seller Online"></cim-contact-button>';
    document.body.append(host);
    try {
      const button = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      await button.updateComplete;
      click(byRole(button.shadowRoot!, 'button', 'Contact'), 'Contact');
      await wait('menu', () => byRole(button.shadowRoot!, 'menuitem', 'Contact Seller Online'));
      click(byRole(button.shadowRoot!, 'menuitem', 'Contact Seller Online'), 'Contact Seller Online');
      await wait('opened', () => sessionTitle() === sellerName('shop-9'));
      expect(backend.conversations.get('conv-shop-9')!.entrance).to.deep.equal({ type: 'product_promotion', productId: 'prod-3' });
    } finally {
      host.remove();
    }
  });
});

describe('security', () => {
  it('renders hostile server strings as text: no markup, no script, no javascript: link', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const conversation = backend.conversations.get('conv-shop-1')!;
    backend.conversations.set('conv-shop-1', { ...conversation, counterpart: { ...conversation.counterpart, name: `Shop ${hostile}` } });
    backend.sellerSend('shop-1', { type: 'TEXT', text: hostile });
    const invitation = [...backend.invitations.values()].find((i) => i.state === 'pending')!;
    backend.invitations.set(invitation.id, { ...invitation, agreements: invitation.agreements.map((a, i) => ({ ...a, url: i === 0 ? 'javascript:alert(1)' : 'https://example.com/agreement' })) });
    for (const message of backend.messages.get(invitation.conversationId)!) {
      if (message.type === 'AGENCY_INVITATION') message.invitation = backend.invitations.get(invitation.id)!;
    }
    await client.inbox.load({ tab: 'shop' });
    await open(`Shop ${hostile}`);
    const log = deepQuery(inbox, 'cim-message-log')!.shadowRoot!;
    await wait('hostile text shown', () => log.textContent?.includes('onerror='));
    expect(deepQueryAll(inbox, 'b, img[onerror], img[src="x"]').length).to.equal(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    click(byRole(inbox, 'tab', 'Agency'), 'Agency tab');
    await open(invitation.agency.name);
    await wait('invitation card', () => deepQuery(inbox, 'cim-invitation-card')?.shadowRoot?.querySelector('dialog'));
    const links = [...deepQuery(inbox, 'cim-invitation-card')!.shadowRoot!.querySelectorAll('a')];
    expect(invitation.agreements.length).to.be.greaterThan(1);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(invitation.agreements.slice(1).map(() => 'https://example.com/agreement'));
  });
});

describe('accessibility', () => {
  it('an open seller session with its cards passes axe', async () => {
    await open(sellerName('shop-1'));
    await wait('cards', () => deepQuery(inbox, 'cim-product-list-card'));
    await expect(inbox).to.be.accessible();
  });

  it('an agency session passes axe', async () => {
    click(byRole(inbox, 'tab', 'Agency'), 'Agency tab');
    await open([...backend.invitations.values()][0]!.agency.name);
    await wait('invitation', () => deepQuery(inbox, 'cim-invitation-card'));
    await expect(inbox).to.be.accessible();
  });
});

describe('notifications entry and locales', () => {
  it('the Notifications icon shows the unread count and asks the inbox to show itself', async () => {
    inbox.id = 'inbox-under-test';
    const host = document.createElement('div');
    host.innerHTML = '<cim-notifications-button inbox="inbox-under-test"></cim-notifications-button>';
    document.body.append(host);
    try {
      const bell = host.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      const unread = client.inbox.totalUnread.getSnapshot();
      expect(unread).to.be.greaterThan(0);
      await wait('badge', () => bell.shadowRoot?.querySelector('[part="badge"]')?.textContent === (unread > 99 ? '99+' : String(unread)));
      expect(accessibleName(bell.shadowRoot!.querySelector('button')!)).to.equal(`Notifications, ${unread} unread`);
      let shown = false;
      inbox.addEventListener('cim-inbox-open', () => (shown = true), { once: true });
      bell.shadowRoot!.querySelector('button')!.click();
      expect(shown).to.equal(true);
    } finally {
      host.remove();
    }
  });

  it('switches to Arabic, right to left, and back', async () => {
    const { setLocale } = await import('../src/localization.js');
    inbox.setAttribute('dir', 'rtl');
    try {
      await setLocale('ar');
      await wait('Arabic tabs', () => byRole(inbox, 'tab', /الوكالات/));
      expect(getComputedStyle(deepQuery(inbox, '[role="tablist"]')!).direction).to.equal('rtl');
      // The rows' times are written in Arabic too ("Wed" stayed English while the rest was Arabic).
      const first = client.inbox.view({ tab: 'shop', filter: 'all' }).getSnapshot().conversations[0]!;
      const { formatTime } = await import('../src/format.js');
      await wait('Arabic row times', () => deepQuery(inbox, '.row[data-index="0"] .time')?.textContent === formatTime(first.lastActivityAt, Date.now(), 'ar'));
      await expect(inbox).to.be.accessible();
    } finally {
      await setLocale('en');
      inbox.removeAttribute('dir');
    }
    await wait('English again', () => byRole(inbox, 'tab', 'Agency'));
  });
});
