// A partner's Node 20 script: the SDK from npm with `ws` (Node 20 has no global WebSocket).
// Loads the inbox, waits for the real-time channel, sends a message and waits for its delivery.
import WebSocket from 'ws';
import { createClient } from '@creator-im/sdk';

const [baseUrl] = process.argv.slice(2);
const client = createClient({ baseUrl, token: () => 'node-consumer', webSocket: (url) => new WebSocket(url) });
client.onError((error) => console.error('background error:', error.code, error.message));

/** Resolves when `predicate` holds for `store`, checked on every change (no polling). */
const until = (store, predicate, what) =>
  new Promise((resolve, reject) => {
    if (predicate(store.getSnapshot())) return resolve(store.getSnapshot());
    const timer = setTimeout(() => (stop(), reject(new Error(`timed out waiting for ${what}`))), 20_000);
    const stop = store.subscribe(() => {
      if (!predicate(store.getSnapshot())) return;
      clearTimeout(timer);
      stop();
      resolve(store.getSnapshot());
    });
  });

await client.start();
const { conversations } = client.inbox.view({ tab: 'shop' }).getSnapshot();
if (!conversations.length) throw new Error('no conversations loaded');
await until(client.connection, (state) => state === 'online', 'the real-time channel');
const conversation = conversations[0];
const clientId = await client.conversations.sendText(conversation.id, 'Hello from a Node 20 script');
// Confirmed: the server's message (its own id) replaced the optimistic one ('sending').
const confirmed = (m) => m.clientId === clientId && m.delivery !== 'sending' && m.delivery !== 'failed';
const thread = await until(client.conversations.thread(conversation.id), (t) => t.messages.some(confirmed), 'the delivery');
const message = thread.messages.find(confirmed);
console.log(JSON.stringify({ conversations: conversations.length, connection: client.connection.getSnapshot(), delivered: message.id }));
client.dispose();
