import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CimError, RuleViolationError, type ProductList } from '@creator-im/sdk';
import { http, HttpResponse } from 'msw';
import { BASE, conversationOf, pipeEvents, setup } from './helpers.js';

test('sample request: "To review" until the seller approves ("To ship"); live update', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    const id = conversationOf(t.backend, 'shop-5');
    const product = t.backend.seed.products[0]!;
    const clientId = await t.client.samples.request(id, product);
    const card = t.client.conversations.thread(id).getSnapshot().messages.find((m) => m.clientId === clientId);
    assert.equal(card?.type, 'SAMPLE_REQUEST');
    const sampleId = card!.type === 'SAMPLE_REQUEST' ? card!.sample.id : '';
    const sample = t.client.samples.sample(sampleId);
    assert.equal(sample.getSnapshot()?.status, 'to_review');
    t.backend.decideSample(sampleId, 'to_ship');
    assert.equal(sample.getSnapshot()?.status, 'to_ship');
    stop();
  } finally {
    t.close();
  }
});

test('sample request: the seller approves before the answer to the request arrives; the card stays "To ship"', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    // The seller decides while the request's answer is still on its way: the client hears
    // message.created and sample.updated before the (older) answer.
    const decide = t.backend.subscribe((event) => {
      const message = event.type === 'message.created' ? (event.data.message as { type: string; sample?: { id: string } }) : undefined;
      if (message?.type === 'SAMPLE_REQUEST') t.backend.decideSample(message.sample!.id, 'to_ship');
    });
    const id = conversationOf(t.backend, 'shop-5');
    await t.client.samples.request(id, t.backend.seed.products[0]!);
    decide();
    const sampleId = [...t.backend.samples.values()].at(-1)!.id;
    assert.equal(t.backend.samples.get(sampleId)?.status, 'to_ship');
    assert.equal(t.client.samples.sample(sampleId).getSnapshot()?.status, 'to_ship', 'the older answer does not undo the approval');
    stop();
  } finally {
    t.close();
  }
});

test('sample request: rejected becomes "Cancelled"; an impossible transition is a typed error and changes nothing', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    const id = conversationOf(t.backend, 'shop-5');
    await t.client.samples.request(id, t.backend.seed.products[1]!);
    const sampleId = [...t.backend.samples.values()].at(-1)!.id;
    t.backend.decideSample(sampleId, 'cancelled');
    assert.equal(t.client.samples.sample(sampleId).getSnapshot()?.status, 'cancelled');
    stop();
    const sample = t.client.samples.sample(sampleId).getSnapshot()!;
    t.client.receive({ id: 'evt-x', seq: t.client.state.getSnapshot().lastSeq + 1, type: 'sample.updated', data: { sample: { ...sample, status: 'to_ship' } } });
    assert.equal(t.client.samples.sample(sampleId).getSnapshot()?.status, 'cancelled');
    assert.ok(t.errors.some((e) => e instanceof RuleViolationError && e.rule === 'invalid_transition'));
    assert.equal(t.backend.decideSample(sampleId, 'to_review').status, 409, 'the backend refuses it too');
  } finally {
    t.close();
  }
});

test('sample requests only go to sellers', async () => {
  const t = setup();
  try {
    await t.client.start();
    await t.client.inbox.load({ tab: 'agency' });
    const agencyConversation = conversationOf(t.backend, 'agency-1');
    await assert.rejects(t.client.samples.request(agencyConversation, { id: 'prod-1' }), (e: unknown) => e instanceof RuleViolationError && e.rule === 'not_a_seller_conversation');
  } finally {
    t.close();
  }
});

function planOf(t: ReturnType<typeof setup>, listId: string): ProductList {
  for (const messages of t.backend.messages.values()) {
    for (const m of messages) if (m.type === 'PRODUCT_LIST' && m.list.id === listId) return m.list;
  }
  throw new Error(listId);
}

test('Showcase: "Add all" adds every product; the card reads "Added"; adding again sends nothing', async () => {
  const t = setup();
  try {
    await t.client.start();
    const list = planOf(t, 'list-agency-2');
    const view = t.client.showcase.list(list);
    assert.notEqual(view.getSnapshot().state, 'added');
    const result = await t.client.showcase.addAll(list);
    assert.ok(result.added.length > 0);
    assert.equal(view.getSnapshot().state, 'added');
    for (const product of list.products) assert.ok(t.backend.showcase.has(product.id));
    const again = await t.client.showcase.addAll(list);
    assert.deepEqual(again, { added: [], unavailable: [] });
  } finally {
    t.close();
  }
});

test('Showcase: one by one goes through "partially added"; an unavailable product is reported and the rest succeed', async () => {
  const t = setup();
  try {
    await t.client.start();
    const list = planOf(t, 'plan-exclusive');
    const view = t.client.showcase.list(list);
    const first = list.products.find((p) => !t.backend.showcase.has(p.id))!;
    await t.client.showcase.add([first.id]);
    assert.equal(view.getSnapshot().state, 'partially_added');
    const result = await t.client.showcase.addAll(list);
    assert.deepEqual(result.unavailable.map((u) => u.productId), ['prod-24']);
    assert.match(result.unavailable[0]!.reason, /removed/);
    const products = view.getSnapshot().products;
    assert.equal(products.find((p) => p.id === 'prod-24')?.state, 'unavailable');
    assert.ok(products.filter((p) => p.id !== 'prod-24').every((p) => p.state === 'added'));
    assert.equal(view.getSnapshot().state, 'added');
    await assert.rejects(t.client.showcase.add([''] as string[]), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
  } finally {
    t.close();
  }
});

test('blocking: composer refused, seller refused by the backend with the blocked answer, unblock restores', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    const id = conversationOf(t.backend, 'shop-4');
    await t.client.blocks.block(id);
    assert.equal(t.client.inbox.get(id)?.blocked, true);
    assert.ok(t.client.blocks.blocked.getSnapshot().get('shop-4'));
    await assert.rejects(t.client.conversations.sendText(id, 'hi'), (e: unknown) => e instanceof RuleViolationError && e.rule === 'seller_blocked');
    const before = t.client.conversations.thread(id).getSnapshot().messages.length;
    const refused = t.backend.sellerSend('shop-4', { type: 'TEXT', text: 'let me in' });
    assert.equal(refused.status, 403);
    assert.equal((refused.body as { error: { code: string } }).error.code, 'creator_blocked_you');
    assert.ok(!t.client.conversations.thread(id).getSnapshot().messages.some((m) => m.type === 'TEXT' && m.text === 'let me in'));
    assert.ok(t.client.conversations.thread(id).getSnapshot().messages.length >= before);
    await t.client.blocks.unblock(id);
    assert.equal(t.client.inbox.get(id)?.blocked, false);
    assert.equal(t.backend.sellerSend('shop-4', { type: 'TEXT', text: 'hello again' }).status, 200);
    assert.ok(t.client.conversations.thread(id).getSnapshot().messages.some((m) => m.type === 'TEXT' && m.text === 'hello again'));
    stop();
  } finally {
    t.close();
  }
});

test('blocked sellers list comes from the server; agencies cannot be blocked', async () => {
  const t = setup();
  try {
    await t.client.start();
    assert.deepEqual([...t.client.blocks.blocked.getSnapshot().keys()].sort(), ['shop-29', 'shop-30']);
    await t.client.inbox.load({ tab: 'agency' });
    await assert.rejects(t.client.blocks.block(conversationOf(t.backend, 'agency-1')), (e: unknown) => e instanceof RuleViolationError && e.rule === 'not_a_seller_conversation');
  } finally {
    t.close();
  }
});

async function agencySetup(t: ReturnType<typeof setup>, agencyId: string) {
  await t.client.start();
  const id = conversationOf(t.backend, agencyId);
  await t.client.conversations.loadLatest(id);
  const invitation = [...t.backend.invitations.values()].find((i) => i.agency.id === agencyId)!;
  return { conversationId: id, invitationId: invitation.id, agreements: invitation.agreements.map((a) => a.id) };
}

test('agency invitation: Accept is refused until every agreement is acknowledged; then linked', async () => {
  const t = setup();
  try {
    const { invitationId, agreements } = await agencySetup(t, 'agency-1');
    const view = t.client.agency.invitation(invitationId);
    assert.equal(view.getSnapshot()?.invitation.state, 'pending');
    assert.equal(view.getSnapshot()?.canAccept, false);
    assert.equal(view.getSnapshot()?.canDecline, true);
    assert.equal(view.getSnapshot()?.awaitingAgreements, true);
    await assert.rejects(t.client.agency.accept(invitationId), (e: unknown) => e instanceof RuleViolationError && e.rule === 'agreements_not_acknowledged');
    t.client.agency.acknowledge(invitationId, agreements[0]!);
    await assert.rejects(t.client.agency.accept(invitationId), RuleViolationError);
    t.client.agency.acknowledge(invitationId, agreements[1]!);
    assert.equal(view.getSnapshot()?.canAccept, true);
    await t.client.agency.accept(invitationId);
    assert.equal(view.getSnapshot()?.invitation.state, 'accepted');
    assert.equal(view.getSnapshot()?.link, 'linked');
    assert.deepEqual([view.getSnapshot()?.canDecline, view.getSnapshot()?.awaitingAgreements, view.getSnapshot()?.canRequestUnlink], [false, false, true]);
    await assert.rejects(t.client.agency.decline(invitationId), (e: unknown) => e instanceof RuleViolationError && e.rule === 'invalid_transition');
  } finally {
    t.close();
  }
});

test('agency invitation: Decline; an expired invitation cannot be accepted; unknown agreement refused', async () => {
  const t = setup();
  try {
    const { invitationId } = await agencySetup(t, 'agency-5');
    await t.client.agency.decline(invitationId);
    assert.equal(t.client.agency.invitation(invitationId).getSnapshot()?.invitation.state, 'declined');
    const expired = await agencySetup(t, 'agency-4');
    assert.equal(t.client.agency.invitation(expired.invitationId).getSnapshot()?.invitation.state, 'expired');
    assert.equal(t.client.agency.invitation(expired.invitationId).getSnapshot()?.canDecline, false);
    for (const a of expired.agreements) t.client.agency.acknowledge(expired.invitationId, a);
    await assert.rejects(t.client.agency.accept(expired.invitationId), (e: unknown) => e instanceof RuleViolationError && e.rule === 'invalid_transition');
    assert.throws(() => t.client.agency.acknowledge(expired.invitationId, 'nope'), RuleViolationError);
  } finally {
    t.close();
  }
});

test('unlink request: only while linked; linked → unlink requested → unlinked (or back to linked)', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    const link = t.client.agency.link('agency-2');
    assert.equal(link.getSnapshot(), 'linked');
    await t.client.agency.requestUnlink('agency-2');
    assert.equal(link.getSnapshot(), 'unlink_requested');
    await assert.rejects(t.client.agency.requestUnlink('agency-2'), (e: unknown) => e instanceof RuleViolationError && e.rule === 'not_linked');
    t.backend.resolveUnlink('agency-2', 'unlinked');
    assert.equal(link.getSnapshot(), 'unlinked');
    await assert.rejects(t.client.agency.requestUnlink('agency-1'), (e: unknown) => e instanceof RuleViolationError && e.rule === 'not_linked');
    stop();
  } finally {
    t.close();
  }
});

test('unlink request: the agency answers before the answer to the request arrives; the link stays "unlinked"', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    // The agency decides while the request's answer is still on its way: the client hears
    // link.updated (unlink requested) and link.updated (unlinked) before the older answer.
    const resolve = t.backend.subscribe((event) => {
      const link = event.type === 'link.updated' ? (event.data.link as { agencyId: string; state: string }) : undefined;
      if (link?.state === 'unlink_requested') t.backend.resolveUnlink(link.agencyId, 'unlinked');
    });
    await t.client.agency.requestUnlink('agency-2');
    resolve();
    assert.equal(t.backend.links.get('agency-2'), 'unlinked');
    assert.equal(t.client.agency.link('agency-2').getSnapshot(), 'unlinked', 'the older answer does not undo the agency\'s decision');
    stop();
  } finally {
    t.close();
  }
});

test('agency links: a list taken before the agency changed a link does not remove or undo it', async () => {
  const t = setup();
  try {
    await t.client.start();
    const stop = pipeEvents(t.backend, t.client);
    await t.client.agency.requestUnlink('agency-2');
    // The agency refuses the unlink while the list's answer (taken before) is on its way.
    t.server.use(
      http.get(`${BASE}/api/agency-links`, () => {
        const before = { links: [...t.backend.links].map(([agencyId, state]) => ({ agencyId, state })).filter((link) => link.agencyId !== 'agency-2') };
        t.backend.resolveUnlink('agency-2', 'linked');
        return HttpResponse.json(before);
      }),
    );
    await t.client.agency.loadLinks();
    assert.equal(t.client.agency.link('agency-2').getSnapshot(), 'linked');
    stop();
  } finally {
    t.close();
  }
});

test('entrances: each opens the seller conversation, creating it only when missing, recording the entrance', async () => {
  const t = setup({ sellers: 40 });
  try {
    await t.client.start();
    const existing = conversationOf(t.backend, 'shop-3');
    const count = t.backend.conversations.size;
    for (const entrance of ['notifications', 'product_promotion', 'connection_invites', 'sample_applications', 'seller_store'] as const) {
      const conversation = await t.client.entrances.open({ sellerId: 'shop-3', entrance, productId: entrance === 'product_promotion' ? 'prod-1' : null });
      assert.equal(conversation.id, existing);
      assert.equal(conversation.entrance?.type, entrance);
    }
    assert.equal(t.backend.conversations.size, count);
    t.backend.conversations.delete(conversationOf(t.backend, 'shop-40'));
    const created = await t.client.entrances.open({ sellerId: 'shop-40', entrance: 'seller_store' });
    assert.equal(t.backend.conversations.size, count);
    assert.equal(t.client.inbox.get(created.id)?.entrance?.type, 'seller_store');
    await assert.rejects(t.client.entrances.open({ sellerId: 'shop-3', entrance: 'billboard' as never }), (e: unknown) => e instanceof CimError && e.code === 'invalid_argument');
  } finally {
    t.close();
  }
});
