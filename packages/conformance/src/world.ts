/**
 * What the kit learns from the server before checking it: the creator, some seller and agency
 * conversations, products and invitations found in their messages. Checks pick their subjects here.
 */
import type { AgencyInvitation, Conversation, InboxSummary, KnownMessage, Product } from '@creator-im/sdk';
import { SummarySchema } from '@creator-im/sdk/schemas';
import { StrictConversationPageSchema, StrictMessagePageSchema } from '@creator-im/sdk/contract';
import type { Client } from './client.js';
import { expectOk, Failure } from './expect.js';

/** The server's data as the checks need it. */
export interface World {
  summary: InboxSummary;
  sellers: Conversation[];
  agencies: Conversation[];
  /** A seller conversation the creator can write to (not blocked). */
  writable: Conversation;
  /** Messages of the conversations read, by conversation id. */
  messages: Map<string, KnownMessage[]>;
  products: Product[];
  /** Invitations as their messages show them (a snapshot: final states do not change). */
  invitations: AgencyInvitation[];
}

/** Reads enough of the server to pick each check's subject. */
export async function discover(client: Client): Promise<World> {
  const summary = expectOk(await client.call('GET', '/api/inbox/summary'), SummarySchema, 'GET /api/inbox/summary');
  const sellers = expectOk(await client.call('GET', '/api/conversations', { query: { tab: 'shop', limit: 50 } }), StrictConversationPageSchema, 'GET /api/conversations?tab=shop').conversations;
  const agencies = expectOk(await client.call('GET', '/api/conversations', { query: { tab: 'agency', limit: 50 } }), StrictConversationPageSchema, 'GET /api/conversations?tab=agency').conversations;
  const writable = sellers.find((conversation) => !conversation.blocked);
  if (!writable) throw new Failure('The account has no seller conversation the creator can write to: the kit needs a test account with at least one.');
  const messages = new Map<string, KnownMessage[]>();
  const products = new Map<string, Product>();
  const invitations = new Map<string, AgencyInvitation>();
  for (const conversation of [...sellers.slice(0, 8), ...agencies.slice(0, 20)]) {
    const page = expectOk(
      await client.call('GET', `/api/conversations/${encodeURIComponent(conversation.id)}/messages`, { query: { limit: 200 } }),
      StrictMessagePageSchema,
      `GET /api/conversations/${conversation.id}/messages`,
    );
    messages.set(conversation.id, page.messages);
    for (const message of page.messages) {
      if (message.type === 'PRODUCT_CARD') products.set(message.product.id, message.product);
      if (message.type === 'PRODUCT_LIST') for (const product of message.list.products) products.set(product.id, product);
      if (message.type === 'AGENCY_INVITATION') invitations.set(message.invitation.id, message.invitation);
    }
  }
  return { summary, sellers, agencies, writable, messages, products: [...products.values()], invitations: [...invitations.values()] };
}
