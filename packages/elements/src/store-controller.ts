import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableStore } from '@creator-im/sdk';

/**
 * Subscribes a Lit element to an SDK store while it is connected, and re-renders it on change.
 * The store may change (e.g. when the context arrives or the conversation id changes): pass a
 * getter and the controller re-binds before each update.
 */
export class StoreController<T> implements ReactiveController {
  private store: ReadableStore<T> | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getStore: () => ReadableStore<T> | undefined,
  ) {
    host.addController(this);
  }

  /** The current snapshot, or undefined while there is no store (no client yet). */
  get value(): T | undefined {
    this.bind();
    return this.store?.getSnapshot();
  }

  hostConnected(): void {
    this.connected = true;
    this.bind();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
  }

  hostUpdate(): void {
    this.bind();
  }

  private bind(): void {
    if (!this.connected) return;
    const next = this.getStore();
    if (next === this.store) return;
    this.unsubscribe?.();
    this.store = next;
    this.unsubscribe = next?.subscribe(() => this.host.requestUpdate());
  }
}
