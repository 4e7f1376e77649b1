/**
 * Story helpers: every story runs on its own seeded mock backend — the same model as the tests and
 * the demo — served by the MSW worker of msw-storybook-addon.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { SetupWorker } from 'msw/browser';
import { createClient, type ClientOptions, type CreatorImClient } from '@creator-im/sdk';
import { clientContext } from '@creator-im/elements';
import { createBackend, type BackendOptions, type MockBackend } from '../mocks/backend.js';
import { createHandlers } from '../mocks/handlers.js';

interface StoryContext {
  msw: SetupWorker;
}

/** A `beforeEach` that serves a fresh backend, optionally prepared by `prepare`. */
export function withBackend(options: BackendOptions = {}, prepare?: (backend: MockBackend) => void) {
  return ({ msw }: StoryContext) => {
    const backend = createBackend(options);
    prepare?.(backend);
    msw.use(...createHandlers(backend));
    return () => backend.dispose();
  };
}

/** What a part's story renders with: a started client on a fresh backend. */
export interface Stage {
  backend: MockBackend;
  client: CreatorImClient;
}

let stage: Stage | undefined;

/** The stage of the story being rendered (set by {@link withClient}). */
export function current(): Stage {
  if (!stage) throw new Error('This story needs `beforeEach: withClient(...)`.');
  return stage;
}

/**
 * A `beforeEach` for stories of the parts: a fresh backend, a started client, and `ready` to load
 * what the story shows (a thread, an acknowledged agreement…) before it renders.
 */
export function withClient(
  setup: { backend?: BackendOptions; prepare?: (backend: MockBackend) => void; client?: Partial<ClientOptions>; ready?: (stage: Stage) => Promise<void> | void } = {},
) {
  return async ({ msw }: StoryContext) => {
    const backend = createBackend(setup.backend);
    setup.prepare?.(backend);
    msw.use(...createHandlers(backend));
    const client = createClient({ baseUrl: location.origin, token: () => 'storybook', ...setup.client });
    client.onError(() => undefined); // stories of failures fail on purpose
    await client.start().catch(() => undefined);
    stage = { backend, client };
    await setup.ready?.(stage);
    return () => {
      client.dispose();
      backend.dispose();
    };
  };
}

/** Provides the story's client to the parts inside it, as `<creator-inbox>` does. */
export class CimStoryHost extends LitElement {
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: CreatorImClient;

  protected override createRenderRoot() {
    return this;
  }
}
if (!customElements.get('cim-story-host')) customElements.define('cim-story-host', CimStoryHost);

/** Renders `content` with the current story's client provided. */
export function hosted(content: TemplateResult, style = 'display:block;padding:16px;max-width:720px'): TemplateResult {
  return html`<cim-story-host .client=${current().client} style=${style}>${content}</cim-story-host>`;
}

/** A conversation of the seeded data with a message of `type` (first match). */
export function conversationWith(backend: MockBackend, test: (message: { type: string }) => boolean): string {
  for (const [id, messages] of backend.messages) if (messages.some(test)) return id;
  throw new Error('No such conversation in the seeded data.');
}
