/**
 * `load` run once and its promise shared by every caller; a run that fails is forgotten, so the
 * next call runs it again (a lazy chunk, the outbox restore, asking who is signed in).
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    if (!running) {
      const attempt = load();
      // Also keeps a failure nobody awaits yet (a request's decoders) from being unhandled.
      attempt.catch(() => {
        if (running === attempt) running = undefined;
      });
      running = attempt;
    }
    return running;
  };
}
