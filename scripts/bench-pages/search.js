// <creator-inbox> with a client whose inbox cache holds every conversation and message of the
// server (what a long-lived creator accumulates locally), so local search runs over all of them.
import { createClient } from '/dist/creator-im.js';

// Fetched before the client exists: the cache is only read while the store is still empty, and
// the list's own first-page request would otherwise win the race.
const snapshot = await (await fetch('/bench-data/inbox.json')).json();
const client = createClient({
  baseUrl: '/',
  token: () => 'bench',
  cache: { load: () => Promise.resolve(snapshot), save: () => Promise.resolve(), clear: () => Promise.resolve() },
  cacheDelayMs: 1e9,
});
window.benchStarted = client.start();
document.querySelector('creator-inbox').client = client;
