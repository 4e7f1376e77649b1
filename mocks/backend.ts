/**
 * The mock backend: a stateful, deterministic model of the Creator IM server, with simulated
 * sellers and agencies. It speaks the wire contract of docs/api.md through one `handle()` router,
 * which both the MSW handlers (browser, Storybook, tests) and the real Node server call.
 */
import {
  agreementsFor,
  prng,
  seedParties,
  textsIn,
  textsOut,
  type Seed,
} from './data.js';
import {
  compareConversations,
  inTab,
  matchesFilter,
  conversationDocuments,
  messageDocuments,
  canTransition,
  previewText,
  carriesCollabInvite,
  INBOX_TABS,
  INBOX_FILTERS,
  type AgencyInvitation,
  type Conversation,
  type InboxFilter,
  type InboxTab,
  type KnownMessage,
  type LinkState,
  type Party,
  type Product,
  type SampleRequest,
  type SampleStatus,
} from '@creator-im/sdk';
import { SearchIndex } from '@creator-im/sdk/search-index';

/** A wire event as stored in the log. */
export interface LoggedEvent {
  id: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
}

/** A request the router understands. */
export interface MockRequest {
  method: string;
  /** Path without query, e.g. `/api/conversations`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The bearer token, if any. */
  token: string | null;
}

/** The router's answer. */
export interface MockResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Hold the answer this long (a simulated timeout after the work was done). */
  delayMs?: number;
}

/** Test and demo knobs. */
export interface Knobs {
  /** Added to every answer, ms. */
  latencyMs: number;
  /** Share (0–1) of API requests answered with a 503 (after doing nothing) or 503 after doing the work. */
  errorRate: number;
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
  sellers?: number;
  agencies?: number;
  /** Extra messages per conversation for scale tests (default: a handful). */
  messagesPerConversation?: number;
  knobs?: Partial<Knobs>;
}

type Body = Record<string, unknown>;
const json = (status: number, body: unknown): MockResponse => ({ status, body });
const fail = (status: number, code: string, message: string): MockResponse => json(status, { error: { code, message } });

/** The stateful model. One instance is one creator's world. */
export class MockBackend {
  readonly seed: Seed;
  readonly knobs: Knobs;
  private readonly random: () => number;
  private clock: number;
  private seq = 0;
  private eventCounter = 0;
  readonly events: LoggedEvent[] = [];
  readonly conversations = new Map<string, Conversation>();
  readonly messages = new Map<string, KnownMessage[]>();
  private readonly byClientId = new Map<string, { message: KnownMessage }>();
  readonly samples = new Map<string, SampleRequest>();
  readonly invitations = new Map<string, AgencyInvitation>();
  readonly links = new Map<string, LinkState>();
  readonly showcase = new Set<string>();
  readonly blocked = new Set<string>();
  private quickReplies = [
    { id: 'qr-1', text: 'Thanks! I will take a look and get back to you.' },
    { id: 'qr-2', text: 'Could you send me a free sample first?' },
    { id: 'qr-3', text: 'What commission rate can you offer?' },
  ];
  private readonly listeners = new Set<(event: LoggedEvent) => void>();
  private readonly index = new SearchIndex();
  /** Counts of every POST of a message per client id: the exactly-once tests read it. */
  readonly deliveries = new Map<string, number>();
  private timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(options: BackendOptions = {}) {
    this.random = prng(options.seed ?? 42);
    this.seed = seedParties(this.random, options);
    this.clock = this.seed.now - 30 * 24 * 3600_000;
    this.knobs = { latencyMs: 0, errorRate: 0, autoReply: false, replyDelayMs: 1500, stallRate: 0, stallMs: 0, ...options.knobs };
    for (const id of this.seed.blockedSellerIds) this.blocked.add(id);
    this.populate(options.messagesPerConversation ?? 0);
    this.clock = this.seed.now;
  }

  // ---------------------------------------------------------------- seed

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private tick(ms = 60_000): string {
    this.clock += ms;
    return new Date(this.clock).toISOString();
  }

  private populate(extra: number): void {
    const { sellers, agencies, products } = this.seed;
    sellers.forEach((seller, i) => {
      const conversation = this.createConversation(seller, null);
      const count = 2 + (i % 4) + extra;
      for (let n = 0; n < count; n++) {
        if (n % 2 === 0) this.push(conversation.id, 'counterpart', { type: 'TEXT', text: this.pick(textsIn) });
        else if (i % 3 !== 0) this.push(conversation.id, 'creator', { type: 'TEXT', text: this.pick(textsOut) });
      }
      if (i % 3 === 1) this.push(conversation.id, 'counterpart', { type: 'PRODUCT_CARD', product: products[i % products.length]! });
      if (i % 4 === 2) {
        this.push(conversation.id, 'counterpart', {
          type: 'PRODUCT_LIST',
          list: { id: `plan-${seller.id}`, name: `${seller.name} Targeted Plan`, source: 'targeted_plan', products: this.productSlice(i, 4) },
        });
      }
      if (i % 5 === 3) {
        const status: SampleStatus = (['to_review', 'to_ship', 'cancelled'] as const)[i % 3]!;
        this.createSample(conversation.id, products[(i + 7) % products.length]!, status);
      }
      if (i % 7 === 6 && !this.blocked.has(seller.id)) this.read(conversation.id);
      if (i % 6 === 0) this.conversations.set(conversation.id, { ...this.conversations.get(conversation.id)!, starred: true });
    });
    // A product that appears only on a Targeted Plan invitation card, and one only on a sample card.
    const first = this.conversationOf('shop-1');
    this.push(first.id, 'counterpart', {
      type: 'PRODUCT_LIST',
      list: { id: 'plan-exclusive', name: 'Holiday Targeted Plan', source: 'targeted_plan', products: [...this.productSlice(0, 2), this.seed.products[23]!, exclusiveProduct('prod-aurora', 'Aurora Glow Highlighter')] },
    });
    this.createSample(this.conversationOf('shop-2').id, exclusiveProduct('prod-zephyr', 'Zephyr Travel Hair Dryer'), 'to_review');
    const invitationStates: AgencyInvitation['state'][] = ['pending', 'accepted', 'declined', 'expired', 'pending', 'accepted'];
    agencies.forEach((agency, i) => {
      const conversation = this.createConversation(agency, null);
      this.push(conversation.id, 'counterpart', { type: 'TEXT', text: `Hello from ${agency.name}! We represent top brands on TikTok Shop.` });
      const state = invitationStates[i % invitationStates.length]!;
      this.createInvitation(conversation.id, agency, state);
      if (state === 'accepted') this.links.set(agency.id, i % 6 === 5 ? 'unlink_requested' : 'linked');
      this.push(conversation.id, 'counterpart', {
        type: 'PRODUCT_LIST',
        list: { id: `list-${agency.id}`, name: `${agency.name} picks`, source: 'agency', products: this.productSlice(i * 3, 3) },
      });
      if (i % 2 === 0) this.push(conversation.id, 'creator', { type: 'TEXT', text: this.pick(textsOut) });
    });
    // One product already in the Showcase, so "partially added" exists from the start.
    this.showcase.add('prod-2');
  }

  private productSlice(start: number, count: number): Product[] {
    const { products } = this.seed;
    return Array.from({ length: count }, (_, k) => products[(start + k) % (products.length - 1)]!);
  }

  private conversationOf(partyId: string): Conversation {
    for (const conversation of this.conversations.values()) if (conversation.counterpart.id === partyId) return conversation;
    throw new Error(`no conversation with ${partyId}`);
  }

  private createConversation(party: Party, entrance: Conversation['entrance']): Conversation {
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

  private createSample(conversationId: string, product: Product, status: SampleStatus, clientId?: string): KnownMessage {
    const sample: SampleRequest = { id: `sample-${this.samples.size + 1}`, conversationId, product, requestedAt: new Date(this.clock).toISOString(), status };
    this.samples.set(sample.id, sample);
    return this.push(conversationId, 'creator', { type: 'SAMPLE_REQUEST', sample }, clientId);
  }

  private createInvitation(conversationId: string, agency: Party, state: AgencyInvitation['state']): KnownMessage {
    const invitation: AgencyInvitation = {
      id: `inv-${agency.id}-${this.invitations.size + 1}`,
      conversationId,
      agency,
      terms: 'Exclusive representation for TikTok Shop brand deals, 10% agency fee.',
      agreements: agreementsFor(agency.id),
      expiresAt: new Date(this.seed.now + (state === 'expired' ? -1 : 14) * 24 * 3600_000).toISOString(),
      state,
    };
    this.invitations.set(invitation.id, invitation);
    return this.push(conversationId, 'counterpart', { type: 'AGENCY_INVITATION', invitation });
  }

  // ---------------------------------------------------------------- events

  private nextSeq(): number {
    return ++this.seq;
  }

  /** The last event sequence. */
  get lastSeq(): number {
    return this.seq;
  }

  private emit(type: string, data: Record<string, unknown>, seq = this.nextSeq()): LoggedEvent {
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

  /** Appends a message and emits `message.created`. */
  private push(conversationId: string, sender: 'creator' | 'counterpart' | 'system', content: DistributiveOmit<KnownMessage, Envelope>, clientId?: string): KnownMessage {
    const seq = this.nextSeq();
    const sentAt = this.tick(this.random() * 3600_000);
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

  private read(conversationId: string): Conversation {
    const conversation = { ...this.conversations.get(conversationId)!, unreadCount: 0 };
    this.conversations.set(conversationId, conversation);
    return conversation;
  }

  // ---------------------------------------------------------------- counterpart side (seller console, agencies)

  /** A seller messages the creator. Refused with `creator_blocked_you` while the creator blocks them. */
  sellerSend(sellerId: string, content: DistributiveOmit<KnownMessage, Envelope>): MockResponse {
    const seller = this.seed.sellers.find((candidate) => candidate.id === sellerId);
    if (!seller) return fail(404, 'not_found', 'No such seller.');
    if (this.blocked.has(sellerId)) return fail(403, 'creator_blocked_you', 'This creator has blocked you. Your message was not delivered.');
    let conversation: Conversation;
    try {
      conversation = this.conversationOf(sellerId);
    } catch {
      conversation = this.createConversation(seller, null);
    }
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
    for (let i = 0; i < count; i++) {
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

  // ---------------------------------------------------------------- HTTP router

  /** Answers one request of the wire contract (or of the `/mock` control routes). */
  handle(request: MockRequest): MockResponse {
    try {
      if (request.path.startsWith('/mock/')) return this.control(request);
      if (!request.token) return fail(401, 'unauthorized', 'Missing bearer token.');
      if (request.token === 'expired') return fail(401, 'unauthorized', 'Token expired.');
      if (this.knobs.errorRate > 0 && this.random() < this.knobs.errorRate / 2) return fail(503, 'unavailable', 'Simulated outage (before work).');
      const response = this.route(request);
      // The other half of simulated failures happens after the work is done: the answer is lost.
      if (this.knobs.errorRate > 0 && this.random() < this.knobs.errorRate / 2) return fail(503, 'unavailable', 'Simulated outage (after work).');
      if (this.knobs.stallRate > 0 && this.random() < this.knobs.stallRate) return { ...response, delayMs: this.knobs.stallMs };
      return response;
    } catch (error) {
      return fail(500, 'internal', error instanceof Error ? error.message : String(error));
    }
  }

  private route({ method, path, query, body }: MockRequest): MockResponse {
    const b = (body ?? {}) as Body;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // ['api', ...]
    const [, resource, id, action] = parts;
    const key = `${method} ${resource ?? ''}${id === undefined ? '' : '/:id'}${action === undefined ? '' : `/${action}`}`;
    switch (key) {
      case 'GET inbox/:id':
        if (id !== 'summary') break;
        return json(200, { unread: this.unread(), lastSeq: this.seq, creator: this.seed.creator });
      case 'GET conversations':
        return this.listConversations(query);
      case 'POST conversations/:id':
        if (id !== 'open') break;
        return this.open(b);
      case 'GET conversations/:id/messages':
        return this.listMessages(id!, query);
      case 'POST conversations/:id/messages':
        return this.creatorSend(id!, b);
      case 'POST conversations/:id/samples':
        return this.requestSample(id!, b);
      case 'POST conversations/:id/read': {
        if (!this.conversations.has(id!)) return fail(404, 'not_found', 'No such conversation.');
        const conversation = this.read(id!);
        this.emit('conversation.updated', { conversation });
        return json(200, { conversation });
      }
      case 'PUT conversations/:id/star': {
        const before = this.conversations.get(id!);
        if (!before) return fail(404, 'not_found', 'No such conversation.');
        if (typeof b.starred !== 'boolean') return fail(400, 'invalid_argument', 'starred must be a boolean.');
        const conversation = { ...before, starred: b.starred };
        this.conversations.set(id!, conversation);
        this.emit('conversation.updated', { conversation });
        return json(200, { conversation });
      }
      case 'GET showcase':
        return json(200, { productIds: [...this.showcase] });
      case 'POST showcase/:id':
        if (id !== 'products') break;
        return this.addToShowcase(b);
      case 'GET blocks':
        return json(200, { sellers: this.seed.sellers.filter((seller) => this.blocked.has(seller.id)) });
      case 'PUT blocks/:id':
      case 'DELETE blocks/:id':
        return this.setBlocked(id!, method === 'PUT');
      case 'GET agency-links':
        return json(200, { links: [...this.links].map(([agencyId, state]) => ({ agencyId, state })) });
      case 'POST agency-links/:id/unlink':
        return this.unlink(id!);
      case 'POST invitations/:id/accept':
      case 'POST invitations/:id/decline':
        return this.decide(id!, action as 'accept' | 'decline', b);
      case 'GET quick-replies':
        return json(200, { replies: this.quickReplies });
      case 'PUT quick-replies': {
        if (!Array.isArray(b.replies)) return fail(400, 'invalid_argument', 'replies must be an array.');
        this.quickReplies = (b.replies as { id: string; text: string }[]).map((reply) => ({ id: String(reply.id), text: String(reply.text) }));
        return json(200, { replies: this.quickReplies });
      }
      case 'GET search':
        return json(200, { hits: this.index.search(query.get('q') ?? '') });
      case 'GET events': {
        const after = Number(query.get('after') ?? 0);
        const limit = Math.min(1000, Number(query.get('limit') ?? 500));
        const start = lowerBound(this.events, after);
        return json(200, { events: this.events.slice(start, start + limit), lastSeq: this.seq });
      }
    }
    return fail(404, 'not_found', `No route ${method} ${path}.`);
  }

  private unread(): Record<InboxTab, number> {
    const unread = { shop: 0, collab: 0, agency: 0 };
    for (const conversation of this.conversations.values()) {
      for (const tab of INBOX_TABS) if (inTab(conversation, tab)) unread[tab] += conversation.unreadCount;
    }
    return unread;
  }

  private listConversations(query: URLSearchParams): MockResponse {
    const tab = (query.get('tab') ?? 'shop') as InboxTab;
    const filter = (query.get('filter') ?? 'all') as InboxFilter;
    if (!INBOX_TABS.includes(tab) || !INBOX_FILTERS.includes(filter)) return fail(400, 'invalid_argument', 'Unknown tab or filter.');
    const limit = Math.max(1, Math.min(200, Number(query.get('limit') ?? 30)));
    const offset = query.get('cursor') ? Number(query.get('cursor')) : 0;
    const all = [...this.conversations.values()].filter((c) => inTab(c, tab) && matchesFilter(c, filter)).sort(compareConversations);
    const page = all.slice(offset, offset + limit);
    return json(200, { conversations: page, nextCursor: offset + limit < all.length ? String(offset + limit) : null, lastSeq: this.seq });
  }

  private listMessages(conversationId: string, query: URLSearchParams): MockResponse {
    const messages = this.messages.get(conversationId);
    if (!messages) return fail(404, 'not_found', 'No such conversation.');
    const limit = Math.max(1, Math.min(200, Number(query.get('limit') ?? 30)));
    const before = query.get('before') ? Number(query.get('before')) : Infinity;
    const end = messages.findIndex((message) => message.seq >= before);
    const upTo = end < 0 ? messages.length : end;
    const page = messages.slice(Math.max(0, upTo - limit), upTo);
    const olderCursor = upTo - limit > 0 && page[0] ? String(page[0].seq) : null;
    return json(200, { messages: page, olderCursor });
  }

  private open(b: Body): MockResponse {
    const seller = this.seed.sellers.find((candidate) => candidate.id === b.sellerId);
    if (!seller) return fail(404, 'not_found', 'No such seller.');
    const entrance = b.entrance as Conversation['entrance'];
    let conversation: Conversation;
    try {
      conversation = { ...this.conversationOf(seller.id), entrance };
    } catch {
      conversation = { ...this.createConversation(seller, entrance) };
    }
    this.conversations.set(conversation.id, conversation);
    return json(200, { conversation });
  }

  /** Exactly once: a repeated client id returns the message stored the first time. */
  private creatorSend(conversationId: string, b: Body): MockResponse {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return fail(404, 'not_found', 'No such conversation.');
    if (typeof b.clientId !== 'string' || !b.clientId) return fail(400, 'invalid_argument', 'clientId is required.');
    if (typeof b.text !== 'string' || !b.text.trim()) return fail(400, 'invalid_argument', 'text is required.');
    const existing = this.byClientId.get(b.clientId);
    if (existing) return json(200, { message: existing.message, conversation: this.conversations.get(conversationId) });
    if (conversation.blocked) return fail(403, 'seller_blocked', 'Unblock this seller to send messages.');
    const message = this.push(conversationId, 'creator', { type: 'TEXT', text: b.text }, b.clientId);
    this.byClientId.set(b.clientId, { message });
    this.deliveries.set(b.clientId, (this.deliveries.get(b.clientId) ?? 0) + 1);
    this.scheduleReply(conversationId);
    return json(200, { message, conversation: this.conversations.get(conversationId) });
  }

  private requestSample(conversationId: string, b: Body): MockResponse {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return fail(404, 'not_found', 'No such conversation.');
    if (conversation.counterpart.kind !== 'seller') return fail(409, 'not_a_seller_conversation', 'Samples are requested from sellers.');
    if (typeof b.clientId !== 'string' || !b.clientId) return fail(400, 'invalid_argument', 'clientId is required.');
    const existing = this.byClientId.get(b.clientId);
    if (existing) return json(200, { message: existing.message, conversation });
    if (conversation.blocked) return fail(403, 'seller_blocked', 'Unblock this seller to request a sample.');
    const product = this.seed.products.find((candidate) => candidate.id === b.productId);
    if (!product) return fail(404, 'not_found', 'No such product.');
    const message = this.createSample(conversationId, product, 'to_review', b.clientId);
    this.byClientId.set(b.clientId, { message });
    return json(200, { message, conversation: this.conversations.get(conversationId) });
  }

  private addToShowcase(b: Body): MockResponse {
    if (!Array.isArray(b.productIds)) return fail(400, 'invalid_argument', 'productIds must be an array.');
    const results = (b.productIds as string[]).map((productId) => {
      if (this.seed.unavailableProducts.includes(productId)) return { productId, status: 'unavailable', reason: 'The seller removed this product.' };
      this.showcase.add(productId);
      return { productId, status: 'added', reason: null };
    });
    const added = results.filter((result) => result.status === 'added').map((result) => result.productId);
    if (added.length) this.emit('showcase.updated', { productIds: added });
    return json(200, { results });
  }

  private setBlocked(sellerId: string, blocked: boolean): MockResponse {
    const seller = this.seed.sellers.find((candidate) => candidate.id === sellerId);
    if (!seller) return fail(404, 'not_found', 'No such seller.');
    if (blocked) this.blocked.add(sellerId);
    else this.blocked.delete(sellerId);
    let conversation: Conversation | null = null;
    try {
      conversation = { ...this.conversationOf(sellerId), blocked };
      this.conversations.set(conversation.id, conversation);
      this.push(conversation.id, 'system', {
        type: 'SYSTEM_NOTICE',
        notice: { code: blocked ? 'seller_blocked' : 'seller_unblocked', text: blocked ? 'You blocked this seller.' : 'You unblocked this seller.' },
      });
      conversation = this.conversations.get(conversation.id)!;
    } catch {
      // No conversation with that seller yet: the block still holds.
    }
    this.emit('block.updated', { seller, blocked });
    return json(200, { sellerId, blocked, conversation });
  }

  private decide(invitationId: string, action: 'accept' | 'decline', b: Body): MockResponse {
    const invitation = this.invitations.get(invitationId);
    if (!invitation) return fail(404, 'not_found', 'No such invitation.');
    const target = action === 'accept' ? 'accepted' : 'declined';
    if (invitation.state === target) return json(200, { invitation, link: action === 'accept' ? { agencyId: invitation.agency.id, state: this.links.get(invitation.agency.id) ?? 'linked' } : null });
    if (!canTransition('invitation', invitation.state, target)) return fail(409, 'invalid_transition', `The invitation is ${invitation.state}.`);
    if (action === 'accept') {
      const acknowledged = Array.isArray(b.agreementIds) ? (b.agreementIds as string[]) : [];
      if (invitation.agreements.some((agreement) => !acknowledged.includes(agreement.id))) {
        return fail(409, 'agreements_not_acknowledged', 'Every agreement must be accepted first.');
      }
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

  private unlink(agencyId: string): MockResponse {
    const current = this.links.get(agencyId) ?? 'none';
    if (current === 'unlink_requested') return json(200, { link: { agencyId, state: current } });
    if (current !== 'linked') return fail(409, 'not_linked', 'You are not linked to this agency.');
    this.links.set(agencyId, 'unlink_requested');
    const conversation = this.conversationOf(agencyId);
    this.push(conversation.id, 'creator', { type: 'UNLINK_REQUEST', unlink: { agencyId, state: 'unlink_requested' } });
    this.emit('link.updated', { link: { agencyId, state: 'unlink_requested' } });
    return json(200, { link: { agencyId, state: 'unlink_requested' } });
  }

  // ---------------------------------------------------------------- control routes for the seller console and tests

  private control({ method, path, body }: MockRequest): MockResponse {
    const b = (body ?? {}) as Body;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent); // ['mock', ...]
    const [, resource, id, action] = parts;
    if (method === 'GET' && resource === 'sellers') {
      return json(200, {
        sellers: this.seed.sellers.map((seller) => ({ ...seller, blocked: this.blocked.has(seller.id) })),
        products: this.seed.products,
        samples: [...this.samples.values()],
      });
    }
    if (method === 'POST' && resource === 'sellers' && id && action === 'messages') {
      const type = b.type;
      if (type === 'TEXT') return this.sellerSend(id, { type: 'TEXT', text: String(b.text ?? '') });
      const product = this.seed.products.find((candidate) => candidate.id === b.productId) ?? this.seed.products[0]!;
      if (type === 'PRODUCT_CARD') return this.sellerSend(id, { type: 'PRODUCT_CARD', product });
      if (type === 'PRODUCT_LIST') {
        const n = this.events.length;
        return this.sellerSend(id, { type: 'PRODUCT_LIST', list: { id: `plan-live-${n}`, name: String(b.name ?? 'Targeted Plan'), source: 'targeted_plan', products: this.productSlice(n % 20, 3) } });
      }
      return fail(400, 'invalid_argument', 'type must be TEXT, PRODUCT_CARD or PRODUCT_LIST.');
    }
    if (method === 'POST' && resource === 'samples' && id && (action === 'approve' || action === 'reject')) {
      return this.decideSample(id, action === 'approve' ? 'to_ship' : 'cancelled');
    }
    if (method === 'POST' && resource === 'agency-links' && id && (action === 'unlinked' || action === 'linked')) return this.resolveUnlink(id, action);
    if (method === 'POST' && resource === 'knobs') {
      Object.assign(this.knobs, pickKnobs(b));
      return json(200, { knobs: this.knobs });
    }
    if (method === 'POST' && resource === 'burst') {
      this.burst(Math.min(10_000, Number(b.count ?? 10)));
      return json(200, { lastSeq: this.seq });
    }
    if (method === 'GET' && resource === 'log') {
      return json(200, { events: this.events.length, lastSeq: this.seq, deliveries: Object.fromEntries(this.deliveries) });
    }
    return fail(404, 'not_found', `No control route ${method} ${path}.`);
  }
}

type Envelope = 'id' | 'conversationId' | 'seq' | 'sender' | 'sentAt' | 'clientId';
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function exclusiveProduct(id: string, name: string): Product {
  return { id, name, imageUrl: null, price: { amount: 39.9, currency: 'USD' }, commissionRate: 0.15 };
}

function pickKnobs(b: Body): Partial<Knobs> {
  const knobs: Partial<Knobs> = {};
  if (typeof b.latencyMs === 'number') knobs.latencyMs = Math.max(0, b.latencyMs);
  if (typeof b.errorRate === 'number') knobs.errorRate = Math.min(1, Math.max(0, b.errorRate));
  if (typeof b.autoReply === 'boolean') knobs.autoReply = b.autoReply;
  if (typeof b.replyDelayMs === 'number') knobs.replyDelayMs = Math.max(0, b.replyDelayMs);
  if (typeof b.stallRate === 'number') knobs.stallRate = Math.min(1, Math.max(0, b.stallRate));
  if (typeof b.stallMs === 'number') knobs.stallMs = Math.max(0, b.stallMs);
  return knobs;
}

/** Index of the first event with seq > after (events are in seq order). */
function lowerBound(events: readonly LoggedEvent[], after: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.seq <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Creates a backend with the default seed. */
export function createBackend(options: BackendOptions = {}): MockBackend {
  return new MockBackend(options);
}
