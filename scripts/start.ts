/**
 * `npm start`: builds the browser bundle, then serves the demo Creator Center and the seller
 * console on the real mock server (HTTP + WebSocket) at http://localhost:4173 (PORT overrides).
 */
import { execSync } from 'node:child_process';
import { startServer } from '../mocks/server.js';

execSync('npx rollup -c --silent', { stdio: 'inherit' });

// No inline script, no eval: the demo proves the elements work under a strict policy.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const port = Number(process.env.PORT ?? 4173);
const server = await startServer({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  knobs: { autoReply: true, replyDelayMs: 2500 },
  staticRoots: [
    { prefix: '/dist/', dir: 'packages/elements/dist' },
    { prefix: '/', dir: 'packages/demo' },
  ],
  staticHeaders: { 'content-security-policy': CSP, 'cache-control': 'no-store' },
});
console.log(`Creator IM demo: http://localhost:${port}/  (seller console: http://localhost:${port}/seller)`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
