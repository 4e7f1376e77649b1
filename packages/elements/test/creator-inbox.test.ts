import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startMockBackend } from '../../../mocks/browser.js';
import { byRole, deepQueryAll, startClient, mount } from './helpers.js';
import type { CreatorInbox } from '../src/inbox/creator-inbox.js';

describe('<creator-inbox>', () => {
  it('shows the creator’s seller conversations from the API (base-url + token)', async () => {
    const backend = await startMockBackend();
    const inbox = await fixture<CreatorInbox>(html`<creator-inbox base-url=${location.origin} token="demo-token" style="height:600px"></creator-inbox>`);
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered', { timeout: 15_000 });
    const names = deepQueryAll(inbox, '.row .name bdi').map((el) => el.textContent);
    const newest = [...backend.conversations.values()]
      .filter((c) => c.counterpart.kind === 'seller')
      .sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : -1))[0]!;
    expect(names[0]).to.equal(newest.counterpart.name);
    expect(byRole(inbox, 'tab', 'TikTok Shop')?.getAttribute('aria-selected')).to.equal('true');
  });

  it('waits for a tokenProvider set just after the tag upgrades (as the README snippet does)', async () => {
    await startMockBackend();
    const asked: boolean[] = [];
    const inbox = await fixture<CreatorInbox>(html`<creator-inbox base-url=${location.origin} style="height:600px"></creator-inbox>`);
    await inbox.updateComplete;
    inbox.tokenProvider = ({ refresh }) => {
      asked.push(refresh);
      return 'late-token';
    };
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered', { timeout: 15_000 });
    expect(asked[0]).to.equal(false);
  });

  it('is accessible (axe)', async () => {
    const { client } = await startClient();
    const inbox = await mount<CreatorInbox>(client, html`<creator-inbox .client=${client}></creator-inbox>`);
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered', { timeout: 15_000 });
    await expect(inbox).to.be.accessible();
    client.dispose();
  });
});

describe('<creator-inbox> opening a conversation that cannot be loaded', () => {
  const session = (inbox: CreatorInbox) => deepQueryAll(inbox, 'cim-chat-session')[0];
  const alertText = (inbox: CreatorInbox) => session(inbox)?.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ') ?? '';

  it('a conversation that does not exist (a stale link) says so instead of loading forever; Back returns to the list', async () => {
    const { client } = await startClient();
    client.onError(() => undefined); // the 404s are expected
    const inbox = await mount<CreatorInbox>(client, html`<creator-inbox .client=${client} style="height:600px"></creator-inbox>`);
    inbox.conversationId = 'conv-gone';
    await waitUntil(() => alertText(inbox).includes('This conversation could not be loaded.'), 'the error is shown', { timeout: 15_000 });
    await expect(session(inbox)!).to.be.accessible();
    // Retry, from the keyboard: it fails again (the conversation is gone), and focus stays on Retry.
    const retry = byRole(session(inbox)!.shadowRoot!, 'button', 'Retry')!;
    const failure = () => client.state.getSnapshot().threads.get('conv-gone');
    const first = failure()?.error;
    retry.focus();
    retry.click();
    await waitUntil(() => failure()?.status === 'error' && failure()!.error !== first, 'tried again, and failed again', { timeout: 15_000 });
    await waitUntil(() => alertText(inbox).includes('This conversation could not be loaded.'), 'the error shown again');
    expect(session(inbox)!.shadowRoot!.activeElement, 'focus stayed on Retry').to.equal(retry);
    byRole(session(inbox)!.shadowRoot!, 'button', 'Back to conversations')!.click();
    await waitUntil(() => inbox.conversationId === null && !session(inbox), 'back to the list');
    client.dispose();
  });

  it('a conversation beyond the first page that failed to load while the network was down opens on Retry once it is back', async () => {
    const { backend, client } = await startClient({ sellers: 80 });
    client.onError(() => undefined);
    const inbox = await mount<CreatorInbox>(client, html`<creator-inbox .client=${client} style="height:600px"></creator-inbox>`);
    await waitUntil(() => deepQueryAll(inbox, '.row').length > 0, 'rows rendered', { timeout: 15_000 });
    const unloaded = [...backend.conversations.values()].find((c) => c.counterpart.kind === 'seller' && !client.inbox.get(c.id))!;
    Object.assign(backend.knobs, { errorRate: 1, outage: 'before' });
    inbox.conversationId = unloaded.id;
    await waitUntil(() => alertText(inbox).includes('This conversation could not be loaded.'), 'the error is shown', { timeout: 15_000 });
    Object.assign(backend.knobs, { errorRate: 0 });
    const retry = byRole(session(inbox)!.shadowRoot!, 'button', 'Retry')!;
    retry.focus();
    retry.click();
    const title = () => deepQueryAll(session(inbox)!, 'cim-session-header')[0]?.shadowRoot?.textContent ?? '';
    await waitUntil(() => title().includes(unloaded.counterpart.name), 'the conversation opens with its name', { timeout: 15_000 });
    await waitUntil(() => deepQueryAll(session(inbox)!, '.msg').length > 0, 'and its messages', { timeout: 15_000 });
    await waitUntil(() => session(inbox)!.shadowRoot!.activeElement?.tagName === 'CIM-COMPOSER', 'focus moved into the conversation (the message field)');
    client.dispose();
  });
});
