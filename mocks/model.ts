/**
 * The mock backend's model: one creator's world (conversations, messages, samples, invitations,
 * agency links, Showcase, blocks, quick replies), its event log and the operations on it. Answers
 * are wire answers (`MockResponse`), built from the SDK's own types and rules so the two agree.
 * Routing lives in routes.ts and control.ts, the seed data in seed.ts, transport in adapter.ts.
 */
import {
  canTransition,
  carriesCollabInvite,
  conversationDocuments,
  messageDocuments,
  previewText,
  type AgencyInvitation,
  type Conversation,
  type KnownMessage,
  type LinkState,
  type Party,
  type Product,
  type QuickReply,
  type SampleRequest,
  type SampleStatus,
} from '@creator-im/sdk';
import { SearchIndex } from '@creator-im/sdk/search-index';
import { agreementsFor, prng, seedParties, textsIn, type Seed } from './data.js';
import { ConversationStore } from './conversation-store.js';
import { populate, plannedEvents } from './seed.js';

/** A wire event as stored in the log. */
export interface LoggedEvent {
  id: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
}

/** An answer of the model or a route: a status, a JSON body, extra headers. */
export interface MockResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Test and demo knobs. */
export interface Knobs {
  /** Added to every answer, ms. */
  latencyMs: number;
  /** Share (0–1) of API requests answered with a 503, before doing the work or after it (see `outage`). */
  errorRate: number;
  /** When simulated outages strike: `before` the work, `after` it (the answer is lost), or `either` (half each). */
  outage: 'before' | 'after' | 'either';
  /** Simulated sellers reply to the creator's texts after `replyDelayMs`. */
  autoReply: boolean;
  replyDelayMs: number;
  /** Share (0–1) of API requests whose answer is held for `stallMs` after the work is done. */
  stallRate: number;
  stallMs: number;
}

/** Options of {@link createBackend}. */
export interface BackendOptions {
  seed?: number;
  /** Seller conversations (default 30). Ignored when `conversations` is given. */
  sellers?: number;
  /** Agency conversations (default 6). Ignored when `conversations` is given. */
  agencies?: number;
  /** Total conversations, spread over sellers (about 90 %) and agencies: a large inbox. */
  conversations?: number;
  /** Total seeded messages (about): a few conversations get thousands, the rest share the remainder. */
  messages?: number;
  /** Extra messages per conversation for scale tests (default: a handful). */
  messagesPerConversation?: number;
  knobs?: Partial<Knobs>;
  /** The clock (default `Date.now`): seed data is placed in the 30 days before it. */
  now?: () => number;
}

/** A message's content: everything but the envelope the model adds. */
export type MessageContent = DistributiveOmit<KnownMessage, Envelope>;
type Envelope = 'id' | 'conversationId' | 'seq' | 'sender' | 'sentAt' | 'clientId';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A JSON answer. */
export const json = (status: number, body: unknown): MockResponse => ({ status, body });
/** An error answer in the contract's error shape. */
export const fail = (status: number, code: string, message: string): MockResponse => json(status, { error: { code, message } });

const DAY = 24 * 3600_000;
/** Seed data spans the 30 days before now. */
const SEED_SPAN = 30 * DAY;

/** The stateful model. One instance is one creator's world. */
export class MockBackend {
  readonly seed: Seed;
  readonly knobs: Knobs;
  readonly random: () => number;
  /** The real clock (or the one given); every live time stamp comes from it. */
  readonly now: () => number;
  /** The last time stamp handed out: time stamps never go backwards, even within one millisecond. */
  private stamp = 0;
  /** While seeding: the step between two seeded events, so the seed fills the past 30 days. */
  private seedStep = 0;
  private seq = 0;
  private eventCounter = 0;
  readonly events: LoggedEvent[] = [];
  readonly conversations = new ConversationStore();
  readonly messages = new Map<string, KnownMessage[]>();
  private readonly byClientId = new Map<string, KnownMessage>();
  readonly samples = new Map<string, SampleRequest>();
  readonly invitations = new Map<string, AgencyInvitation>();
  readonly links = new Map<string, LinkState>();
  readonly showcase = new Set<string>();
  readonly blocked = new Set<string>();
  readonly sellersById: Map<string, Party>;
  readonly productsById: Map<string, Product>;
  quickReplies: QuickReply[] = [
    { id: 'qr-1', text: 'Thanks! I will take a look and get back to you.' },
    { id: 'qr-2', text: 'Could you send me a free sample first?' },
    { id: 'qr-3', text: 'What commission rate can you offer?' },
  ];
  private readonly listeners = new Set<(event: LoggedEvent) => void>();
  readonly index = new SearchIndex();
  /** Counts of every POST of a message per client id: the exactly-once tests read it. */
  readonly deliveries = new Map<string, number>();
  private timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(options: BackendOptions = {}) {
    this.now = options.now ?? Date.now;
    this.random = prng(options.seed ?? 42);
    const start = this.now();
    this.seed = seedParties(this.random, { ...options, now: start });
    this.sellersById = new Map(this.seed.sellers.map((seller) => [seller.id, seller]));
    this.productsById = new Map(this.seed.products.map((product) => [product.id, product]));
    this.knobs = { latencyMs: 0, errorRate: 0, outage: 'either', autoReply: false, replyDelayMs: 1500, stallRate: 0, stallMs: 0, ...options.knobs };
    for (const id of this.seed.blockedSellerIds) this.blocked.add(id);
    // Seed events are spread evenly over the past 30 days, ending an hour ago.
    this.stamp = start - SEED_SPAN;
    this.seedStep = (SEED_SPAN - 3600_000) / Math.max(1, plannedEvents(this.seed, options));
    this.conversations.defer();
    populate(this, options);
    this.conversations.reindex();
    this.seedStep = 0;
  }

  /** A fresh time stamp: the clock, or the next seed slot while seeding; strictly increasing. */
  tick(): string {
    const next = this.seedStep > 0 ? this.stamp + this.seedStep : this.now();
    this.stamp = Math.max(next, this.stamp + 1);
    return new Date(this.stamp).toISOString();
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  // ---------------------------------------------------------------- world building (seed and live)

  /** The conversation with a party, if any. */
  conversationOf(partyId: string): Conversation | undefined {
    return this.conversations.ofParty(partyId);
  }

  createConversation(party: Party, entrance: Conversation['entrance']): Conversation {
    const at = this.tick();
    const conversation: Conversation = {
      id: `conv-${party.id}`,
      counterpart: party,
      createdAt: at,
      lastActivityAt: at,
      lastMessage: null,
      unreadCount: 0,
      starred: false,
      repliedAt: null,
      collab: false,
      blocked: party.kind === 'seller' && this.blocked.has(party.id),
      entrance,
    };
    this.conversations.set(conversation.id, conversation);
    this.messages.set(conversation.id, []);
    this.index.add(conversationDocuments(conversation));
    return conversation;
  }

  createSample(conversationId: string, product: Product, status: SampleStatus, clientId?: string): KnownMessage {
    const sample: SampleRequest = { id: `sample-${this.samples.size + 1}`, conversationId, product, requestedAt: new Date(Math.max(this.stamp, 0)).toISOString(), status };
    this.samples.set(sample.id, sample);
    return this.push(conversationId, 'creator', { type: 'SAMPLE_REQUEST', sample }, clientId);
  }

  createInvitation(conversationId: string, agency: Party, state: AgencyInvitation['state']): KnownMessage {
    const invitation: AgencyInvitation = {
      id: `inv-${agency.id}-${this.invitations.size + 1}`,
      conversationId,
      agency,
      terms: 'Exclusive representation for TikTok Shop brand deals, 10% agency fee.',
      agreements: agreementsFor(agency.id),
      expiresAt: new Date(this.seed.now + (state === 'expired' ? -1 : 14) * DAY).toISOString(),
      state,
    };
    this.invitations.set(invitation.id, invitation);
    return this.push(conversationId, 'counterpart', { type: 'AGENCY_INVITATION', invitation });
  }

  /** Appends a message and emits `message.created`. */
  push(conversationId: string, sender: 'creator' | 'counterpart' | 'system', content: MessageContent, clientId?: string): KnownMessage {
    const seq = this.nextSeq();
    const sentAt = this.tick();
    const message = { id: `msg-${seq}`, conversationId, seq, sender, sentAt, clientId: clientId ?? null, ...content } as KnownMessage;
    this.messages.get(conversationId)!.push(message);
    const before = this.conversations.get(conversationId)!;
    const conversation: Conversation = {
      ...before,
      lastActivityAt: sentAt,
      lastMessage: { sender, type: message.type, text: previewText(message).slice(0, 200), sentAt },
      unreadCount: sender === 'counterpart' ? before.unreadCount + 1 : before.unreadCount,
      repliedAt: sender === 'creator' ? (before.repliedAt ?? sentAt) : before.repliedAt,
      collab: before.collab || carriesCollabInvite(message),
    };
    this.conversations.set(conversationId, conversation);
    this.index.add(messageDocuments(message));
    this.emit('message.created', { message, conversation }, seq);
    return message;
  }

  read(conversationId: string): Conversation {
    const conversation = { ...this.conversations.get(conversationId)!, unreadCount: 0 };
    this.conversations.set(conversationId, conversation);
    return conversation;
  }

  // ---------------------------------------------------------------- events

  private nextSeq(): number {
    return ++this.seq;
  }

  /** The last event sequence. */
  get lastSeq(): number {
    return this.seq;
  }

  emit(type: string, data: Record<string, unknown>, seq = this.nextSeq()): LoggedEvent {
    const event: LoggedEvent = { id: `evt-${++this.eventCounter}`, seq, type, data };
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Subscribes to the live event stream (the WebSocket fan-out). */
  subscribe(listener: (event: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The events after `after`, at most `limit` (events are in seq order: a binary search). */
  eventsAfter(after: number, limit: number): LoggedEvent[] {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.events[mid]!.seq <= after) lo = mid + 1;
      else hi = mid;
    }
    return this.events.slice(lo, lo + limit);
  }

  // ---------------------------------------------------------------- the creator's actions

  /** Opens (or reopens) the conversation with a seller, recording the entrance. */
  open(sellerId: string, entrance: Conversation['entrance']): MockResponse {
    const seller = this.sellersById.get(sellerId);
    if (!seller) return fail(404, 'not_found', 'No such seller.');
    const existing = this.conversationOf(seller.id);
    const conversation = { ...(existing ?? this.createConversation(seller, entrance)), entrance };
    this.conversations.set(conversation.id, conversation);
    return json(200, { conversation });
  }

  /** Exactly once: a repeated client id returns the message stored the first time. */
  creatorSend(conversationId: string, clientId: string, text: string): MockResponse {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return fail(404, 'not_found', 'No such conversation.');
    const existing = this.byClientId.get(clientId);
    if (existing) return json(200, { message: existing, conversation: this.conversations.get(existing.conversationId) });
    if (conversation.blocked) return fail(403, 'seller_blocked', 'Unblock this seller to send messages.');
    const message = this.push(conversationId, 'creator', { type: 'TEXT', text }, clientId);
    this.byClientId.set(clientId, message);
    this.deliveries.set(clientId, (this.deliveries.get(clientId) ?? 0) + 1);
    this.scheduleReply(conversationId);
    return json(200, { message, conversation: this.conversations.get(conversationId) });
  }

  requestSample(conversationId: string, clientId: string, productId: string): MockResponse {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return fail(404, 'not_found', 'No such conversation.');
    if (conversation.counterpart.kind !== 'seller') return fail(409, 'not_a_seller_conversation', 'Samples are requested from sellers.');
    const existing = this.byClientId.get(clientId);
    if (existing) return json(200, { message: existing, conversation: this.conversations.get(existing.conversationId) });
    if (conversation.blocked) return fail(403, 'seller_blocked', 'Unblock this seller to request a sample.');
    const product = this.productsById.get(productId);
    if (!product) return fail(404, 'not_found', 'No such product.');
    const message = this.createSample(conversationId, product, 'to_review', clientId);
    this.byClientId.set(clientId, message);
    return json(200, { message, conversation: this.conversations.get(conversationId) });
  }

  markRead(conversationId: string): MockResponse {
    if (!this.conversations.has(conversationId)) return fail(404, 'not_found', 'No such conversation.');
    const conversation = this.read(conversationId);
    this.emit('conversation.updated', { conversation });
    return json(200, { conversation });
  }

  /** `GET /api/search`: each hit names its conversation's counterpart (the client may not have loaded that conversation). */
  search(query: string): MockResponse {
    const hits = this.index.search(query).map((hit) => ({ ...hit, counterpart: this.conversations.get(hit.conversationId)?.counterpart }));
    return json(200, { hits });
  }

  star(conversationId: string, starred: boolean): MockResponse {
    const before = this.conversations.get(conversationId);
    if (!before) return fail(404, 'not_found', 'No such conversation.');
    const conversation = { ...before, starred };
    this.conversations.set(conversationId, conversation);
    this.emit('conversation.updated', { conversation });
    return json(200, { conversation });
  }

  addToShowcase(productIds: readonly string[]): MockResponse {
    const results = productIds.map((productId) => {
      if (this.seed.unavailableProducts.includes(productId)) return { productId, status: 'unavailable', reason: 'The seller removed this product.' };
      this.showcase.add(productId);
      return { productId, status: 'added', reason: null };
    });
    const added = results.filter((result) => result.status === 'added').map((result) => result.productId);
    if (added.length) this.emit('showcase.updated', { productIds: added });
    return json(200, { results });
  }

  setBlocked(sellerId: string, blocked: boolean): MockResponse {
    const seller = this.sellersById.get(sellerId);
    if (!seller) return fail(404, 'not_found', 'No such seller.');
    if (blocked) this.blocked.add(sellerId);
    else this.blocked.delete(sellerId);
    let conversation: Conversation | null = null;
    const existing = this.conversationOf(sellerId);
    // No conversation with that seller yet: the block still holds.
    if (existing) {
      this.conversations.set(existing.id, { ...existing, blocked });
      this.push(existing.id, 'system', {
        type: 'SYSTEM_NOTICE',
        notice: { code: blocked ? 'seller_blocked' : 'seller_unblocked', text: blocked ? 'You blocked this seller.' : 'You unblocked this seller.' },
      });
      conversation = this.conversations.get(existing.id)!;
    }
    this.emit('block.updated', { seller, blocked });
    return json(200, { sellerId, blocked, conversation });
  }

  decide(invitationId: string, action: 'accept' | 'decline', agreementIds: readonly string[]): MockResponse {
    const invitation = this.invitations.get(invitationId);
    if (!invitation) return fail(404, 'not_found', 'No such invitation.');
    const target = action === 'accept' ? 'accepted' : 'declined';
    if (invitation.state === target) return json(200, { invitation, link: action === 'accept' ? { agencyId: invitation.agency.id, state: this.links.get(invitation.agency.id) ?? 'linked' } : null });
    if (!canTransition('invitation', invitation.state, target)) return fail(409, 'invalid_transition', `The invitation is ${invitation.state}.`);
    if (action === 'accept' && invitation.agreements.some((agreement) => !agreementIds.includes(agreement.id))) {
      return fail(409, 'agreements_not_acknowledged', 'Every agreement must be accepted first.');
    }
    const next = { ...invitation, state: target } as AgencyInvitation;
    this.invitations.set(invitationId, next);
    this.emit('invitation.updated', { invitation: next });
    let link = null;
    if (action === 'accept') {
      this.links.set(invitation.agency.id, 'linked');
      link = { agencyId: invitation.agency.id, state: 'linked' as const };
      this.emit('link.updated', { link });
    }
    return json(200, { invitation: next, link });
  }

  unlink(agencyId: string): MockResponse {
    const current = this.links.get(agencyId) ?? 'none';
    if (current === 'unlink_requested') return json(200, { link: { agencyId, state: current } });
    if (current !== 'linked') return fail(409, 'not_linked', 'You are not linked to this agency.');
    this.links.set(agencyId, 'unlink_requested');
    const conversation = this.conversationOf(agencyId);
    if (conversation) this.push(conversation.id, 'creator', { type: 'UNLINK_REQUEST', unlink: { agencyId, state: 'unlink_requested' } });
    this.emit('link.updated', { link: { agencyId, state: 'unlink_requested' } });
    return json(200, { link: { agencyId, state: 'unlink_requested' } });
  }

  // ---------------------------------------------------------------- counterpart side (seller console, agencies)

  /** A seller messages the creator. Refused with `creator_blocked_you` while the creator blocks them. */
  sellerSend(sellerId: string, content: MessageContent): MockResponse {
    const seller = this.sellersById.get(sellerId);
    if (!seller) return fail(404, 'not_found', 'No such seller.');
    if (this.blocked.has(sellerId)) return fail(403, 'creator_blocked_you', 'This creator has blocked you. Your message was not delivered.');
    const conversation = this.conversationOf(sellerId) ?? this.createConversation(seller, null);
    return json(200, { message: this.push(conversation.id, 'counterpart', content) });
  }

  /** The seller approves ("To ship") or rejects ("Cancelled") a sample request. */
  decideSample(sampleId: string, status: SampleStatus): MockResponse {
    const sample = this.samples.get(sampleId);
    if (!sample) return fail(404, 'not_found', 'No such sample request.');
    if (!canTransition('sample', sample.status, status)) return fail(409, 'invalid_transition', `A sample request cannot go from ${sample.status} to ${status}.`);
    const next = { ...sample, status };
    this.samples.set(sampleId, next);
    this.emit('sample.updated', { sample: next });
    return json(200, { sample: next });
  }

  /** The agency answers an unlink request: `unlinked`, or `linked` when it refuses. */
  resolveUnlink(agencyId: string, state: 'unlinked' | 'linked'): MockResponse {
    const current = this.links.get(agencyId) ?? 'none';
    if (!canTransition('link', current, state)) return fail(409, 'invalid_transition', `The link cannot go from ${current} to ${state}.`);
    this.links.set(agencyId, state);
    this.emit('link.updated', { link: { agencyId, state } });
    return json(200, { link: { agencyId, state } });
  }

  /** Emits `count` messages from sellers in a burst (for load tests and demos). */
  burst(count: number): void {
    const sellers = this.seed.sellers.filter((seller) => !this.blocked.has(seller.id));
    for (let i = 0; i < count && sellers.length; i++) {
      const seller = sellers[i % sellers.length]!;
      this.sellerSend(seller.id, { type: 'TEXT', text: `Burst message ${i + 1} from ${seller.name}` });
    }
  }

  private scheduleReply(conversationId: string): void {
    if (!this.knobs.autoReply) return;
    const conversation = this.conversations.get(conversationId);
    if (!conversation || conversation.counterpart.kind !== 'seller') return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.sellerSend(conversation.counterpart.id, { type: 'TEXT', text: this.pick(textsIn) });
    }, this.knobs.replyDelayMs);
    this.timers.add(timer);
  }

  /** Stops pending simulated replies. */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.listeners.clear();
  }
}
