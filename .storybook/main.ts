import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['msw-storybook-addon'],
  // mockServiceWorker.js must be served from the root to control the story iframe.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    viteConfig.resolve.alias = [
      { find: /^@creator-im\/sdk$/, replacement: here('../packages/sdk/src/index.ts') },
      // Subpaths (storage, search-index, contract: the mock backend validates with it) from source too.
      { find: /^@creator-im\/sdk\/([a-z-]+)$/, replacement: `${here('../packages/sdk/src/')}$1.ts` },
      { find: /^@creator-im\/elements$/, replacement: here('../packages/elements/src/index.ts') },
      { find: /^@creator-im\/elements\/define$/, replacement: here('../packages/elements/src/define.ts') },
    ];
    return viteConfig;
  },
};
export default config;
