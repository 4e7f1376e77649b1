import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['msw-storybook-addon'],
  // mockServiceWorker.js must be served from the root to control the story iframe.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Every @creator-im/* entry (subpaths included) from its sources, through the monorepo's
    // private export condition: nothing needs building first.
    viteConfig.resolve ??= {};
    viteConfig.resolve.conditions = ['@creator-im/source', ...defaultClientConditions];
    return viteConfig;
  },
};
export default config;
