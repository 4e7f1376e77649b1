import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['**/dist/**', '.storybook/public/**', 'storybook-static/**', 'node_modules/**', '.cache/**', 'custom-elements.json', 'docs/reference/**'] },
  ...tseslint.configs.strict,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The SDK has no DOM dependency: it runs in Node as well as browsers.
    files: ['packages/sdk/src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'customElements', 'location'],
    },
  },
  {
    // Server strings are rendered as text only.
    files: ['packages/elements/src/**/*.ts', 'stories/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit/directives/unsafe-*'], message: 'Never render strings as HTML.' }] }],
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Render through lit templates.' }],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
