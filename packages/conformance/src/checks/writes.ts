/** Writes: open, idempotent sends and sample requests, read, star, Showcase, quick replies. */
import type { KnownMessage } from '@creator-im/sdk';
import { ConversationResultSchema, QuickRepliesSchema, ShowcaseResultSchema } from '@creator-im/sdk/schemas';
import { StrictMessagePageSchema, StrictSendResultSchema } from '@creator-im/sdk/contract';
import { clientId, conversationPath, type Check } from '../check.js';
import { ensure, expectOk, Skip } from '../expect.js';

const AREA = 'Writes and idempotency';

export const writeChecks: Check[] = [
  {
    area: AREA,
    rule: 'Sends are idempotent by clientId: a repeated send (even with another text) returns the first copy, and the thread holds it once',
    async run({ client, world }) {
      const id = clientId('send');
      const path = conversationPath(world.writable.id, '/messages');
      const first = expectOk(await client.call('POST', path, { body: { clientId: id, type: 'TEXT', text: 'Conformance check: sent once.' } }), StrictSendResultSchema, 'the first send');
      ensure(first.message.clientId === id, `the stored message carries clientId ${String(first.message.clientId)}, not ${id}`);
      ensure(first.message.type === 'TEXT' && first.message.text === 'Conformance check: sent once.', 'the stored message is not the text sent');
      ensure(first.conversation.id === world.writable.id, `the send answered conversation ${first.conversation.id}`);
      const retry = expectOk(await client.call('POST', path, { body: { clientId: id, type: 'TEXT', text: 'Conformance check: sent once.' } }), StrictSendResultSchema, 'the retried send');
      ensure(retry.message.id === first.message.id, `a retried send stored a second message (${retry.message.id} besides ${first.message.id})`);
      const changed = expectOk(await client.call('POST', path, { body: { clientId: id, type: 'TEXT', text: 'Conformance check: a different text.' } }), StrictSendResultSchema, 'a send repeating the clientId');
      ensure(changed.message.id === first.message.id, 'a send repeating the clientId with another text stored a new message');
      const page = expectOk(await client.call('GET', path, { query: { limit: 50 } }), StrictMessagePageSchema, 'the thread after the sends');
      const copies = page.messages.filter((message) => message.clientId === id).length;
      ensure(copies === 1, `the thread holds ${copies} messages with the retried clientId`);
    },
  },
  {
    area: AREA,
    rule: 'A sample request is a SAMPLE_REQUEST in "To review" (to_review), idempotent by clientId',
    async run({ client, world }) {
      const product = world.products[0];
      if (!product) throw new Skip('no product found in the conversations read');
      const id = clientId('sample');
      const path = conversationPath(world.writable.id, '/samples');
      const first = expectOk(await client.call('POST', path, { body: { clientId: id, productId: product.id } }), StrictSendResultSchema, 'the sample request');
      const message = first.message as KnownMessage;
      ensure(message.type === 'SAMPLE_REQUEST', `the sample request stored a ${message.type} message`);
      ensure(message.type === 'SAMPLE_REQUEST' && message.sample.status === 'to_review', 'a new sample request is not "to_review"');
      const retry = expectOk(await client.call('POST', path, { body: { clientId: id, productId: product.id } }), StrictSendResultSchema, 'the retried sample request');
      ensure(retry.message.id === first.message.id, 'a retried sample request stored a second request');
    },
  },
  {
    area: AREA,
    rule: 'POST /api/conversations/open returns the existing conversation with the entrance recorded',
    async run({ client, world }) {
      const seller = world.writable.counterpart;
      const entrance = { type: 'seller_store', productId: null };
      const answer = expectOk(await client.call('POST', '/api/conversations/open', { body: { sellerId: seller.id, entrance } }), ConversationResultSchema, 'POST /api/conversations/open');
      ensure(answer.conversation.id === world.writable.id, `opening ${seller.id} answered conversation ${answer.conversation.id}, not the existing ${world.writable.id}`);
      ensure(answer.conversation.entrance?.type === 'seller_store', `the entrance was not recorded: ${JSON.stringify(answer.conversation.entrance)}`);
    },
  },
  {
    area: AREA,
    rule: 'read and star answer the conversation, changed: unreadCount 0 after read, starred as asked (and repeating changes nothing more)',
    async run({ client, world }) {
      const id = world.writable.id;
      const read = expectOk(await client.call('POST', conversationPath(id, '/read')), ConversationResultSchema, 'POST read');
      ensure(read.conversation.unreadCount === 0, `after read, unreadCount is ${read.conversation.unreadCount}`);
      const starred = !world.writable.starred;
      for (let i = 0; i < 2; i++) {
        const star = expectOk(await client.call('PUT', conversationPath(id, '/star'), { body: { starred } }), ConversationResultSchema, 'PUT star');
        ensure(star.conversation.starred === starred, `PUT star {starred: ${starred}} answered starred ${star.conversation.starred}`);
      }
      const back = expectOk(await client.call('PUT', conversationPath(id, '/star'), { body: { starred: world.writable.starred } }), ConversationResultSchema, 'PUT star back');
      ensure(back.conversation.starred === world.writable.starred, 'starring back did not restore the flag');
    },
  },
  {
    area: AREA,
    rule: 'Adding to the Showcase answers one result per product; an unknown product does not fail the others',
    async run({ client, world }) {
      const product = world.products[0];
      if (!product) throw new Skip('no product found in the conversations read');
      const ids = [product.id, 'conformance-unknown-product'];
      const answer = expectOk(await client.call('POST', '/api/showcase/products', { body: { productIds: ids } }), ShowcaseResultSchema, 'POST /api/showcase/products');
      ensure(answer.results.length === ids.length, `${ids.length} products asked, ${answer.results.length} results`);
      ensure(answer.results.some((result) => result.productId === product.id), `no result for ${product.id}`);
    },
  },
  {
    area: AREA,
    rule: 'PUT /api/quick-replies replaces the list and answers it; GET reads it back',
    async run({ client }) {
      const before = expectOk(await client.call('GET', '/api/quick-replies'), QuickRepliesSchema, 'GET /api/quick-replies');
      const replies = [...before.replies, { id: 'conformance-reply', text: 'Conformance check reply.' }].slice(-100);
      const put = expectOk(await client.call('PUT', '/api/quick-replies', { body: { replies } }), QuickRepliesSchema, 'PUT /api/quick-replies');
      ensure(JSON.stringify(put.replies) === JSON.stringify(replies), 'PUT answered another list than the one sent');
      const after = expectOk(await client.call('GET', '/api/quick-replies'), QuickRepliesSchema, 'GET after PUT');
      ensure(JSON.stringify(after.replies) === JSON.stringify(replies), 'GET does not read back the list put');
      expectOk(await client.call('PUT', '/api/quick-replies', { body: { replies: before.replies } }), QuickRepliesSchema, 'restoring the quick replies');
    },
  },
];
