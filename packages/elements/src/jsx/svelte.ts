/**
 * Svelte 5 typings for the tags (`svelte/elements`): properties, and `oncim-…` attributes as
 * event listeners. Opt in once: `import type {} from '@creator-im/elements/jsx/svelte';`.
 * @packageDocumentation
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { CimElementProperties, CimLowercaseEventHandlers, CimTagMap } from './props.js';

/** The attributes of one tag in Svelte. */
export type CimSvelteProps<E extends HTMLElement> = HTMLAttributes<E> & CimElementProperties<E> & CimLowercaseEventHandlers;

/** Every tag's Svelte attributes. */
export type CimSvelteElements = { [K in keyof CimTagMap]: CimSvelteProps<CimTagMap[K]> };

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface SvelteHTMLElements extends CimSvelteElements {}
}
