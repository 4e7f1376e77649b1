/**
 * Solid JSX typings for the tags: properties plain or as `prop:name`, events as
 * `on:cim-conversation-open`. Opt in once: `import type {} from '@creator-im/elements/jsx/solid';`.
 * @packageDocumentation
 */
import type { JSX } from 'solid-js';
import type { CimDomEventMap } from '../events.js';
import type { CimElementProperties, CimTagMap } from './props.js';

/** `prop:client` and the like: Solid sets these as properties. */
type ExplicitProperties<E> = { [K in keyof CimElementProperties<E> & string as `prop:${K}`]?: CimElementProperties<E>[K] };

/** The props of one tag in Solid. */
export type CimSolidProps<E extends HTMLElement> = JSX.HTMLAttributes<E> & CimElementProperties<E> & ExplicitProperties<E>;

/** Every tag's Solid props. */
export type CimSolidElements = { [K in keyof CimTagMap]: CimSolidProps<CimTagMap[K]> };

declare module 'solid-js' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Solid's JSX namespace is augmented this way
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
    interface IntrinsicElements extends CimSolidElements {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `on:cim-…` handlers
    interface CustomEvents extends CimDomEventMap {}
  }
}
