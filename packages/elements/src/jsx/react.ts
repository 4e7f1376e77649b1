/**
 * React 19 JSX typings for the tags, without the `@creator-im/react` wrappers: React 19 sets
 * known properties as properties and `oncim-…` props as event listeners on custom elements.
 * Opt in once: `import type {} from '@creator-im/elements/jsx/react';`.
 * @packageDocumentation
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CimElementProperties, CimLowercaseEventHandlers, CimTagMap } from './props.js';

/** The props of one tag in React. */
export type CimReactProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E> & CimElementProperties<E> & CimLowercaseEventHandlers;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX namespace is augmented this way
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
    interface IntrinsicElements extends CimReactElements {}
  }
}

/** Every tag's React props. */
export type CimReactElements = { [K in keyof CimTagMap]: CimReactProps<CimTagMap[K]> };
