/**
 * The write paths the inbox's first paint never calls: adding products to the Showcase, blocking
 * and unblocking sellers, accepting or declining an agency invitation, unlink requests and sample
 * requests. One lazy chunk (`Core.writes`), loaded on the first such call and otherwise in idle
 * time after start. The modules keep every public method and check its arguments in the call, as
 * before; then they hand it to a function here, which checks the rules before any request and
 * returns the same result or rejects with the same typed error. Writes whose optimistic change
 * must show synchronously (star, mark read, quick replies, acknowledging an agreement) and the
 * sends (through the outbox) stay in their modules. Only modules other chunks share are imported
 * here (no argument checks, no module classes), so bundlers split nothing new out of the entry.
 * @packageDocumentation
 */
import type { Core } from './core.js';
import { ArgumentError, RuleViolationError, toCimError } from './errors.js';
import type { AddResult } from './modules/showcase.js';
import { newEntry } from './outbox.js';
import { assertTransition, canBlock, canRequestSample, missingAgreements } from './rules.js';
import type { AgencyInvitation, Conversation, Product } from './schemas.js';
import type { ShowcaseEntry } from './state.js';
import { LIMITS } from './vocabulary.js';

const NONE: readonly string[] = [];

/** `showcase.add` (ids checked): adds products by id; products already in the Showcase (added or unavailable) are skipped without a request. */
export async function addToShowcase(core: Core, productIds: readonly string[]): Promise<AddResult> {
  core.alive();
  const todo = [...new Set(productIds)].filter((id) => !core.state.showcase.has(id));
  if (todo.length === 0) return { added: [], unavailable: [] };
  if (todo.length > LIMITS.showcaseBatch) throw new ArgumentError(`Add at most ${LIMITS.showcaseBatch} products at once.`);
  let results;
  try {
    ({ results } = await core.request('/api/showcase/products', {
      method: 'POST',
      body: { productIds: todo },
      idempotent: true,
      answer: 'showcase result',
    }));
  } catch (error) {
    throw toCimError(error);
  }
  const added: string[] = [];
  const unavailable: { productId: string; reason: string }[] = [];
  const entries: [string, ShowcaseEntry][] = [];
  for (const result of results) {
    if (result.status === 'added') {
      added.push(result.productId);
      entries.push([result.productId, { state: 'added' }]);
    } else {
      const reason = result.reason ?? 'This product can no longer be added.';
      unavailable.push({ productId: result.productId, reason });
      entries.push([result.productId, { state: 'unavailable', reason }]);
    }
  }
  core.apply({ type: 'showcaseResults', entries });
  return { added, unavailable };
}

/** `blocks.block` / `blocks.unblock` (id checked): blocks or unblocks the seller of a conversation. */
export async function setBlocked(core: Core, conversationId: string, blocked: boolean): Promise<void> {
  core.alive();
  const conversation = core.state.conversations.get(conversationId);
  if (!conversation) throw new RuleViolationError('unknown_entity', `Unknown conversation "${conversationId}".`);
  const seller = conversation.counterpart;
  if (!canBlock(conversation)) throw new RuleViolationError('not_a_seller_conversation', 'Only sellers can be blocked.');
  const result = await core.request(`/api/blocks/${encodeURIComponent(seller.id)}`, {
    method: blocked ? 'PUT' : 'DELETE',
    idempotent: true,
    answer: 'block result',
  });
  core.apply({ type: 'block', seller, blocked: result.blocked, conversation: result.conversation });
}

/**
 * `agency.accept` / `agency.decline`, for a known invitation. "Accept" is refused with
 * `agreements_not_acknowledged` until every agreement is acknowledged.
 */
export async function decideInvitation(core: Core, known: AgencyInvitation, action: 'accept' | 'decline'): Promise<void> {
  const invitationId = known.id;
  const invitation = core.state.invitations.get(invitationId) ?? known; // as it is now: an event may have moved it meanwhile
  assertTransition('invitation', invitation.state, action === 'accept' ? 'accepted' : 'declined');
  let body = {};
  if (action === 'accept') {
    const acknowledged = core.state.acknowledged.get(invitationId) ?? NONE;
    const missing = missingAgreements(invitation.agreements.map((a) => a.id), acknowledged);
    if (missing.length > 0) {
      throw new RuleViolationError('agreements_not_acknowledged', `Review and accept every agreement first (${missing.length} left).`);
    }
    body = { agreementIds: acknowledged };
  }
  const asOf = core.state.lastSeq;
  const result = await core.request(`/api/invitations/${encodeURIComponent(invitationId)}/${action}`, {
    method: 'POST',
    body,
    idempotent: true,
    answer: 'invitation',
  });
  core.apply({ type: 'invitation', invitation: result.invitation, link: result.link, asOf });
}

/** `agency.requestUnlink` (id checked): only while linked. */
export async function requestUnlink(core: Core, agencyId: string): Promise<void> {
  core.alive();
  const current = core.state.links.get(agencyId) ?? 'none';
  if (current !== 'linked') throw new RuleViolationError('not_linked', 'You can send an unlink request only to an agency you are linked to.');
  assertTransition('link', current, 'unlink_requested');
  const asOf = core.state.lastSeq;
  const { link } = await core.request(`/api/agency-links/${encodeURIComponent(agencyId)}/unlink`, {
    method: 'POST',
    idempotent: true,
    answer: 'agency link',
  });
  core.apply({ type: 'link', link, asOf });
}

/** `samples.request` (arguments checked): a sample request, sent through the outbox like a text. Resolves with its client id. */
export async function requestSample(core: Core, conversationId: string, product: Pick<Product, 'id'> & Partial<Product>): Promise<string> {
  core.alive();
  const conversation = core.state.conversations.get(conversationId);
  if (!conversation) throw new RuleViolationError('unknown_entity', `Unknown conversation "${conversationId}".`);
  if (!canRequestSample(conversation)) throw new RuleViolationError('not_a_seller_conversation', 'Samples are requested from sellers.');
  if (conversation.blocked) throw new RuleViolationError('seller_blocked', 'Unblock this seller to request a sample.');
  const entry = newEntry(conversationId, 'sample', product.id, await cardProduct(core, product));
  await core.enqueue(entry);
  return entry.clientId;
}

/** The product as its card shows it, when every card field is valid; else the card waits for the server's copy. */
async function cardProduct(core: Core, product: Partial<Product>): Promise<Product | undefined> {
  const { parse, ProductSchema } = await core.decoders();
  try {
    return parse(ProductSchema, { name: '', imageUrl: null, price: { amount: 0, currency: 'USD' }, commissionRate: 0, ...product }, 'product');
  } catch {
    return undefined; // not a complete product: the id alone is sent
  }
}

/**
 * `inbox.markRead` for a conversation the client has not loaded (opened from a search hit or a
 * link): the answer brings the conversation. If it was loaded meanwhile (a page, a live message),
 * only the read is taken from the answer, which may be older.
 */
export async function readUnknown(core: Core, conversationId: string, send: () => Promise<{ conversation: Conversation }>): Promise<void> {
  const { conversation } = await send();
  const current = core.state.conversations.get(conversationId);
  core.apply({ type: 'conversation', conversation: current ? { ...current, unreadCount: 0 } : conversation });
  // How many unread it had was never known here, so the tabs' badges cannot be lowered by it: take
  // the server's totals, once they describe exactly the events this client has applied.
  refreshUnread(core).catch((error: unknown) => core.report(error));
}

/** The tabs' unread totals from the server, applied only when its summary is as of the client's last event. */
async function refreshUnread(core: Core): Promise<void> {
  const ask = () => core.request('/api/inbox/summary', { answer: 'inbox summary' });
  let summary = await ask();
  if (summary.lastSeq > core.state.lastSeq) {
    await (await core.sequence()).resync(); // the events in between first
    summary = await ask();
  }
  if (summary.lastSeq === core.state.lastSeq) core.update((state) => ({ ...state, unread: summary.unread }));
}
