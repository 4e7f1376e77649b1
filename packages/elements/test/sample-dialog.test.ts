/** "Request sample" lists the seller's shared products; while they load it never claims there are none. */
import { expect, html } from '@open-wc/testing';
import type { CreatorImClient } from '@creator-im/sdk';
import { mount, startClient, wait } from './helpers.js';
import type { CimSampleDialog } from '../src/chat-session/sample-dialog.js';

let client: CreatorImClient;

afterEach(() => client.dispose());

it('says "Loading messages…" until the thread has loaded, then lists the products to request', async () => {
  ({ client } = await startClient());
  const element = await mount<CimSampleDialog>(client, html`<cim-sample-dialog conversation-id="conv-shop-1"></cim-sample-dialog>`);
  element.show(null);
  const body = () => element.shadowRoot!.querySelector('.body')!.textContent!.replace(/\s+/g, ' ').trim();
  // The thread starts loading when the dialog subscribes; a fetch cannot have answered yet.
  expect(body()).to.equal('Loading messages…');
  await wait('a product to request', () => element.shadowRoot!.querySelector('li button'));
  expect(body()).not.to.contain('No product');
});
