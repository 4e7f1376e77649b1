/**
 * Consumer tests (`npm run test:consumers`, in CI): the three packages packed as npm would publish
 * them, installed from their tarballs (and the npm registry for everything else) into fresh
 * projects in a temporary folder, then used as partners use them, each against the mock backend
 * on another origin (allowed through CORS):
 *   (a) a Vite + TypeScript app: `tsc`, the `vite` dev server, and `vite build` served statically;
 *   (b) a plain HTML page beside nothing but `creator-im.js`;
 *   (c) a React 19 app using the hooks and the wrapper (StrictMode, `vite build`);
 *   (d) a Node 20 script using the SDK with `ws`.
 * Installs go through npm's own cache (`--prefer-offline`), so a second run on one machine is fast.
 * Prints the tarballs' sizes and file lists and each step's time.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from '../../mocks/server.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { serveStatic, type StaticServer } from './static-server.js';
import { newest } from '../embed-bundle.js';

const ROOT = resolve(import.meta.dirname, '../..');
const APPS = join(ROOT, 'scripts/consumers/apps');
const PACKAGES = ['sdk', 'elements', 'react'] as const;
const work = mkdtempSync(join(tmpdir(), 'cim-consumers-'));
const timings: [string, number][] = [];
const started = Date.now();

/** Runs `step`, recording and printing how long it took. */
async function timed<T>(name: string, step: () => T | Promise<T>): Promise<T> {
  const begin = Date.now();
  const result = await step();
  const ms = Date.now() - begin;
  timings.push([name, ms]);
  console.log(`  ${name}: ${(ms / 1000).toFixed(1)} s`);
  return result;
}

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/** A free TCP port on 127.0.0.1 (for servers that must be told their port up front). */
const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

// ------------------------------------------------------------------ pack
// Packs what `npm run build` made; builds first when a package's sources are newer than its dist.
const stale = PACKAGES.some((name) => {
  const built = join(ROOT, `packages/${name}/dist/index.js`);
  return !existsSync(built) || newest(join(ROOT, `packages/${name}/src`)) > statSync(built).mtimeMs;
});
if (stale || !existsSync(join(ROOT, 'packages/elements/dist/creator-im.js'))) await timed('npm run build (dist missing or stale)', () => run('npm', ['run', '--silent', 'build'], ROOT));
const tarballs: Record<string, string> = {};
const tarballDir = join(work, 'tarballs');
mkdirSync(tarballDir);
await timed('npm pack (3 packages)', () => {
  for (const name of PACKAGES) {
    const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tarballDir, `./packages/${name}`], ROOT)) as {
      filename: string;
      size: number;
      unpackedSize: number;
      files: { path: string; size: number }[];
    }[];
    tarballs[`@creator-im/${name}`] = join(tarballDir, info!.filename);
    const files = info!.files.map((file) => file.path);
    const leaked = files.filter((path) => /(^|\/)(test|tests|__tests__)\/|\.test\.|test-helpers|helpers\.ts$|\.stories\./.test(path));
    if (leaked.length) throw new Error(`@creator-im/${name} would ship tests or helpers: ${leaked.join(', ')}`);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) if (!files.includes(required)) throw new Error(`@creator-im/${name} lacks ${required}`);
    console.log(`  @creator-im/${name}: ${(info!.size / 1000).toFixed(1)} kB packed, ${(info!.unpackedSize / 1000).toFixed(1)} kB unpacked, ${files.length} files`);
    const folders = new Map<string, number>();
    for (const path of files) folders.set(path.split('/').slice(0, 2).join('/'), (folders.get(path.split('/').slice(0, 2).join('/')) ?? 0) + 1);
    console.log(`    ${[...folders].map(([folder, count]) => (count > 1 ? `${folder}/ (${count})` : folder)).join(', ')}`);
  }
});

/** Versions the consumer projects install from the registry: the repository's, known to work. */
const version = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** A fresh project from `apps/<app>`, with the tarballs and registry packages installed. */
async function project(app: string, dependencies: string[], devDependencies: string[]): Promise<string> {
  const dir = join(work, app);
  cpSync(join(APPS, app), dir, { recursive: true });
  const deps = Object.fromEntries(dependencies.map((name) => [name, tarballs[name] ? `file:${tarballs[name]}` : version(name)]));
  const devDeps = Object.fromEntries(devDependencies.map((name) => [name, version(name)]));
  // The tarballs' own dependency on @creator-im/sdk is the tarball too, never the registry.
  const overrides = Object.fromEntries(Object.keys(deps).filter((name) => tarballs[name]).map((name) => [name, `$${name}`]));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `cim-consumer-${app}`, private: true, type: 'module', dependencies: deps, devDependencies: devDeps, overrides }, null, 2));
  await timed(`${app}: npm install`, () => run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir));
  return dir;
}

// ------------------------------------------------------------------ servers and browser
const ports = { vite: await freePort() };
const sites: StaticServer[] = [];
const plainDir = join(work, 'plain');
const viteDist = join(work, 'vite/dist');
const reactDist = join(work, 'react/dist');
for (const dir of [plainDir, viteDist, reactDist]) mkdirSync(dir, { recursive: true });
const [plainSite, viteSite, reactSite] = await Promise.all([plainDir, viteDist, reactDist].map((dir) => serveStatic(dir)));
sites.push(plainSite!, viteSite!, reactSite!);
const viteDevOrigin = `http://127.0.0.1:${ports.vite}`;
const backend = await startServer({ allowedOrigins: [viteDevOrigin, ...sites.map((site) => site.url)] });
const api = encodeURIComponent(backend.url);
let browser: Browser | undefined;
let vite: ChildProcess | undefined;
let failed = 0;

/** Opens `url` in Chromium and waits for inbox rows; fails on page errors and console errors. */
async function inboxRows(url: string, extra?: (page: import('playwright-core').Page) => Promise<string>): Promise<string> {
  browser ??= await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && errors.push(`${message.text()} (${message.location().url})`));
  try {
    await page.goto(url);
    await page.locator('creator-inbox .row').first().waitFor({ timeout: 30_000 });
    const rows = await page.locator('creator-inbox .row').count();
    const more = extra ? `; ${await extra(page)}` : '';
    if (errors.length) throw new Error(errors.join('; '));
    return `${rows} rows${more}`;
  } finally {
    await page.close();
  }
}

/** Clicks the first row; the app shows the opened conversation's id from the typed event. */
const opens = async (page: import('playwright-core').Page) => {
  await page.locator('creator-inbox .row').first().click();
  await page.locator('#opened', { hasText: /conv-/ }).waitFor({ timeout: 10_000 });
  return `${(await page.locator('#opened').textContent())?.trim()}`;
};

async function check(name: string, body: () => Promise<string>): Promise<void> {
  const begin = Date.now();
  try {
    const detail = await body();
    console.log(`✔ ${name} (${detail}) ${((Date.now() - begin) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed++;
    console.log(`✖ ${name}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 4000));
  }
}

try {
  await check('(a) Vite + TypeScript app: tsc, `vite` dev server and `vite build`, rendering <creator-inbox> from another origin', async () => {
    const dir = await project('vite', ['@creator-im/elements', '@creator-im/sdk'], ['vite', 'typescript']);
    await timed('vite: tsc --noEmit (types from the tarballs, skipLibCheck off)', () => run('npx', ['tsc', '-p', '.'], dir));
    vite = spawn('npx', ['vite', '--port', String(ports.vite), '--strictPort', '--host', '127.0.0.1'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    vite.stdout!.on('data', (chunk: Buffer) => output.push(String(chunk)));
    vite.stderr!.on('data', (chunk: Buffer) => output.push(String(chunk)));
    const dev = await timed('vite: dev server, page rendered', async () => {
      await new Promise<void>((ready, fail) => {
        vite!.stdout!.on('data', (chunk: Buffer) => String(chunk).includes(String(ports.vite)) && ready());
        vite!.on('exit', (code) => fail(new Error(`vite exited ${code}: ${output.join('')}`)));
      });
      return inboxRows(`${viteDevOrigin}/?api=${api}`, opens).catch((error: unknown) => {
        throw new Error(`${String(error)}\nvite said: ${output.join('').slice(-2000)}`);
      });
    });
    await timed('vite: vite build', () => run('npx', ['vite', 'build', '--logLevel', 'warn'], dir));
    const built = await timed('vite: built app rendered', () => inboxRows(`${viteSite!.url}/?api=${api}`, opens));
    return `dev: ${dev}; build: ${built}`;
  });

  await check('(b) plain HTML page with only creator-im.js (from the tarball) beside it', async () => {
    const unpack = join(work, 'unpacked');
    mkdirSync(unpack);
    run('tar', ['-xzf', tarballs['@creator-im/elements']!, '-C', unpack, 'package/dist/creator-im.js'], work);
    cpSync(join(unpack, 'package/dist/creator-im.js'), join(plainDir, 'creator-im.js'));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const snippet = /<!-- embed-snippet[^>]*-->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
    if (!snippet) throw new Error('README.md has no embed snippet');
    writeFileSync(join(plainDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title></head><body>\n${snippet.replaceAll('https://api.example.com', backend.url)}</body></html>`);
    return timed('plain: page rendered', () => inboxRows(`${plainSite!.url}/`));
  });

  await check('(c) React 19 app: hooks (StrictMode) and the <CreatorInbox> wrapper, `vite build`', async () => {
    const dir = await project('react', ['@creator-im/react', '@creator-im/elements', '@creator-im/sdk', 'react', 'react-dom'], ['vite', 'typescript', '@types/react', '@types/react-dom']);
    await timed('react: tsc --noEmit', () => run('npx', ['tsc', '-p', '.'], dir));
    await timed('react: vite build', () => run('npx', ['vite', 'build', '--logLevel', 'warn'], dir));
    return timed('react: built app rendered', () =>
      inboxRows(`${reactSite!.url}/?api=${api}`, async (page) => {
        await page.locator('#hook-list li').first().waitFor({ timeout: 10_000 });
        const hooked = await page.locator('#hook-list li').count();
        return `${hooked} rows from useInbox; ${await opens(page)}`;
      }),
    );
  });

  await check('(d) Node 20 script: the SDK with ws, real-time channel and a delivered message', async () => {
    const dir = await project('node', ['@creator-im/sdk', 'ws'], []);
    // Asynchronously: the backend runs in this very process and must keep answering.
    const { stdout } = await timed('node: script ran', () => promisify(execFile)(process.execPath, ['app.mjs', backend.url], { cwd: dir, encoding: 'utf8' }));
    return `${process.version}: ${stdout.trim()}`;
  });
} finally {
  vite?.kill();
  await browser?.close();
  await Promise.all(sites.map((site) => site.close()));
  await backend.close();
  if (!failed) rmSync(work, { recursive: true, force: true });
  else console.log(`(projects kept for inspection in ${work})`);
}
console.log(`consumers: ${4 - failed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
