/** Shared set-up of the element tests: a fresh mock backend behind MSW and a client on it. */
import { fixture, waitUntil } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { createClient, type CreatorImClient } from '@creator-im/sdk';
import { startMockBackend } from '../../../mocks/browser.js';
import type { BackendOptions, MockBackend } from '../../../mocks/backend.js';
import { defineElements } from '../src/registry.js';
import { clientContext } from '../src/context.js';
import { ContextProvider } from '@lit/context';

defineElements();

// lit-virtualizer's ResizeObserver can report a benign loop; that one message alone is not a failure.
window.addEventListener('error', (event) => {
  if (String(event.message).includes('ResizeObserver loop')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
});

/** A started client on a fresh seeded backend; `prepare` edits the seed before the client first loads. */
export async function startClient(options: BackendOptions = {}, prepare?: (backend: MockBackend) => void): Promise<{ backend: MockBackend; client: CreatorImClient }> {
  const backend = await startMockBackend(options);
  prepare?.(backend);
  const client = createClient({ baseUrl: location.origin, token: () => 'test-token', backoffMs: 1, reconnectBackoffMs: 20 });
  await client.start();
  return { backend, client };
}

/** Renders `template` inside a context provider of `client`. */
export async function mount<T extends HTMLElement>(client: CreatorImClient, template: TemplateResult): Promise<T> {
  const host = await fixture<HTMLDivElement>(html`<div style="height:600px;display:flex;flex-direction:column"></div>`);
  // The provider first: an element's context request on connect must find it.
  new ContextProvider(host, { context: clientContext, initialValue: client });
  render(template, host);
  const element = host.firstElementChild as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Finds an element through open shadow roots by a CSS selector, depth-first. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** All matches through open shadow roots. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  const own = (root as Element).shadowRoot;
  if (own) found.push(...deepQueryAll<T>(own, selector));
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...deepQueryAll<T>(element.shadowRoot, selector));
  return found;
}

/** The first button (or role=tab/menuitem) whose accessible text is `name`, through shadow roots. */
export function byRole(root: ParentNode, role: string, name: string | RegExp): HTMLElement | null {
  const selector = role === 'button' ? 'button:not([role]), [role="button"]' : `[role="${role}"]`;
  return (
    deepQueryAll<HTMLElement>(root, selector).find((element) => {
      const label = accessibleName(element);
      return typeof name === 'string' ? label === name || label.startsWith(`${name} `) : name.test(label);
    }) ?? null
  );
}

/** A simplified accessible name: aria-label, else the names of the children, space-joined. */
export function accessibleName(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  const label = node.getAttribute('aria-label');
  if (label) return label;
  return [...node.childNodes].map(accessibleName).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Waits for a condition a user would notice. The timeout is only a failure cap, generous so that a
 * busy 2-core machine cannot fail a test that is merely slow.
 */
export const wait = (what: string, check: () => unknown, timeout = 15_000): Promise<void> => waitUntil(() => Boolean(check()), what, { timeout });
