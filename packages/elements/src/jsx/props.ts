/**
 * What every framework typing below shares: each tag's public properties and its `cim-*` events,
 * derived from the element classes so they stay true as the elements change.
 */
import type { LitElement } from 'lit';
import type { CimDomEventMap } from '../events.js';
import type { TAGS } from '../registry.js';

/** Every Creator IM tag and its element class (from the registry, the one list of tags). */
export type CimTagMap = { [K in keyof typeof TAGS]: InstanceType<(typeof TAGS)[K]> };

/** An element's own public properties (not LitElement's, not methods), all optional. */
export type CimElementProperties<E> = {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any method, whatever its signature
  [K in keyof E as K extends keyof LitElement ? never : E[K] extends Function ? never : K]?: E[K];
};

/** `on` + event name handlers (React 19, Preact, Svelte 5 add listeners for such props). */
export type CimLowercaseEventHandlers = {
  [K in keyof CimDomEventMap as `on${K}`]?: (event: CimDomEventMap[K]) => void;
};

type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** Vue's `@cim-conversation-open` listeners, as Vue types them: `onCimConversationOpen`. */
export type CimVueEventHandlers = {
  [K in keyof CimDomEventMap as `on${Pascal<K>}`]?: (event: CimDomEventMap[K]) => void;
};
