/**
 * When start-up work the first paint does not need runs: the real-time channel, cache writes,
 * search indexing and the secondary loads wait for the host to be idle. The SDK has no DOM, so the
 * scheduler is feature-detected (or passed in as `createClient({ idle })`).
 * @packageDocumentation
 */

/**
 * Runs `task` once the host is idle. In a browser that is after the current frame is painted;
 * without a frame loop (Node), on the next timer turn.
 */
export type IdleScheduler = (task: () => void) => void;

/** The longest an idle task waits on a busy or hidden page, ms. */
const IDLE_TIMEOUT_MS = 500;

interface IdleHost {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => unknown;
  requestAnimationFrame?: (callback: () => void) => unknown;
}

/**
 * The host's idle scheduler: `requestIdleCallback` where it exists (Chromium, Firefox); else the
 * turn after the next frame (Safari has `requestAnimationFrame` only); else a timer (Node). Every
 * path runs the task within {@link IDLE_TIMEOUT_MS}, even in a background tab where frames stop.
 */
export function hostIdle(): IdleScheduler {
  const host = globalThis as IdleHost;
  if (host.requestIdleCallback) return (task) => void host.requestIdleCallback!(task, { timeout: IDLE_TIMEOUT_MS });
  return (task) => {
    let runs = 0;
    const once = () => runs++ || task();
    host.requestAnimationFrame?.(() => setTimeout(once));
    setTimeout(once, host.requestAnimationFrame ? IDLE_TIMEOUT_MS : 0);
  };
}
