// Loaded first by the test page (web-test-runner.config.mjs): lit-virtualizer's ResizeObserver can
// report a benign "loop completed with undelivered notifications"; that one message alone is not a
// failure nor worth a log line. Every other error still reaches the runner.
window.addEventListener(
  'error',
  (event) => {
    if (String(event.message).includes('ResizeObserver loop')) {
      event.stopImmediatePropagation();
      event.preventDefault();
    }
  },
  { capture: true },
);
