/**
 * The outbox: the creator's sends (texts, sample requests) waiting for the server. Entries are
 * persisted before the first attempt, so a reload or a closed tab loses nothing, and carry a
 * client id the server de-duplicates by, so a repeated attempt never delivers twice. Delivery
 * itself (one lane per conversation) lives in `outbox-lanes.ts`, a lazy chunk.
 * @packageDocumentation
 */
import type { Message, Product } from './schemas.js';
import { localId } from './state.js';
/** A send waiting for, or refused by, the server. */
export interface OutboxEntry {
  /** Client-generated id; the server de-duplicates by it. */
  readonly clientId: string;
  readonly conversationId: string;
  readonly kind: 'text' | 'sample';
  /** The text, or the product id of a sample request. */
  readonly payload: string;
  /** A sample request's product as the card shows it (so a restored request shows the same card). */
  readonly product?: Product;
  /** ISO time the creator sent it. */
  readonly createdAt: string;
  /** Strictly increasing within a client (and across reloads): the order sends are delivered in. */
  readonly order: number;
  readonly attempts: number;
  /** Set once the server refused it for good (4xx); such entries wait for retry or discard. */
  readonly failed: boolean;
  /**
   * The signed-in creator who wrote it (the summary's `creator.id`). A client restores and delivers
   * only its own creator's entries, so two creators sharing a browser (or two inboxes on one page)
   * never see or send each other's unsent messages. Entries written before it was recorded have
   * none and are restored by the next client, as before.
   */
  readonly creatorId?: string;
}

/** Where the outbox lives. In-memory by default; `indexedDbOutbox` from `@creator-im/sdk/storage` survives reloads. */
export interface OutboxStorage {
  load(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(clientId: string): Promise<void>;
}

/** An outbox that lives as long as the page. */
export function memoryOutbox(): OutboxStorage {
  const entries = new Map<string, OutboxEntry>();
  return {
    load: () => Promise.resolve(byOrder([...entries.values()])),
    put: (entry) => {
      entries.set(entry.clientId, entry);
      return Promise.resolve();
    },
    delete: (clientId) => {
      entries.delete(clientId);
      return Promise.resolve();
    },
  };
}

/** Sorts entries into delivery order. */
export const byOrder = (entries: OutboxEntry[]): OutboxEntry[] => entries.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

let lastOrder = 0;

/** A new outbox entry for a send the creator just made (the client stamps its creator when it enqueues it). */
export function newEntry(conversationId: string, kind: OutboxEntry['kind'], payload: string, product?: Product): OutboxEntry {
  const now = Date.now();
  // Microsecond-scaled wall time keeps the order across reloads; the +1 keeps it strict within one.
  lastOrder = Math.max(lastOrder + 1, now * 1000);
  return {
    clientId: newClientId(),
    conversationId,
    kind,
    payload,
    ...(product ? { product } : {}),
    createdAt: new Date(now).toISOString(),
    order: lastOrder,
    attempts: 0,
    failed: false,
  };
}

/** The optimistic stand-in for an outbox entry, shown until the server's copy arrives: the same after a reload. */
export function optimisticMessage(entry: OutboxEntry, delivery: 'sending' | 'failed' = entry.failed ? 'failed' : 'sending'): Message {
  const base = { id: localId(entry.clientId), conversationId: entry.conversationId, seq: 0, sender: 'creator' as const, sentAt: entry.createdAt, clientId: entry.clientId, delivery };
  if (entry.kind === 'text') return { ...base, type: 'TEXT', text: entry.payload };
  const product: Product = entry.product ?? { id: entry.payload, name: '', imageUrl: null, price: { amount: 0, currency: 'USD' }, commissionRate: 0 };
  return {
    ...base,
    type: 'SAMPLE_REQUEST',
    sample: { id: localId(entry.clientId), conversationId: entry.conversationId, product, requestedAt: entry.createdAt, status: 'to_review' },
  };
}

/** A fresh client id: random, URL-safe, unique across tabs and reloads. */
export function newClientId(): string {
  const crypto = globalThis.crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}
