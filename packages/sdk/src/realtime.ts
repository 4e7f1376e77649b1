/**
 * The real-time channel: a WebSocket with heartbeat, reconnect with backoff and jitter, and a
 * resync by sequence after every (re)connect. Events reach the client strictly in sequence order,
 * each exactly once: older or repeated sequences are dropped, a gap triggers a resync.
 * @packageDocumentation
 */
import type { Core } from './core.js';
import type { ConnectionState } from './state.js';

/** The part of the WebSocket API the SDK uses; browsers' and the `ws` package's both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Constructs a WebSocket for a URL. */
export type WebSocketFactory = (url: string) => WebSocketLike;

/** Real-time tuning. */
export interface RealtimeOptions {
  /** Builds the socket URL (with the token) for each attempt. */
  url: () => Promise<string>;
  socket: WebSocketFactory;
  /** Ping interval, ms (default 25 000); the socket is considered dead after two silent intervals. */
  heartbeatMs?: number;
  /** First reconnect delay, ms (default 500), doubling up to `maxBackoffMs` (default 15 000). */
  backoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
}

/** What the channel hands to the client. */
export interface RealtimeSink {
  /** Last sequence applied. */
  lastSeq(): number;
  /** Fetches and applies every event after `lastSeq()`; resolves when caught up. */
  resync(): Promise<void>;
  /** A raw event as it came off the socket, in arrival order. */
  event(raw: unknown): void;
  state(state: ConnectionState): void;
  /** A failure worth reporting (bad frame, failed resync); the channel keeps going. */
  error(error: unknown): void;
}

/** Owns one logical connection across any number of sockets. */
export class RealtimeChannel {
  private socket: WebSocketLike | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private stopped = true;
  private readonly options: Required<RealtimeOptions>;

  constructor(
    options: RealtimeOptions,
    private readonly sink: RealtimeSink,
  ) {
    // Defaults one by one (not a spread): this chunk loads lazily and must not pull in http.ts.
    this.options = {
      ...options,
      heartbeatMs: options.heartbeatMs ?? 25_000,
      backoffMs: options.backoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 15_000,
      random: options.random ?? Math.random,
    };
  }

  /** Opens the channel; it reconnects by itself until {@link stop}. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.open();
  }

  /** Closes the channel for good. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = socket.onmessage = socket.onerror = socket.onopen = null;
      socket.close(1000, 'client stopped');
    }
    this.sink.state('idle');
  }

  /** Drops the current socket as if the network failed (tests, and "reconnect now" buttons). */
  drop(): void {
    this.socket?.close(4000, 'dropped');
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    this.sink.state('connecting');
    let socket: WebSocketLike;
    try {
      socket = this.options.socket(await this.options.url());
    } catch (error) {
      this.sink.error(error);
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) return socket.close();
    this.socket = socket;
    let buffering = true;
    const buffer: unknown[] = [];
    socket.onopen = () => {
      this.lastHeard = Date.now();
      this.sink.state('resyncing');
      this.startHeartbeat(socket);
      this.sink
        .resync()
        .then(() => {
          if (this.socket !== socket) return;
          buffering = false;
          this.attempt = 0;
          for (const raw of buffer.splice(0)) this.sink.event(raw);
          this.sink.state('online');
        })
        .catch((error: unknown) => {
          this.sink.error(error);
          socket.close(4001, 'resync failed');
        });
    };
    socket.onmessage = (message) => {
      this.lastHeard = Date.now();
      let frame: unknown;
      try {
        frame = JSON.parse(String(message.data));
      } catch (error) {
        this.sink.error(error);
        return;
      }
      const typed = frame as { type?: unknown; event?: unknown };
      if (typed?.type !== 'event') return; // pong, hello: liveness only
      if (buffering) buffer.push(typed.event);
      else this.sink.event(typed.event);
    };
    socket.onerror = () => {
      // onclose follows; reconnecting is decided there.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      clearInterval(this.heartbeat);
      if (this.stopped) return;
      this.sink.state('offline');
      this.scheduleReconnect();
    };
  }

  private startHeartbeat(socket: WebSocketLike): void {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastHeard > this.options.heartbeatMs * 2) {
        socket.close(4002, 'heartbeat timeout');
        return;
      }
      try {
        socket.send(JSON.stringify({ type: 'ping' }));
      } catch {
        socket.close(4003, 'send failed');
      }
    }, this.options.heartbeatMs);
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = Math.min(this.options.maxBackoffMs, this.options.backoffMs * 2 ** this.attempt) * (0.5 + this.options.random() / 2);
    this.attempt++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.open(), delay);
  }
}

/** A client's channel (not started): events go to its sequencer, connection changes to its state. */
export function connect(core: Core, socket: WebSocketFactory): RealtimeChannel {
  const options = core.options;
  return new RealtimeChannel(
    {
      socket,
      url: async () => core.http.url('/api/ws', { token: await core.http.getToken() }).replace(/^http/, 'ws'),
      heartbeatMs: options.heartbeatMs,
      backoffMs: options.reconnectBackoffMs,
      random: options.random,
    },
    {
      lastSeq: () => core.state.lastSeq,
      resync: () => core.sequence().then((sequencer) => sequencer.resync()),
      event: (raw) => core.receive(raw),
      state: (connection) => {
        core.update((state) => (state.connection === connection ? state : { ...state, connection }));
        if (connection === 'online') core.outboxLanes?.flush();
      },
      error: (error) => core.report(error),
    },
  );
}
