/**
 * `<cim-search>` while a creator types: local results without waiting for the server, the last
 * query's results only whatever order the server's answers land in, a bounded page.
 */
import { expect, html } from '@open-wc/testing';
import { createClient, LIMITS, messageDocuments, type CreatorImClient } from '@creator-im/sdk';
import { startMockBackend } from '../../../mocks/browser.js';
import { heldSearches } from '../../../mocks/held-searches.js';
import type { BackendOptions, MockBackend } from '../../../mocks/backend.js';
import type { CimSearch } from '../src/search/search.js';
import type { CreatorInbox } from '../src/inbox/creator-inbox.js';
import { deepQuery, mount, startClient, wait } from './helpers.js';

let client: CreatorImClient;
let held: ReturnType<typeof heldSearches>;
let search: CimSearch;

async function open(options: BackendOptions = {}): Promise<void> {
  await startMockBackend(options);
  held = heldSearches();
  client = createClient({ baseUrl: location.origin, token: () => 'test-token', webSocket: false, fetch: held.fetch });
  await client.start();
  await client.search.local('warm up'); // the index chunk is loaded once, on the first query
  search = await mount<CimSearch>(client, html`<cim-search style="height:500px"></cim-search>`);
}

afterEach(() => client.dispose());

const root = () => search.shadowRoot!;
const box = () => root().querySelector('input')!;
/** Types `text` into the search box as the browser reports an edit. */
function typeInto(text: string): void {
  box().value = text;
  box().dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
/** Types `text` and waits until the page renders that query's results (the local ones at first). */
async function typed(text: string): Promise<void> {
  typeInto(text);
  await wait(`results for "${text}"`, () => client.search.state.getSnapshot().query === text);
  await search.updateComplete;
}
const status = () => root().querySelector('[role="status"]')?.textContent?.trim() ?? '';
const hits = (module: string) => [...root().querySelectorAll(`section[aria-labelledby="h-${module}"] li`)];
const marks = () => [...root().querySelectorAll('mark')].map((mark) => mark.textContent?.toLowerCase());

describe('search while typing', () => {
  it('a hit shows the server\'s text without bidi controls, each piece isolated (a U+202E cannot turn "gnp.exe" around)', async () => {
    await open();
    const sent = await fetch('/mock/sellers/shop-1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'TEXT', text: 'invoice \u202Egnp.exe' }),
    });
    expect(sent.ok).to.equal(true);
    await client.resync(); // no socket here: the message arrives through the event history
    await typed('invoice');
    await wait('the message hit', () => hits('messages').length > 0);
    const text = hits('messages')[0]!.querySelector('.text')!;
    expect(text.textContent).to.equal('invoice gnp.exe');
    expect(text.getAttribute('dir')).to.equal('auto');
    expect(hits('messages')[0]!.querySelector('.who')!.getAttribute('dir')).to.equal('auto');
  });

  it('shows the local results while the server has not answered', async () => {
    await open();
    typeInto('brew bros');
    await wait('the local hit', () => hits('accounts').length > 0);
    expect(hits('accounts').map((hit) => hit.textContent?.replace(/\s+/g, ' ').trim())).to.deep.equal(['Brew Bros Coffee']);
    expect(status(), 'the count of the local results, announced at once').to.equal('1 result');
    await wait('the server asked once typing paused', () => held.asked.length === 1);
    expect(hits('accounts'), 'still shown while the answer is pending').to.have.length(1);
    held.release('brew bros');
    await wait('merged', () => client.search.state.getSnapshot().status === 'ready');
    await search.updateComplete;
    expect(hits('accounts')).to.have.length(1);
    expect(status()).to.equal('1 result');
  });

  it('typing quickly shows the last query’s results only, even when an older answer lands last', async () => {
    await open();
    typeInto('glow');
    await wait('the server asked for "glow"', () => held.asked.includes('glow'));
    for (const query of ['glow ', 'glow t', 'glow th', 'glow the', 'glow theo', 'glow theor', 'glow theory']) {
      await typed(query);
      expect(marks().every((mark) => mark === query.trim()), `only "${query}" is highlighted`).to.equal(true);
    }
    await wait('the server asked for "glow theory"', () => held.asked.includes('glow theory'));
    expect(held.asked, 'no request for the keystrokes in between').to.deep.equal(['glow', 'glow theory']);
    held.release('glow theory');
    await wait('merged', () => client.search.state.getSnapshot().status === 'ready');
    held.release('glow'); // the superseded answer lands last
    await client.search.query('glow theory'); // one more round trip: the late answer has been read
    await search.updateComplete;
    expect(box().value).to.equal('glow theory');
    expect(hits('accounts').length).to.be.greaterThan(0);
    expect(marks().every((mark) => mark === 'glow theory')).to.equal(true);
  });

  it('Escape closes the results page; the next query shows its own results only', async () => {
    await open();
    typeInto('brew bros');
    await wait('Brew Bros Coffee', () => hits('accounts').some((hit) => hit.textContent?.includes('Brew Bros Coffee')));
    box().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await search.updateComplete;
    const region = () => root().querySelector<HTMLElement>('[role="region"]');
    expect(box().value).to.equal('');
    expect(region() === null || !region()!.checkVisibility({ visibilityProperty: true }), 'the results page is gone from view').to.equal(true);
    await typed('glow theory');
    expect(region()!.checkVisibility({ visibilityProperty: true })).to.equal(true);
    expect(hits('accounts').some((hit) => hit.textContent?.includes('Brew Bros Coffee'))).to.equal(false);
    expect(hits('accounts').length).to.be.greaterThan(0);
    expect(marks().every((mark) => mark === 'glow theory')).to.equal(true);
  });

  it('a one-letter query with many matches shows at most 20 conversations per module', async () => {
    await open({ conversations: 400, messages: 6_000 });
    typeInto('e');
    await wait('the server asked', () => held.asked.includes('e'));
    held.release('e');
    await wait('merged', () => client.search.state.getSnapshot().status === 'ready');
    await search.updateComplete;
    for (const module of ['accounts', 'messages', 'products', 'samples']) expect(hits(module).length, module).to.be.at.most(20);
    expect(hits('accounts')).to.have.length(20);
  });

  it('a pasted paragraph longer than a query may be is cut to LIMITS.query characters and searched, with no server error', async () => {
    await open();
    box().focus();
    document.execCommand('insertText', false, 'glow '.repeat(60)); // 300 characters, as a paste inserts them
    await wait('the pasted query', () => client.search.state.getSnapshot().query.length > 0);
    expect(client.search.state.getSnapshot().query).to.have.length(LIMITS.query);
    await wait('the server asked', () => held.asked.length > 0);
    held.release(held.asked[0]!);
    await wait('the server’s answer', () => client.search.state.getSnapshot().status !== 'local');
    expect(client.search.state.getSnapshot().status).to.equal('ready');
    await search.updateComplete;
    expect(root().querySelector('[role="alert"]')).to.equal(null);
  });
});

describe('a hit for a conversation beyond the loaded first page', () => {
  const PHRASE = 'Can you ship to Zanzibar';
  /**
   * 80 sellers: the least recent one is beyond the first page the client loads. One of its text
   * messages says PHRASE (found under Messages, where the hit's label is the counterpart's name);
   * `rename` may give the seller a hostile name first.
   */
  async function openOld(rename?: (name: string) => string) {
    let oldId = '';
    const started = await startClient({ sellers: 80 }, (backend: MockBackend) => {
      const old = [...backend.conversations.values()].filter((c) => c.counterpart.kind === 'seller').sort((a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt))[0]!;
      oldId = old.id;
      if (rename) backend.conversations.set(old.id, { ...old, counterpart: { ...old.counterpart, name: rename(old.counterpart.name) } });
      const messages = backend.messages.get(old.id)!;
      const at = messages.findIndex((message) => message.type === 'TEXT');
      messages[at] = { ...messages[at]!, text: `${PHRASE}?` } as (typeof messages)[number];
      backend.index.add(messageDocuments(messages[at]!));
    });
    client = started.client;
    expect(client.inbox.get(oldId) === undefined, 'the conversation is not loaded').to.equal(true);
    const inbox = await mount<CreatorInbox>(client, html`<creator-inbox .client=${client} style="height:600px"></creator-inbox>`);
    search = deepQuery<CimSearch>(inbox, 'cim-search')!;
    await typed(PHRASE);
    await wait('the server’s hit', () => hits('messages').length > 0);
    return { inbox, conversation: started.backend.conversations.get(oldId)! };
  }

  it('shows the seller’s name, not the conversation id; choosing it opens that conversation with its messages', async () => {
    const { inbox, conversation } = await openOld();
    const hit = hits('messages')[0]!;
    expect(hit.querySelector('.who')!.textContent).to.equal(conversation.counterpart.name);
    expect(hit.textContent).not.to.include(conversation.id);
    hit.querySelector('button')!.click();
    const title = () => deepQuery(inbox, 'cim-session-header')?.shadowRoot?.querySelector('h2')?.textContent;
    await wait('the session’s title', () => title() === conversation.counterpart.name);
    await wait('its messages', () => deepQuery(inbox, 'cim-message-log')?.shadowRoot?.textContent?.includes(`${PHRASE}?`));
  });

  it('a hostile name from the server is plain text, without bidi controls, clipped', async () => {
    await openOld(() => `<b>x</b>\u202E${'W'.repeat(LIMITS.name - 12)}`);
    const who = hits('messages')[0]!.querySelector('.who')!;
    expect(who.querySelector('b'), 'no markup').to.equal(null);
    expect(who.textContent!.startsWith('<b>x</b>W')).to.equal(true);
    expect(who.textContent!.length).to.be.at.most(300);
    expect(who.getAttribute('dir')).to.equal('auto');
  });
});

describe('hits the server sends that name no conversation the client knows', () => {
  it('a 999k-character hit is cut to the label length; a hit with no counterpart says "Conversation", never its id', async () => {
    await startMockBackend();
    const huge = `Zq${'W'.repeat(999_000)}`;
    const answer = {
      hits: [
        { module: 'accounts', conversationId: 'conv-huge', messageId: null, text: huge, ranges: [[0, 2]] },
        { module: 'messages', conversationId: 'conv-huge', messageId: 'm-huge', text: huge, ranges: [[0, 2]] },
      ],
    };
    const fetch: typeof globalThis.fetch = async (input, init) =>
      new URL(String(input)).pathname === '/api/search' ? new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }) : globalThis.fetch(input, init);
    client = createClient({ baseUrl: location.origin, token: () => 'test-token', webSocket: false, fetch });
    await client.start();
    search = await mount<CimSearch>(client, html`<cim-search style="height:500px"></cim-search>`);
    await typed('zq');
    await wait('the server’s hits', () => hits('accounts').length > 0 && hits('messages').length > 0);
    const account = hits('accounts')[0]!.querySelector('.who')!;
    expect(account.textContent!.length).to.be.at.most(300);
    expect(account.textContent!.startsWith('ZqWWW') && account.textContent!.endsWith('W…')).to.equal(true);
    expect(account.querySelector('mark')!.textContent).to.equal('Zq');
    const message = hits('messages')[0]!;
    expect(message.querySelector('.text')!.textContent!.length).to.be.at.most(300);
    expect(message.querySelector('.who')!.textContent).to.equal('Conversation');
  });
});
