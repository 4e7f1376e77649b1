/**
 * Headless React bindings: hooks over the SDK's stores on `useSyncExternalStore`, the way TanStack
 * Query's adapters sit on its core. They render nothing and import no element, so an app can draw
 * the inbox its own way. `@creator-im/react/hooks` holds only these.
 * @packageDocumentation
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { CreatorImClient, InboxQuery, InboxView, ReadableStore, SearchState, Thread } from '@creator-im/sdk';

const ClientContext = createContext<CreatorImClient | null>(null);

/** Props of {@link CreatorClientProvider}. */
export interface CreatorClientProviderProps {
  /** The client every hook below this provider reads (create it once, outside render). */
  client: CreatorImClient;
  children?: ReactNode;
}

/** Gives `client` to {@link useCreatorClient} and every hook below it. */
export function CreatorClientProvider({ client, children }: CreatorClientProviderProps): ReactNode {
  return createElement(ClientContext.Provider, { value: client }, children);
}

/** The client of the nearest {@link CreatorClientProvider}. Throws when there is none. */
export function useCreatorClient(): CreatorImClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useCreatorClient: no client; wrap the tree in <CreatorClientProvider client={client}>.');
  return client;
}

/** Subscribes to a store; re-renders only when its snapshot changes. */
function useStore<T>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** Rethrows an async failure during render, so an error boundary sees it (never swallowed). */
function useFailure(): (error: unknown) => void {
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const fail = useCallback((error: unknown) => setFailure({ error }), []);
  if (failure) throw failure.error;
  return fail;
}

/**
 * A live inbox view (a tab and a filter): its conversations, paging and load status. Loads the
 * first page when the view has none yet; a failed load is the view's `status: 'error'` and `error`.
 */
export function useInbox(query: InboxQuery): InboxView {
  const client = useCreatorClient();
  const { tab, filter } = query;
  const store = useMemo(() => client.inbox.view({ tab, filter }), [client, tab, filter]);
  const view = useStore(store);
  useEffect(() => {
    // StrictMode runs this twice: the second run finds the first load under way and does nothing.
    const { loaded, status } = store.getSnapshot();
    if (!loaded && status !== 'loading') void client.inbox.load({ tab, filter }).catch(() => undefined /* recorded in the view's error */);
  }, [client, store, tab, filter]);
  return view;
}

/**
 * A live conversation: its messages (optimistic ones included), older-page cursor and load
 * status. Loads the latest page when none is loaded yet; a failure is the thread's `error`.
 */
export function useThread(conversationId: string): Thread {
  const client = useCreatorClient();
  const store = useMemo(() => client.conversations.thread(conversationId), [client, conversationId]);
  const thread = useStore(store);
  useEffect(() => {
    const { loaded, status } = store.getSnapshot();
    if (!loaded && status !== 'loading') void client.conversations.loadLatest(conversationId).catch(() => undefined /* recorded in the thread's error */);
  }, [client, store, conversationId]);
  return thread;
}

/**
 * Search results for `query` across the four modules (Accounts, Messages, Products, Samples):
 * local results at once (`status: 'local'`), then merged with the server's (`'ready'`). The
 * client has one search page, so render one `useSearch` at a time.
 */
export function useSearch(query: string): SearchState {
  const client = useCreatorClient();
  const fail = useFailure();
  const state = useStore(client.search.state);
  useEffect(() => {
    client.search.setQuery(query).catch(fail);
  }, [client, query, fail]);
  return state;
}
