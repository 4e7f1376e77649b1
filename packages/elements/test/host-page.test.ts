/**
 * The inbox on a hostile host page: inherited text styles stay out, `--cim-*` tokens and
 * `::part()` rules come in (through exportparts); text from anywhere is bounded and isolated.
 */
import { expect, html } from '@open-wc/testing';
import type { CreatorImClient } from '@creator-im/sdk';
import type { MockBackend } from '../../../mocks/backend.js';
import { deepQuery, deepQueryAll, mount, startClient, wait } from './helpers.js';
import type { CreatorInbox } from '../src/inbox/creator-inbox.js';

let backend: MockBackend;
let client: CreatorImClient;
let inbox: CreatorInbox;
let style: HTMLStyleElement;

const HOSTILE = `
  body { text-align: center; line-height: 3; letter-spacing: 4px; word-spacing: 9px; font-size: 31px; text-transform: uppercase; font-style: italic; }
  creator-inbox { --cim-color-accent: rgb(0, 128, 0); }
  creator-inbox::part(tabs) { background-color: rgb(1, 2, 3); }
  creator-inbox::part(row) { background-color: rgb(4, 5, 6); }
  creator-inbox::part(session-header) { background-color: rgb(7, 8, 9); }
  creator-inbox::part(messages) { background-color: rgb(10, 11, 12); }
  creator-inbox::part(composer) { background-color: rgb(13, 14, 15); }
  creator-inbox::part(input) { background-color: rgb(16, 17, 18); }
`;

beforeEach(async () => {
  style = Object.assign(document.createElement('style'), { textContent: HOSTILE });
  document.head.append(style);
  ({ backend, client } = await startClient());
  inbox = await mount<CreatorInbox>(client, html`<creator-inbox .client=${client} style="height:600px"></creator-inbox>`);
  await wait('rows', () => deepQueryAll(inbox, '.row').length > 0);
});

afterEach(() => {
  style.remove();
  client.dispose();
});

describe('on a hostile host page', () => {
  it('inherited text styles do not leak in; tokens and every documented part do', async () => {
    const row = deepQuery(inbox, '.row')!;
    const css = getComputedStyle(row);
    expect(css.textAlign).to.equal('start');
    expect(css.letterSpacing).to.equal('normal');
    expect(css.wordSpacing).to.equal('0px');
    expect(css.textTransform).to.equal('none');
    expect(css.fontStyle).to.equal('normal');
    expect(parseFloat(getComputedStyle(inbox).fontSize)).to.be.lessThan(20);
    expect(parseFloat(css.lineHeight) / parseFloat(css.fontSize)).to.be.lessThan(2);
    expect(getComputedStyle(deepQuery(inbox, '[part="tabs"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(row).backgroundColor).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(deepQuery(inbox, '[part="input"]')!).backgroundColor).to.equal('rgb(16, 17, 18)');
    expect(getComputedStyle(deepQuery(inbox, '.badge')!).backgroundColor).to.equal('rgb(0, 128, 0)');
    row.click();
    await wait('session', () => deepQuery(inbox, 'cim-message-log')?.shadowRoot?.querySelector('.msg'));
    await wait('composer', () => deepQuery(inbox, '[part="composer"]'));
    expect(getComputedStyle(deepQuery(inbox, '[part="header"].header')!).backgroundColor).to.equal('rgb(7, 8, 9)');
    expect(getComputedStyle(deepQuery(inbox, '[part="messages"]')!).backgroundColor).to.equal('rgb(10, 11, 12)');
    expect(getComputedStyle(deepQuery(inbox, '[part="composer"]')!).backgroundColor).to.equal('rgb(13, 14, 15)');
  });
});

describe('text from anywhere', () => {
  it('an unbroken 5,000-character message and a 500-character name stay inside their boxes; bidi overrides are dropped', async () => {
    const conversation = backend.conversations.get('conv-shop-2')!;
    const spoof = `Shop \u202Egnp.exe ${'W'.repeat(480)}`;
    backend.conversations.set('conv-shop-2', { ...conversation, counterpart: { ...conversation.counterpart, name: spoof } });
    backend.sellerSend('shop-2', { type: 'TEXT', text: 'x'.repeat(5000) });
    backend.sellerSend('shop-2', { type: 'TEXT', text: 'Please check the product list we sent you.' });
    await client.inbox.load({ tab: 'shop' });
    const row = () => deepQueryAll(inbox, '.row').find((el) => el.textContent!.includes('gnp.exe'));
    await wait('row', row);
    const name = row()!.querySelector('.name bdi')!;
    expect(name.textContent!.includes('\u202E'), 'no override character shown').to.equal(false);
    expect(name.getBoundingClientRect().right).to.be.at.most(row()!.getBoundingClientRect().right + 1);
    row()!.click();
    const log = () => deepQuery(inbox, 'cim-message-log')?.shadowRoot as ShadowRoot;
    await wait('messages', () => log()?.textContent?.includes('Please check the product list'));
    const scroller = log().querySelector('.scroller')!.getBoundingClientRect();
    for (const bubble of log().querySelectorAll('.bubble')) {
      expect(bubble.getBoundingClientRect().right, 'bubble inside the log').to.be.at.most(scroller.right + 1);
      expect(bubble.getAttribute('dir')).to.equal('auto');
    }
    const heading = deepQuery(inbox, 'cim-session-header')!.shadowRoot!.querySelector('h2')!;
    const header = heading.closest('.header')!.getBoundingClientRect();
    expect(heading.getBoundingClientRect().right).to.be.at.most(header.right + 1);
    expect(heading.textContent!.length).to.be.at.most(300);
  });
});
