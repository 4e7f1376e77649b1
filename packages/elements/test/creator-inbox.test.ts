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
