import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@creator-im/sdk';
import { startMockBackend } from '../../../mocks/browser.js';
import { deepQueryAll } from './helpers.js';
import type { CreatorInbox } from '../src/inbox/creator-inbox.js';

/** Resolves after every timer already scheduled with no delay (the element's disposal check) has run. */
const afterPendingTimers = () => new Promise((done) => setTimeout(done));
const rowsText = (inbox: Element) => deepQueryAll(inbox, '.row').map((row) => row.textContent ?? '').join('\n');

/** An inbox making its own client (base URL and token attributes), once its rows are shown. */
async function ownInbox(): Promise<CreatorInbox> {
  const inbox = await fixture<CreatorInbox>(html`<creator-inbox base-url=${location.origin} token="demo-token" style="height:600px"></creator-inbox>`);
  await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered', { timeout: 15_000 });
  return inbox;
}

/** An inbox with its base URL and token, appended to the page in this task (not rendered yet). */
function insertedInbox(): CreatorInbox {
  const inbox = document.createElement('creator-inbox') as CreatorInbox;
  inbox.setAttribute('base-url', location.origin);
  inbox.setAttribute('token', 'demo-token');
  inbox.style.height = '600px';
  document.body.append(inbox);
  return inbox;
}

describe('client lifecycle of <creator-inbox>', () => {
  it('survives being moved in the DOM: same client, rows still there, live updates afterwards', async () => {
    const backend = await startMockBackend();
    const inbox = await ownInbox();
    const client = inbox.client!;
    await waitUntil(() => client.connection.getSnapshot() === 'online', 'online', { timeout: 15_000 });
    const elsewhere = document.createElement('div');
    elsewhere.style.height = '600px';
    document.body.append(elsewhere);
    elsewhere.append(inbox); // re-parent: disconnected, then connected again
    await afterPendingTimers();
    expect(inbox.client).to.equal(client);
    expect(client.disposed).to.equal(false);
    const seller = [...backend.conversations.values()].find((c) => c.counterpart.kind === 'seller' && !c.blocked)!.counterpart.id;
    backend.sellerSend(seller, { type: 'TEXT', text: 'after the move' });
    await waitUntil(() => rowsText(inbox).includes('after the move'), 'live update after the move', { timeout: 15_000 });
    elsewhere.remove();
  });

  it('disposes its own client when removed for good, and makes a new one when attached again', async () => {
    await startMockBackend();
    const inbox = await ownInbox();
    const first = inbox.client!;
    const parent = inbox.parentElement!;
    inbox.remove();
    await afterPendingTimers();
    expect(first.disposed).to.equal(true);
    parent.append(inbox);
    await waitUntil(() => inbox.client !== undefined && inbox.client !== first, 'a new client', { timeout: 15_000 });
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered again', { timeout: 15_000 });
  });

  it('makes and starts its client the moment it is connected, before its first render (the first requests leave while lit renders)', async () => {
    await startMockBackend();
    const inbox = insertedInbox();
    // Same task as the insertion: no render has happened yet.
    expect(inbox.hasUpdated).to.equal(false);
    expect(inbox.client, 'a client as soon as it is connected').to.not.equal(undefined);
    expect(inbox.client!.started).to.equal(true);
    expect(inbox.client!.state.getSnapshot().views.get('shop/all')?.status, 'the first page is on its way').to.equal('loading');
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered', { timeout: 15_000 });
    inbox.remove();
  });

  it('a client handed to it right after it was connected replaces the one it made, which is disposed', async () => {
    await startMockBackend();
    const inbox = insertedInbox();
    const made = inbox.client!;
    const handed = createClient({ baseUrl: location.origin, token: () => 'test-token' });
    inbox.client = handed;
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered from the handed client', { timeout: 15_000 });
    expect(made.disposed, 'the client it made is gone').to.equal(true);
    expect(handed.started).to.equal(true);
    inbox.remove();
    await afterPendingTimers();
    expect(handed.disposed).to.equal(false, 'the host owns it');
    handed.dispose();
  });

  it('keeps its own client when `client` is set to undefined (React wrappers set every unset prop on each render)', async () => {
    await startMockBackend();
    const inbox = await ownInbox();
    const own = inbox.client!;
    inbox.client = undefined; // as @lit/react does for <CreatorInbox client={undefined}> on every re-render
    await inbox.updateComplete;
    expect(inbox.client).to.equal(own);
    expect(own.disposed).to.equal(false);
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows from its own client', { timeout: 15_000 });
  });

  it('starts a client handed to it that was not started, and never disposes it', async () => {
    await startMockBackend();
    const client = createClient({ baseUrl: location.origin, token: () => 'test-token' });
    expect(client.connection.getSnapshot()).to.equal('idle');
    const inbox = await fixture<CreatorInbox>(html`<creator-inbox .client=${client} style="height:600px"></creator-inbox>`);
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered without the host calling start()', { timeout: 15_000 });
    expect(client.started).to.equal(true);
    inbox.remove();
    await afterPendingTimers();
    expect(client.disposed).to.equal(false, 'the host owns it');
    client.dispose();
  });
});
