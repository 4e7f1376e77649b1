import type { LitElement } from 'lit';

/**
 * Runs `action`; when it removes the focused control (a button replaced by "Added", "Accepted"…),
 * focus goes to `successor` instead of falling to `<body>`.
 */
export async function keepingFocus<T>(host: LitElement, action: () => Promise<T>, successor: () => HTMLElement | null | undefined): Promise<T> {
  const root = host.shadowRoot;
  const had = root?.activeElement ?? null;
  const result = await action();
  await host.updateComplete;
  if (had && root && !root.activeElement) successor()?.focus();
  return result;
}
