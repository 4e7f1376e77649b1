// Preloaded by `npm run test:node`. MSW adds one "message" listener to its module-wide
// BroadcastChannel for every `ws.link()` (one per mock backend) and never removes it, so a test
// file creating more than ten backends got a MaxListenersExceededWarning. That channel alone is
// created with a higher limit; every other emitter keeps Node's default, and its warnings.
import events from 'node:events';

const limit = events.defaultMaxListeners;
events.defaultMaxListeners = 1000;
try {
  await import('msw');
} finally {
  events.defaultMaxListeners = limit;
}
