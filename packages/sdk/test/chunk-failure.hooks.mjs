// Module hooks for chunks.test.ts: the next import of an armed SDK chunk fails as a browser's
// does when the chunk's file cannot be fetched (offline, a CDN 404, CSP), once per arming.
let port;
const armed = new Map();

export function initialize(data) {
  port = data.port;
  port.on('message', ({ chunk, times }) => {
    armed.set(chunk, (armed.get(chunk) ?? 0) + times);
    port.postMessage('armed');
  });
}

export async function resolve(specifier, context, next) {
  const chunk = /^\.\/(\w[\w-]*)\.js$/.exec(specifier)?.[1];
  if (chunk && armed.get(chunk) > 0 && context.parentURL?.includes('/sdk/src/')) {
    armed.set(chunk, armed.get(chunk) - 1);
    throw new TypeError(`Failed to fetch dynamically imported module: ${chunk}.js`);
  }
  return next(specifier, context);
}
