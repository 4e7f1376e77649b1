/**
 * `npm start`: builds the browser bundle, then serves the demo Creator Center and the seller
 * console on the real mock server (HTTP + WebSocket) at http://localhost:4173 (PORT overrides).
 */
import { startDemo } from './demo-server.js';

const port = Number(process.env.PORT ?? 4173);
const server = await startDemo({ port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`Creator IM demo: http://localhost:${port}/  (seller console: http://localhost:${port}/seller)`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
