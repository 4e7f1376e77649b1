/**
 * `npm start`: serves the demo Creator Center and the seller console on the real mock server
 * (HTTP + WebSocket) at http://localhost:4173 (PORT overrides). The browser bundle is rebuilt only
 * when its sources changed, so a warm start answers in about a second.
 */
import { ensureEmbedBundle } from './embed-bundle.js';
import { startDemo } from './demo-server.js';

const started = Date.now();
ensureEmbedBundle();
const port = Number(process.env.PORT ?? 4173);
const server = await startDemo({ port, host: process.env.HOST ?? '127.0.0.1', build: false });
console.log(`Creator IM demo: http://localhost:${port}/  (seller console: http://localhost:${port}/seller)  — ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
