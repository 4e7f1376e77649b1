/**
 * The event sequencer: real-time events are applied strictly in sequence order, each once. Early
 * events wait for the missing ones; a gap is filled from `/api/events`. When the server no longer
 * has the history asked for (its answer starts after a gap, or makes no progress), the client
 * revalidates what it holds instead of asking again. Automatic resyncs back off exponentially
 * with jitter, up to a cap, and stop at `dispose()`; their failures go to `onError`, never to an
 * unhandled rejection.
 * @packageDocumentation
 */
import type { Core, Decoders } from './core.js';
import { CimError, InvalidRecordError, toCimError, ValidationError } from './errors.js';
import { conversationDocuments, messageDocuments } from './search.js';
import { applyEvent } from './state-events.js';

/** One page of `/api/events`. */
export interface EventsPage {
  readonly events: readonly unknown[];
  readonly lastSeq: number;
}

/** What the sequencer needs from the client. */
export interface SequencerHost {
  /** The last sequence applied. */
  lastSeq(): number;
  /** Decodes and applies one event with this sequence (or only records the sequence when it is bad). */
  apply(raw: unknown, seq: number): void;
  /** `GET /api/events?after=`. */
  fetch(after: number): Promise<EventsPage>;
  /** The server cannot replay the events after `lastSeq()`: refetch everything, then continue from `serverSeq`. */
  revalidate(serverSeq: number): Promise<void>;
  /** Runs `writes` as one state change (one notification). */
  batch(writes: () => void): void;
  report(error: unknown): void;
  random(): number;
}

/** Tuning of automatic resyncs. */
export interface SequencerOptions {
  /** First delay before repeating a failed or fruitless resync, ms (default 500). */
  backoffMs?: number;
  /** Longest delay, ms (default 30 000). */
  maxBackoffMs?: number;
  /** Automatic attempts in a row without progress before giving up until the next event or reconnect (default 8). */
  maxAttempts?: number;
}

/** Orders events and resyncs gaps. */
export class EventSequencer {
  private readonly pending = new Map<number, unknown>();
  private running: Promise<void> | undefined;
  private auto: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private wake: (() => void) | undefined;
  private disposed = false;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly host: SequencerHost & { revalidateCards?(): Promise<void> },
    options: SequencerOptions = {},
  ) {
    this.backoffMs = options.backoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  /** Takes one raw event (socket, adapter). Out-of-order events wait; a gap starts an automatic resync. */
  receive(raw: unknown): void {
    if (this.disposed) return;
    this.take(raw);
    if (this.pending.size === 0) return;
    // A live event while a resync waits out its backoff: try now (still one try of the capped count).
    if (this.auto) this.wake?.();
    else this.resyncInBackground();
  }

  private take(raw: unknown): void {
    const seq = (raw as { seq?: unknown } | null)?.seq;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
      this.host.report(new CimError('invalid_payload', 'Dropped a real-time event without a valid sequence number.'));
      return;
    }
    if (seq <= this.host.lastSeq()) return; // already applied
    this.pending.set(seq, raw);
    this.host.batch(() => {
      for (let next = this.host.lastSeq() + 1; this.pending.has(next); next++) {
        const event = this.pending.get(next);
        this.pending.delete(next);
        this.host.apply(event, next);
      }
    });
    for (const held of this.pending.keys()) if (held <= this.host.lastSeq()) this.pending.delete(held);
  }

  /**
   * Fetches and applies every event after the last one applied; concurrent calls share one run.
   * Rejects when a request fails (the caller decides whether to try again).
   */
  resync(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.running ??= this.catchUp().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const after = this.host.lastSeq();
      const page = await this.host.fetch(after);
      if (this.disposed) return;
      const seqs = page.events.map((raw) => (raw as { seq?: unknown } | null)?.seq).filter((seq): seq is number => typeof seq === 'number');
      const first = Math.min(...seqs);
      // The answer starts after a gap: that history is gone. Refetch everything instead of asking again.
      if (seqs.length > 0 && first > after + 1 && !this.pending.has(after + 1)) return this.revalidate(page.lastSeq);
      this.host.batch(() => {
        for (const raw of page.events) this.take(raw);
      });
      if (this.host.lastSeq() >= page.lastSeq) return;
      // The server says there is more but gave nothing new: it cannot replay it either.
      if (this.host.lastSeq() === after) return this.revalidate(page.lastSeq);
    }
  }

  private async revalidate(serverSeq: number): Promise<void> {
    await this.host.revalidate(serverSeq);
    for (const held of this.pending.keys()) if (held <= this.host.lastSeq()) this.pending.delete(held);
  }

  /**
   * Resyncs until no event waits, in the background: immediately first, then with exponential
   * backoff and jitter while it fails or makes no progress, giving up (reported) after
   * `maxAttempts` fruitless tries. Never rejects.
   */
  resyncInBackground(): void {
    if (this.auto || this.disposed) return;
    this.auto = (async () => {
      let fruitless = 0;
      while (!this.disposed && (this.pending.size > 0 || fruitless > 0)) {
        const before = this.host.lastSeq();
        try {
          await this.resync();
          if (this.pending.size === 0) return;
        } catch (error) {
          this.host.report(error);
        }
        fruitless = this.host.lastSeq() > before ? 0 : fruitless + 1;
        if (fruitless >= this.maxAttempts) {
          this.host.report(new CimError('unavailable', `Could not catch up on real-time events after ${fruitless} tries; waiting for the next event or reconnect.`));
          return;
        }
        await this.sleep(Math.min(this.maxBackoffMs, this.backoffMs * 2 ** fruitless) * (0.5 + this.host.random() / 2));
      }
    })()
      .catch((error: unknown) => this.host.report(toCimError(error)))
      .finally(() => {
        this.auto = undefined;
      });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        clearTimeout(this.timer);
        this.wake = undefined;
        resolve();
      };
      this.timer = setTimeout(this.wake, ms);
    });
  }

  /** Reloads the conversations holding cards (a cache without a sequence to catch up from). */
  revalidateCards(): Promise<void> {
    return this.host.revalidateCards?.() ?? Promise.resolve();
  }

  /** Stops: no more requests, timers cleared, waiting events dropped. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.wake?.();
    this.pending.clear();
  }
}

/** The sequencer's host on a client core: how events are applied (with the core's decoders) and what revalidation reloads. */
export function coreHost(core: Core, { decodeEvent }: Decoders): SequencerHost & { revalidateCards(): Promise<void> } {
  /** Reloads the latest page of every conversation holding cards (samples, invitations), a few at a time. */
  const revalidateCards = async (): Promise<void> => {
    const state = core.state;
    const ids = [...new Set([...state.samples.values(), ...state.invitations.values()].map((card) => card.conversationId))];
    const worker = async () => {
      for (let id = ids.shift(); id !== undefined && !core.disposed; id = ids.shift()) {
        await core.messagePage(id, null, {}).catch((error: unknown) => core.report(error));
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  };
  return {
    lastSeq: () => core.state.lastSeq,
    apply(raw, seq) {
      try {
        const event = decodeEvent(raw);
        core.update((state) => applyEvent(state, event));
        if (event.type === 'message.created') {
          core.search.add([...conversationDocuments(event.data.conversation), ...messageDocuments(event.message!)]);
          if (event.message!.clientId) core.outboxLanes?.confirm(event.message!.clientId);
        } else if (event.type === 'conversation.updated') core.search.add(conversationDocuments(event.data.conversation));
      } catch (error) {
        // A bad event is reported and skipped; the sequence still moves past it.
        core.report(error instanceof ValidationError ? new InvalidRecordError('event', `seq ${seq}`, error.issues) : error);
        core.update((state) => ({ ...state, lastSeq: Math.max(state.lastSeq, seq) }));
      }
    },
    fetch: (after) => core.request('/api/events', { query: { after }, answer: 'event page' }),
    /**
     * The server cannot replay the events after our sequence: reload every entity the client holds
     * (inbox, Showcase, blocks, links, quick replies, conversations carrying cards), then go on
     * from the server's sequence.
     */
    async revalidate(serverSeq) {
      core.update((state) => ({ ...state, lastSeq: Math.max(state.lastSeq, serverSeq) }));
      await core.reloadAll?.();
      await revalidateCards();
    },
    revalidateCards,
    batch: (writes) => core.store.batch(writes),
    report: (error) => core.report(error),
    random: core.options.random ?? Math.random,
  };
}
