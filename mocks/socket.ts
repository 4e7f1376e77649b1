/**
 * The real-time channel's protocol, shared by the MSW and Node transports: `hello` with the last
 * sequence on connect, every event as it happens, `pong` for each `ping`.
 */
import type { MockBackend } from './model.js';

/** A connected client of the channel. */
export interface SocketSession {
  /** Handles a frame from the client. */
  receive(text: string): void;
  /** Stops the fan-out (the socket closed). */
  close(): void;
}

/** Starts a session: sends `hello`, then every event, through `send`. */
export function attachSocket(backend: MockBackend, send: (text: string) => void): SocketSession {
  const unsubscribe = backend.subscribe((event) => send(JSON.stringify({ type: 'event', event })));
  send(JSON.stringify({ type: 'hello', lastSeq: backend.lastSeq }));
  return {
    receive(text) {
      let frame: unknown;
      try {
        frame = JSON.parse(text);
      } catch {
        return; // not a frame of the protocol: ignored, the channel stays up
      }
      if ((frame as { type?: unknown } | null)?.type === 'ping') send(JSON.stringify({ type: 'pong' }));
    },
    close: unsubscribe,
  };
}
