// Installed in every bench page before its own scripts (playwright addInitScript): paint-accurate
// timestamps without touching the page under test.
//
// paintWhen(predicate): checks the predicate at the start of every frame (requestAnimationFrame,
// before style, layout and paint). The first frame in which it holds is the frame that paints that
// state; a MessageChannel message posted from that rAF callback runs as the first task after the
// frame is produced, so its performance.now() is the paint time (within the task-dispatch delay).
(() => {
  const afterThisFrame = (resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  };
  // When each frame of the latest paintWhen started (its animation callback ran): which frame after
  // an event painted it.
  let frames = [];
  const paintWhen = (predicate) =>
    new Promise((resolve) => {
      frames = [];
      const tick = () => {
        frames.push(performance.now());
        let ok = false;
        try {
          ok = Boolean(predicate());
        } catch {
          ok = false;
        }
        if (ok) afterThisFrame(resolve);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  // When each live message reached the page: a listener added in the socket's constructor runs
  // before the SDK's own.
  const arrivals = {};
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const found = typeof event.data === 'string' && /bench-live-\d+/.exec(event.data);
        if (found && !(found[0] in arrivals)) arrivals[found[0]] = performance.now();
      });
    }
  };

  // The last keydown, as the browser stamped it (the input's own timestamp, not when a handler ran).
  let keydownAt = 0;
  addEventListener('keydown', (event) => (keydownAt = event.timeStamp), true);

  const inbox = () => document.querySelector('creator-inbox');
  const list = () => inbox()?.shadowRoot?.querySelector('cim-inbox-list')?.shadowRoot;
  const firstRow = () => list()?.querySelector('.row[data-index="0"]') ?? document.querySelector('.row[data-index="0"]');

  window.__bench = {
    paintWhen,
    /** How many frames of the latest paintWhen started after `time`, the painting one included (1: the next frame). */
    framesAfter: (time) => frames.filter((start) => start > time).length,
    /** When the frame that satisfied the latest paintWhen started (its animation callback ran). */
    paintingFrame: () => frames[frames.length - 1],
    arrivals,
    keydownAt: () => keydownAt,
    inbox,
    list,
    firstRow,
    session: () => inbox()?.shadowRoot?.querySelector('cim-chat-session'),
    log: () => inbox()?.shadowRoot?.querySelector('cim-chat-session')?.shadowRoot?.querySelector('cim-message-log')?.shadowRoot,
    search: () => inbox()?.shadowRoot?.querySelector('cim-search'),
    // Navigation → the first conversation row painted (either page). Presence only: measuring it
    // here would force a layout the page under test did not ask for.
    firstRowPainted: paintWhen(() => firstRow()?.isConnected),
  };
})();
