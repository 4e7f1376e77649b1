/**
 * Preact JSX typings for the tags (Preact sets known properties as properties and `oncim-…`
 * props as event listeners). Opt in once: `import type {} from '@creator-im/elements/jsx/preact';`.
 * @packageDocumentation
 */
import type { JSX } from 'preact';
import type { CimElementProperties, CimLowercaseEventHandlers, CimTagMap } from './props.js';

/** The props of one tag in Preact. */
export type CimPreactProps<E extends HTMLElement> = JSX.HTMLAttributes<E> & CimElementProperties<E> & CimLowercaseEventHandlers;

/** Every tag's Preact props. */
export type CimPreactElements = { [K in keyof CimTagMap]: CimPreactProps<CimTagMap[K]> };

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Preact's JSX namespace is augmented this way
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
    interface IntrinsicElements extends CimPreactElements {}
  }
}
