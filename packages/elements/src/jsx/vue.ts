/**
 * Vue typings for the tags (`GlobalComponents`), so templates type-check `<creator-inbox
 * :client="client" @cim-conversation-open="…">`. Tell Vue's compiler the tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag === 'creator-inbox' || tag.startsWith('cim-')`).
 * Opt in once: `import type {} from '@creator-im/elements/jsx/vue';`.
 * @packageDocumentation
 */
import type { DefineComponent } from 'vue';
import type { CimElementProperties, CimTagMap, CimVueEventHandlers } from './props.js';

/** The props of one tag in Vue templates. */
export type CimVueProps<E extends HTMLElement> = CimElementProperties<E> & CimVueEventHandlers;

/** Every tag as a Vue global component. */
export type CimVueComponents = { [K in keyof CimTagMap]: DefineComponent<CimVueProps<CimTagMap[K]>> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface GlobalComponents extends CimVueComponents {}
}
