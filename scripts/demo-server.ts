/**
 * The demo: the Creator Center host page and the seller console on the real mock server, under a
 * strict Content-Security-Policy (no inline script, no eval). Used by `npm start` and its check.
 */
import { execSync } from 'node:child_process';
import { startServer, type RunningServer } from '../mocks/server.js';

/** No inline script, no eval: the demo proves the elements work under a strict policy. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** A whole-number environment variable, or undefined when unset. */
function count(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new Error(`${name} must be a whole number, not "${value}".`);
  return Number(value);
}

/**
 * Builds the browser bundle, then serves the demo; port 0 picks a free one. A large inbox comes
 * from `CIM_SEED_CONVERSATIONS` and `CIM_SEED_MESSAGES`; other origins from `CIM_ALLOWED_ORIGINS`.
 */
export async function startDemo(options: { port?: number; host?: string; build?: boolean } = {}): Promise<RunningServer> {
  if (options.build !== false) execSync('npx rollup -c --silent', { stdio: 'inherit' });
  return startServer({
    conversations: count('CIM_SEED_CONVERSATIONS'),
    messages: count('CIM_SEED_MESSAGES'),
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    knobs: { autoReply: true, replyDelayMs: 2500 },
    staticRoots: [
      { prefix: '/dist/', dir: 'packages/elements/dist' },
      { prefix: '/', dir: 'packages/demo' },
    ],
    staticHeaders: { 'content-security-policy': CSP, 'cache-control': 'no-store' },
  });
}
