/**
 * The seeded conversations and messages: every tab, every message kind, sample requests in every
 * status, invitations in every state, Targeted Plans and agency product lists, a few blocked
 * sellers. Same seed, same data; times are placed in the 30 days before now. Large inboxes
 * (`conversations`, `messages`) keep the same mix and give a few conversations thousands of messages.
 */
import type { AgencyInvitation, Product, SampleStatus } from '@creator-im/sdk';
import { productImageUrl } from './images.js';
import { textsIn, textsOut, type Seed } from './data.js';
import type { BackendOptions, MockBackend } from './model.js';

/** Conversations that get a long history in a large inbox. */
const LONG_CONVERSATIONS = 3;

/** Extra messages per seller conversation, by index. */
function extraMessages(seed: Seed, options: BackendOptions): (i: number) => number {
  if (options.messages === undefined) return () => options.messagesPerConversation ?? 0;
  const total = Math.max(0, Math.floor(options.messages));
  const conversations = seed.sellers.length + seed.agencies.length;
  // About four messages per conversation come with the mix; a twentieth of the rest goes to each long one.
  const remainder = Math.max(0, total - conversations * 4);
  const long = Math.min(seed.sellers.length, LONG_CONVERSATIONS);
  const perLong = Math.floor(remainder / 20);
  const spread = Math.max(0, remainder - perLong * long);
  const each = Math.floor(spread / Math.max(1, seed.sellers.length - long));
  const odd = spread - each * Math.max(0, seed.sellers.length - long);
  return (i) => (i < long ? perLong : each + (i - long < odd ? 1 : 0));
}

/** About how many events the seed emits: time stamps are spread evenly over them. */
export function plannedEvents(seed: Seed, options: BackendOptions): number {
  const extra = extraMessages(seed, options);
  let total = seed.agencies.length * 5 + 10;
  for (let i = 0; i < seed.sellers.length; i++) total += 5 + extra(i);
  return total;
}

function exclusiveProduct(id: string, name: string): Product {
  return { id, name, imageUrl: productImageUrl(id), price: { amount: 39.9, currency: 'USD' }, commissionRate: 0.15 };
}

/** `count` products from `start`, wrapping (the last product, unavailable, only on request). */
export function productSlice(seed: Seed, start: number, count: number): Product[] {
  const { products } = seed;
  return Array.from({ length: count }, (_, k) => products[(start + k) % (products.length - 1)]!);
}

/** Fills a fresh model with the seeded world. */
export function populate(model: MockBackend, options: BackendOptions): void {
  const { seed } = model;
  const { sellers, agencies, products } = seed;
  const extra = extraMessages(seed, options);
  sellers.forEach((seller, i) => {
    const conversation = model.createConversation(seller, null);
    const count = 2 + (i % 4) + extra(i);
    for (let n = 0; n < count; n++) {
      // Every third seller is never answered (a New Connection): its turns are all the seller's.
      if (n % 2 === 0 || (i % 3 === 0 && n >= 2 + (i % 4))) model.push(conversation.id, 'counterpart', { type: 'TEXT', text: model.pick(textsIn) });
      else if (i % 3 !== 0) model.push(conversation.id, 'creator', { type: 'TEXT', text: model.pick(textsOut) });
    }
    if (i % 3 === 1) model.push(conversation.id, 'counterpart', { type: 'PRODUCT_CARD', product: products[i % products.length]! });
    if (i % 4 === 2) {
      model.push(conversation.id, 'counterpart', {
        type: 'PRODUCT_LIST',
        list: { id: `plan-${seller.id}`, name: `${seller.name} Targeted Plan`, source: 'targeted_plan', products: productSlice(seed, i, 4) },
      });
    }
    if (i % 5 === 3) {
      const status: SampleStatus = (['to_review', 'to_ship', 'cancelled'] as const)[i % 3]!;
      model.createSample(conversation.id, products[(i + 7) % products.length]!, status);
    }
    if (i % 7 === 6 && !model.blocked.has(seller.id)) model.read(conversation.id);
    if (i % 6 === 0) model.conversations.set(conversation.id, { ...model.conversations.get(conversation.id)!, starred: true });
  });
  // A product that appears only on a Targeted Plan invitation card, and one only on a sample card.
  const first = model.conversationOf('shop-1');
  if (first) {
    model.push(first.id, 'counterpart', {
      type: 'PRODUCT_LIST',
      list: { id: 'plan-exclusive', name: 'Holiday Targeted Plan', source: 'targeted_plan', products: [...productSlice(seed, 0, 2), products[23]!, exclusiveProduct('prod-aurora', 'Aurora Glow Highlighter')] },
    });
  }
  const second = model.conversationOf('shop-2');
  if (second) model.createSample(second.id, exclusiveProduct('prod-zephyr', 'Zephyr Travel Hair Dryer'), 'to_review');
  const invitationStates: AgencyInvitation['state'][] = ['pending', 'accepted', 'declined', 'expired', 'pending', 'accepted'];
  agencies.forEach((agency, i) => {
    const conversation = model.createConversation(agency, null);
    model.push(conversation.id, 'counterpart', { type: 'TEXT', text: `Hello from ${agency.name}! We represent top brands on TikTok Shop.` });
    const state = invitationStates[i % invitationStates.length]!;
    model.createInvitation(conversation.id, agency, state);
    if (state === 'accepted') model.links.set(agency.id, i % 6 === 5 ? 'unlink_requested' : 'linked');
    model.push(conversation.id, 'counterpart', {
      type: 'PRODUCT_LIST',
      list: { id: `list-${agency.id}`, name: `${agency.name} picks`, source: 'agency', products: productSlice(seed, i * 3, 3) },
    });
    if (i % 2 === 0) model.push(conversation.id, 'creator', { type: 'TEXT', text: model.pick(textsOut) });
  });
  // One product already in the Showcase, so "partially added" exists from the start.
  model.showcase.add('prod-2');
}
