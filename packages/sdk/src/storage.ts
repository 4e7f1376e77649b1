/**
 * `@creator-im/sdk/storage`: the IndexedDB storages (through `idb`), kept out of the main entry so
 * a client that does not persist pays nothing for them.
 * @packageDocumentation
 */
import { openDB, type IDBPDatabase } from 'idb';
import { byOrder, type OutboxEntry, type OutboxStorage } from './outbox.js';
import type { CachedInbox, InboxCache } from './cache.js';

export { snapshotForCache, CACHE_LIMITS } from './cache.js';

/**
 * Opens the database on first use, not when the storage is made: an element makes its storages
 * with its client, and opening IndexedDB is work the first paint does not need (the outbox is
 * first read in idle time after it).
 */
function lazyDb(name: string, store: string, keyPath?: string): () => Promise<IDBPDatabase> {
  let db: Promise<IDBPDatabase> | undefined;
  return () => (db ??= openDB(name, 1, { upgrade: (database) => database.createObjectStore(store, keyPath ? { keyPath } : undefined) }));
}

/**
 * An outbox in IndexedDB (through `idb`), shared by every tab and client of the same database
 * name. Each entry records the creator who wrote it: a client restores and delivers only its own
 * signed-in creator's, so creators sharing a browser never see or send each other's unsent
 * messages. In Node, install a global `indexedDB` first (e.g. `fake-indexeddb/auto`).
 */
export function indexedDbOutbox(name = 'creator-im'): OutboxStorage {
  const db = lazyDb(name, 'outbox', 'clientId');
  return {
    load: async () => byOrder((await (await db()).getAll('outbox')) as OutboxEntry[]),
    put: async (entry) => {
      await (await db()).put('outbox', entry);
    },
    delete: async (clientId) => {
      await (await db()).delete('outbox', clientId);
    },
  };
}

/**
 * An inbox cache in IndexedDB (through `idb`). `creatorKey` identifies the signed-in creator, so
 * two creators sharing a browser never see each other's inbox. In Node, install a global
 * `indexedDB` first (e.g. `fake-indexeddb/auto`).
 */
export function indexedDbCache(creatorKey: string, name = 'creator-im-cache'): InboxCache {
  if (typeof creatorKey !== 'string' || !creatorKey) throw new TypeError('indexedDbCache needs the signed-in creator’s key.');
  const db = lazyDb(name, 'inbox');
  return {
    load: async () => (await (await db()).get('inbox', creatorKey)) as CachedInbox | undefined,
    save: async (inbox) => {
      await (await db()).put('inbox', inbox, creatorKey);
    },
    clear: async () => {
      await (await db()).delete('inbox', creatorKey);
    },
  };
}
