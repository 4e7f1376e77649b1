/** A test double for the search route's timing, shared by the SDK's Node tests and the elements' browser tests. */

/**
 * A fetch that holds every `/api/search` answer until the test releases it, and answers it even
 * when the request was aborted (as a server that already sent its answer would): `asked` lists
 * the queries sent, `release(q)` lets that answer through.
 */
export function heldSearches() {
  const asked: string[] = [];
  const gates = new Map<string, () => void>();
  const opened = new Set<string>();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname !== '/api/search') return globalThis.fetch(input, init);
    const q = url.searchParams.get('q') ?? '';
    asked.push(q);
    if (!opened.has(q)) await new Promise<void>((resolve) => gates.set(q, resolve));
    return globalThis.fetch(input, { ...init, signal: null });
  };
  return {
    fetch,
    asked,
    release(q: string) {
      opened.add(q);
      gates.get(q)?.();
    },
  };
}
