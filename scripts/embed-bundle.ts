/**
 * `creator-im.js`, the one-file browser bundle, rebuilt only when its inputs changed: `npm start`
 * and the embed check answer in seconds when it is current, and say so while it builds.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the bundle lands (served at /dist/creator-im.js by the demo). */
export const EMBED_BUNDLE = 'packages/elements/dist/creator-im.js';

const INPUTS = ['packages/sdk/src', 'packages/elements/src', 'rollup.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** The newest modification time under `path` (a file or a folder), in ms. */
export function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** True when the bundle exists and is newer than every source, config and the lockfile. */
export function embedBundleIsCurrent(): boolean {
  if (!existsSync(EMBED_BUNDLE)) return false;
  const built = statSync(EMBED_BUNDLE).mtimeMs;
  return INPUTS.every((input) => !existsSync(input) || newest(input) <= built);
}

/** Builds the bundle when it is missing or stale; returns whether it built. */
export function ensureEmbedBundle(log: (line: string) => void = console.log): boolean {
  if (embedBundleIsCurrent()) return false;
  const started = Date.now();
  log(`Building ${EMBED_BUNDLE} (sources changed since the last build; about half a minute)…`);
  execSync('npx rollup -c --configEmbedOnly --silent', { stdio: 'inherit' });
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}
