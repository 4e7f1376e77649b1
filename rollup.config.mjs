// Builds the three packages (ESM + source maps, code-split so bundlers load the socket, the search
// index and Arabic lazily; declarations come from tsc, see `npm run build`) and `creator-im.js`:
// the self-registering browser bundle in ONE file (lit and every lazy part inlined, no imports),
// so it works copied alone to any static host or CDN path.
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import minifyTemplates from '@lit-labs/rollup-plugin-minify-html-literals';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Resolves our own workspace packages to their sources, so no package needs building first. */
const workspaceSources = {
  name: 'workspace-sources',
  resolveId(source) {
    if (source === '@creator-im/sdk') return here('./packages/sdk/src/index.ts');
    if (source === '@creator-im/sdk/storage') return here('./packages/sdk/src/storage.ts');
    if (source === '@creator-im/sdk/search-index') return here('./packages/sdk/src/search-index.ts');
    if (source === '@creator-im/sdk/schemas') return here('./packages/sdk/src/schemas.ts');
    return null;
  },
};

/**
 * The one file inlines every dynamic import, so lit-virtualizer's default (flow) layout, which it
 * imports only when given no layout, would ride along (~2 kB gzip): the list always gives its own.
 */
const noDefaultLayout = {
  name: 'no-default-layout',
  load: (id) =>
    /@lit-labs[\\/]virtualizer[\\/]layouts[\\/]flow\.js$/.test(id)
      ? 'export class FlowLayout { constructor() { throw new Error("creator-im.js: lit-virtualizer needs a layout"); } }'
      : null,
};

const ts = (include) =>
  typescript({
    tsconfig: here('./tsconfig.json'),
    include,
    exclude: ['**/*.test.ts', '**/test-helpers.ts'],
    noEmit: false,
    declaration: false,
    declarationMap: false,
    sourceMap: true,
    outDir: undefined,
    noEmitOnError: true,
  });

const external = (id) => /^(lit|@lit|@lit-labs|valibot|idb|react|@creator-im\/(sdk|elements))(\/|$)/.test(id);

/** The one-file browser bundle alone: `rollup -c --configEmbedOnly` (what `npm start` needs). */
const embed = {
  input: { 'creator-im': 'packages/elements/src/bundle.ts' },
  plugins: [
    workspaceSources,
    noDefaultLayout,
    nodeResolve({ browser: true }),
    ts(['packages/**/src/**/*.ts']),
    // Our lit templates' HTML and CSS without their indentation and comments (~1 kB gzip).
    minifyTemplates({ include: ['packages/**/src/**'], failOnError: true }),
    terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
  ],
  output: { dir: 'packages/elements/dist', format: 'es', sourcemap: true, inlineDynamicImports: true },
};

export default (args) =>
  args.configEmbedOnly
    ? [embed]
    : [
  {
    input: { index: 'packages/sdk/src/index.ts', storage: 'packages/sdk/src/storage.ts', 'search-index': 'packages/sdk/src/search-index.ts', schemas: 'packages/sdk/src/schemas.ts', contract: 'packages/sdk/src/contract.ts' },
    external,
    plugins: [ts(['packages/sdk/src/**/*.ts'])],
    output: { dir: 'packages/sdk/dist', format: 'es', sourcemap: true },
  },
  {
    input: { index: 'packages/elements/src/index.ts', define: 'packages/elements/src/define.ts', 'locales/ar': 'packages/elements/src/locales/ar.ts' },
    external,
    plugins: [ts(['packages/elements/src/**/*.ts'])],
    output: { dir: 'packages/elements/dist', format: 'es', sourcemap: true },
  },
  {
    input: { index: 'packages/react/src/index.ts', hooks: 'packages/react/src/hooks.ts' },
    external,
    plugins: [ts(['packages/react/src/**/*.ts'])],
    output: { dir: 'packages/react/dist', format: 'es', sourcemap: true },
  },
  embed,
];
