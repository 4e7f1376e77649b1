/**
 * Model-based test (fast-check commands): random sequences of sends, failed requests, dropped
 * events (a dead socket), reloads (dispose, then a new client on the same storage), seller
 * messages, block/unblock, accept/decline and Showcase adds. After each sequence, once the network
 * is back and the client caught up, the SDK's state equals both a small reference model and the
 * server's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { createBackend, type MockBackend } from '../../../mocks/backend.js';
import { createHandlers } from '../../../mocks/handlers.js';
import { createClient, memoryOutbox, type CachedInbox, type CreatorImClient, type InboxCache, type OutboxStorage } from '@creator-im/sdk';
import { BASE, until } from './helpers.js';

/** What the creator should end up seeing. */
interface Model {
  /** Texts the creator sent, per conversation, in the order written. */
  sent: Map<string, string[]>;
  blocked: Set<string>;
  showcase: Set<string>;
  invitations: Map<string, string>;
}

/** The world one sequence runs in: server, storage that survives reloads, the current client. */
interface World {
  backend: MockBackend;
  client: CreatorImClient;
  outbox: OutboxStorage;
  cache: InboxCache;
  /** POSTs still to fail before reaching the server. */
  failing: number;
  /** Whether live events reach the client (false: the socket is down). */
  connected: boolean;
  stopPipe: () => void;
  sellers: string[];
  conversationOf: Map<string, string>;
  products: string[];
  texts: number;
}

function memoryCache(): InboxCache {
  let saved: CachedInbox | undefined;
  return {
    load: async () => (saved ? structuredClone(saved) : undefined),
    save: async (inbox) => void (saved = structuredClone(inbox)),
    clear: async () => void (saved = undefined),
  };
}

function newClient(world: World): CreatorImClient {
  const client = createClient({
    baseUrl: BASE,
    token: () => 't',
    webSocket: false,
    retries: 0,
    backoffMs: 1,
    outboxRetryMs: 1,
    cacheDelayMs: 0,
    random: () => 0.5,
    outbox: world.outbox,
    cache: world.cache,
    fetch: (input, init) => {
      if (init?.method === 'POST' && world.failing > 0) {
        world.failing--;
        return Promise.reject(new TypeError('offline'));
      }
      return fetch(input, init);
    },
  });
  client.onError(() => undefined); // failures are the point; the final comparison judges
  world.stopPipe();
  world.stopPipe = world.backend.subscribe((event) => {
    if (world.connected && !client.disposed) client.receive(JSON.parse(JSON.stringify(event)));
  });
  return client;
}

type Cmd = fc.AsyncCommand<Model, World>;
const cmd = (name: string, run: (m: Model, w: World) => Promise<void> | void, check: (m: Model, w: World) => boolean = () => true): Cmd => ({
  check: (m) => check(m, undefined as never),
  run: async (m, w) => run(m, w),
  toString: () => name,
});

const commands = [
  fc.nat(2).map((i) => cmd(`send(${i})`, async (m, w) => {
    const seller = w.sellers[i]!;
    if (m.blocked.has(seller)) return;
    const text = `t${w.texts++}`;
    await w.client.conversations.sendText(w.conversationOf.get(seller)!, text);
    m.sent.set(seller, [...(m.sent.get(seller) ?? []), text]);
  })),
  fc.integer({ min: 1, max: 3 }).map((n) => cmd(`fail(${n})`, (_m, w) => void (w.failing += n))),
  fc.constant(cmd('drop', (_m, w) => void (w.connected = false))),
  fc.constant(cmd('reconnect', async (_m, w) => {
    w.connected = true;
    await w.client.resync().catch(() => undefined);
  })),
  fc.constant(cmd('reload', async (_m, w) => {
    w.client.dispose();
    w.connected = true;
    w.client = newClient(w);
    await w.client.start().catch(() => undefined);
  })),
  fc.nat(2).map((i) => cmd(`seller(${i})`, (m, w) => {
    if (!m.blocked.has(w.sellers[i]!)) w.backend.sellerSend(w.sellers[i]!, { type: 'TEXT', text: 'hello from the seller' });
  })),
  fc.tuple(fc.nat(2), fc.boolean()).map(([i, blocked]) => cmd(`block(${i}, ${blocked})`, async (m, w) => {
    const seller = w.sellers[i]!;
    const conversationId = w.conversationOf.get(seller)!;
    // Sends written before the block are delivered first (as a creator would see them go out).
    await until(() => (w.client.state.getSnapshot().threads.get(conversationId)?.messages ?? []).every((m) => !m.delivery), 10_000);
    try {
      await (blocked ? w.client.blocks.block(w.conversationOf.get(seller)!) : w.client.blocks.unblock(w.conversationOf.get(seller)!));
      if (blocked) m.blocked.add(seller);
      else m.blocked.delete(seller);
    } catch {
      // a failed request (or a client not started after a failed reload): nothing changes
    }
  })),
  fc.tuple(fc.nat(5), fc.boolean()).map(([i, accept]) => cmd(`invitation(${i}, ${accept})`, async (m, w) => {
    const invitation = [...w.backend.invitations.values()][i];
    if (!invitation || invitation.state !== 'pending') return;
    // Decided from another device: the client learns it from the events (or a reload).
    w.backend.decide(invitation.id, accept ? 'accept' : 'decline', invitation.agreements.map((a) => a.id));
    m.invitations.set(invitation.id, accept ? 'accepted' : 'declined');
  })),
  fc.nat(5).map((i) => cmd(`showcase(${i})`, async (m, w) => {
    const product = w.products[i]!;
    try {
      const { added } = await w.client.showcase.add([product]);
      for (const id of added) m.showcase.add(id);
    } catch {
      // failed: the server may still have added it (the answer was lost); compared against the server below
    }
  })),
];

test('model-based: random sends, failures, drops, reloads, seller events, blocks, invitations and Showcase adds leave the SDK equal to the model and the server', async () => {
  const backendHolder: { current?: MockBackend } = {};
  const server = setupServer();
  server.listen({ onUnhandledRequest: 'error' });
  try {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (sequence) => {
        const backend = createBackend({ sellers: 4, agencies: 3, messagesPerConversation: 2 });
        backendHolder.current = backend;
        server.resetHandlers(...createHandlers(backend));
        const sellers = [...backend.conversations.values()].filter((c) => c.counterpart.kind === 'seller' && !c.blocked).slice(0, 3);
        const world: World = {
          backend,
          client: undefined as never,
          outbox: memoryOutbox(),
          cache: memoryCache(),
          failing: 0,
          connected: true,
          stopPipe: () => undefined,
          sellers: sellers.map((c) => c.counterpart.id),
          conversationOf: new Map(sellers.map((c) => [c.counterpart.id, c.id])),
          products: backend.seed.products.slice(0, 6).map((p) => p.id),
          texts: 0,
        };
        world.client = newClient(world);
        await world.client.start();
        const model: Model = { sent: new Map(), blocked: new Set(backend.blocked), showcase: new Set(backend.showcase), invitations: new Map() };
        try {
          await fc.asyncModelRun(() => ({ model, real: world }), sequence);
          // The network comes back; the client catches up.
          world.failing = 0;
          world.connected = true;
          if (!world.client.started) await world.client.start();
          await world.client.resync();
          // Every send delivered: the persisted outbox is empty (a restored entry may not show yet).
          for (let tries = 0; (await world.outbox.load()).length > 0; tries++) {
            if (tries > 5000) throw new Error('the outbox never emptied');
            await new Promise((done) => setTimeout(done, 2));
          }
          await until(() => [...world.client.state.getSnapshot().threads.values()].every((t) => t.messages.every((m) => m.delivery !== 'sending' && m.delivery !== 'failed')), 10_000);
          await world.client.resync();
          const s = world.client.state.getSnapshot();
          // Equal to the server…
          assert.equal(s.lastSeq, backend.lastSeq);
          const ours = (ids: Iterable<string>) => [...ids].filter((id) => world.sellers.includes(id)).sort();
          assert.deepEqual(ours(s.blockedSellers.keys()), ours(backend.blocked));
          for (const seller of world.sellers) assert.equal(s.conversations.get(world.conversationOf.get(seller)!)?.blocked, backend.blocked.has(seller));
          assert.deepEqual([...s.showcase].filter(([, e]) => e.state === 'added').map(([id]) => id).sort(), [...backend.showcase].sort());
          for (const [id, invitation] of backend.invitations) if (s.invitations.has(id)) assert.equal(s.invitations.get(id)!.state, invitation.state);
          // …and to the model: every text delivered once, in the order written.
          assert.deepEqual(ours(s.blockedSellers.keys()), ours(model.blocked));
          for (const product of model.showcase) assert.ok(backend.showcase.has(product));
          for (const [id, state] of model.invitations) assert.equal(backend.invitations.get(id)!.state, state);
          for (const [seller, texts] of model.sent) {
            const conversationId = world.conversationOf.get(seller)!;
            const stored = backend.messages.get(conversationId)!.filter((m) => m.sender === 'creator' && m.type === 'TEXT' && /^t\d+$/.test(m.text)).map((m) => (m.type === 'TEXT' ? m.text : ''));
            assert.deepEqual(stored, texts, `server order for ${seller}`);
            const shown = s.threads.get(conversationId)?.messages.filter((m) => m.type === 'TEXT' && /^t\d+$/.test(m.text)).map((m) => (m.type === 'TEXT' ? m.text : '')) ?? [];
            assert.deepEqual(shown.filter((text) => texts.includes(text)), texts.filter((text) => shown.includes(text)), `client order for ${seller}`);
          }
        } catch (error) {
          if (process.env.CIM_MODEL_DEBUG) console.error(error);
          throw error;
        } finally {
          world.client.dispose();
          world.stopPipe();
          backend.dispose();
        }
      }),
      { numRuns: Number(process.env.CIM_MODEL_RUNS ?? 200) },
    );
  } finally {
    server.close();
  }
});
