/**
 * The rules of Creator IM, in one place. The SDK enforces them; the mock backend uses the same
 * functions so the two can never disagree. Elements never re-implement any of them.
 * @packageDocumentation
 */
import { RuleViolationError } from './errors.js';
import type {
  Conversation,
  InvitationState,
  LinkState,
  Message,
  Product,
  ProductList,
  SampleRequest,
  SampleStatus,
} from './schemas.js';

/** Inbox tabs: "TikTok Shop", "Collab Messages", "Agency". */
export type InboxTab = 'shop' | 'collab' | 'agency';
/** Inbox filters: all, "New Connections", "Starred", "Unread", "Unreplied". */
export type InboxFilter = 'all' | 'new' | 'starred' | 'unread' | 'unreplied';

/** Every inbox tab, in display order. */
export const INBOX_TABS: readonly InboxTab[] = ['shop', 'collab', 'agency'];
/** Every inbox filter (`all` first). */
export const INBOX_FILTERS: readonly InboxFilter[] = ['all', 'new', 'starred', 'unread', 'unreplied'];

/**
 * Which tabs list a conversation. "TikTok Shop" holds every seller conversation; "Collab Messages"
 * every conversation that carries a collaboration invite (Targeted Plan or agency invitation),
 * whoever sent it; "Agency" every agency conversation.
 */
export function inTab(conversation: Conversation, tab: InboxTab): boolean {
  switch (tab) {
    case 'shop':
      return conversation.counterpart.kind === 'seller';
    case 'collab':
      return conversation.collab;
    case 'agency':
      return conversation.counterpart.kind === 'agency';
  }
}

/**
 * "Unreplied": the last message came from the other side and the creator has not answered it.
 * System notices do not count as an answer.
 */
export function isUnreplied(conversation: Conversation): boolean {
  return conversation.lastMessage?.sender === 'counterpart';
}

/** "New Connections": the creator has never replied in this conversation (first contact unanswered). */
export function isNewConnection(conversation: Conversation): boolean {
  return conversation.repliedAt === null;
}

/** "Block seller" is offered in seller conversations only: agencies cannot be blocked. */
export function canBlock(conversation: Conversation): boolean {
  return conversation.counterpart.kind === 'seller';
}

/** Samples are requested from sellers only. (While blocked, the composer and its actions are replaced.) */
export function canRequestSample(conversation: Conversation): boolean {
  return conversation.counterpart.kind === 'seller';
}

/** Whether a conversation passes a filter. */
export function matchesFilter(conversation: Conversation, filter: InboxFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'new':
      return isNewConnection(conversation);
    case 'starred':
      return conversation.starred;
    case 'unread':
      return conversation.unreadCount > 0;
    case 'unreplied':
      return isUnreplied(conversation);
  }
}

/** Inbox order: latest activity first; ties broken by id so the order is total and stable. */
export function compareConversations(a: Conversation, b: Conversation): number {
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt < b.lastActivityAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const SAMPLE_TRANSITIONS: Record<SampleStatus, readonly SampleStatus[]> = {
  // "To review" until the seller approves ("To ship") or rejects ("Cancelled"); both are final here.
  to_review: ['to_ship', 'cancelled'],
  to_ship: [],
  cancelled: [],
};

const INVITATION_TRANSITIONS: Record<InvitationState, readonly InvitationState[]> = {
  pending: ['accepted', 'declined', 'expired'],
  accepted: [],
  declined: [],
  expired: [],
};

const LINK_TRANSITIONS: Record<LinkState, readonly LinkState[]> = {
  none: ['linked'],
  linked: ['unlink_requested'],
  // The agency (or the platform) completes the unlink, or refuses it and the link stays.
  unlink_requested: ['unlinked', 'linked'],
  // A new invitation can link the creator again.
  unlinked: ['linked'],
};

/** The state machines whose transitions are checked. */
export type Machine = 'sample' | 'invitation' | 'link';
const MACHINES = { sample: SAMPLE_TRANSITIONS, invitation: INVITATION_TRANSITIONS, link: LINK_TRANSITIONS };

/** Whether `from → to` is a transition of `machine`. Staying in the same state is allowed (idempotent). */
export function canTransition(machine: Machine, from: string, to: string): boolean {
  if (from === to) return true;
  const table = MACHINES[machine] as Record<string, readonly string[] | undefined>;
  return table[from]?.includes(to) ?? false;
}

/** Throws {@link RuleViolationError} `invalid_transition` unless `from → to` is allowed. */
export function assertTransition(machine: Machine, from: string, to: string): void {
  if (!canTransition(machine, from, to)) {
    throw new RuleViolationError('invalid_transition', `A ${machine} cannot go from "${from}" to "${to}".`);
  }
}

/** Accept is allowed only when every agreement of the invitation has been acknowledged. */
export function missingAgreements(agreementIds: readonly string[], acknowledged: readonly string[]): string[] {
  return agreementIds.filter((agreementId) => !acknowledged.includes(agreementId));
}

/** Where one product of a list stands against the creator's Showcase. */
export type ShowcaseProductState = 'not_added' | 'added' | 'unavailable';
/** A product list's overall state: the card shows "Added" once it is `added`. */
export type ProductListState = 'not_added' | 'partially_added' | 'added';

/**
 * A list is "Added" once every product in it is in the Showcase. Products that can no longer be
 * added (removed by the seller) do not hold the list back, or it could never complete.
 */
export function productListState(
  list: ProductList,
  productState: (productId: string) => ShowcaseProductState,
): ProductListState {
  let added = 0;
  let open = 0;
  for (const product of list.products) {
    const state = productState(product.id);
    if (state === 'added') added++;
    else if (state === 'not_added') open++;
  }
  if (open === 0 && added > 0) return 'added';
  return added > 0 ? 'partially_added' : 'not_added';
}

/** The one-line summary of a message for the inbox row. */
export function previewText(message: Message): string {
  switch (message.type) {
    case 'TEXT':
      return message.text;
    case 'PRODUCT_CARD':
      return `[Product] ${message.product.name}`;
    case 'PRODUCT_LIST':
      return message.list.source === 'targeted_plan' ? `[Targeted Plan] ${message.list.name}` : `[Product list] ${message.list.name}`;
    case 'SAMPLE_REQUEST':
      return `[Sample request] ${message.sample.product.name}`;
    case 'AGENCY_INVITATION':
      return `[Invitation] ${message.invitation.agency.name}`;
    case 'UNLINK_REQUEST':
      return '[Unlink request]';
    case 'SYSTEM_NOTICE':
      return message.notice.text;
    case 'UNSUPPORTED':
      return '[Unsupported message]';
  }
}

/** Whether a message makes its conversation a "Collab Messages" one. */
export function carriesCollabInvite(message: Message): boolean {
  return (message.type === 'PRODUCT_LIST' && message.list.source === 'targeted_plan') || message.type === 'AGENCY_INVITATION';
}

/**
 * Products the creator can request a sample of in a seller conversation: those the seller showed
 * (product cards, Targeted Plan lists), less those with a request still open ("To review") or
 * approved ("To ship"). A cancelled request can be made again.
 */
export function requestableProducts(messages: readonly Message[], sampleOf: (id: string) => SampleRequest | undefined): Product[] {
  const offered = new Map<string, Product>();
  const taken = new Set<string>();
  for (const message of messages) {
    if (message.type === 'PRODUCT_CARD') offered.set(message.product.id, message.product);
    else if (message.type === 'PRODUCT_LIST') for (const product of message.list.products) offered.set(product.id, product);
    else if (message.type === 'SAMPLE_REQUEST') {
      const status = sampleOf(message.sample.id)?.status ?? message.sample.status;
      if (status !== 'cancelled') taken.add(message.sample.product.id);
    }
  }
  return [...offered.values()].filter((product) => !taken.has(product.id));
}
