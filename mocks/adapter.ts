/**
 * The one request adapter between a transport (MSW in browsers and tests, the Node server) and the
 * model: body parsing and its size limit, the Origin rule, the bearer token, the simulated outages
 * and stalls, the `/media/` images, then the route tables. It never throws and never leaks an
 * internal message: whatever the input, the answer is a status and a body in the contract's shape.
 */
import { MAX_BODY_BYTES } from '@creator-im/sdk/contract';
import { API_ROUTES, dispatch, segments } from './routes.js';
import { CONTROL_ROUTES } from './control.js';
import { avatarImage, MEDIA_PATH, productImage } from './images.js';
import { fail, type MockBackend, type MockResponse } from './model.js';

/** A request as the transport received it. */
export interface RawRequest {
  method: string;
  /** The full URL; its origin is the server's own (same-origin requests carry it as `Origin`). */
  url: URL;
  headers: { get(name: string): string | null };
  /** The body text; `undefined` when empty; `null` when it exceeded {@link MAX_BODY_BYTES}. */
  body: string | null | undefined;
}

/** A response the transport writes: JSON bodies are serialised by the transport, images are text. */
export interface RawResponse extends MockResponse {
  /** Set for non-JSON bodies (the images: an SVG string or PNG bytes). */
  contentType?: string;
}

/** Options shared by every transport. */
export interface AdapterOptions {
  /** Other origins allowed to call the API (CORS) and the control routes, e.g. `http://localhost:5173`. */
  allowedOrigins?: readonly string[];
}

/** Origins from `CIM_ALLOWED_ORIGINS` (comma-separated), trimmed, without trailing slashes. */
export function originsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** True when `origin` may call this server: absent (not a browser), same-origin, or listed. */
export function originAllowed(origin: string | null, self: string, allowed: readonly string[] = []): boolean {
  return origin === null || origin === self || allowed.includes(origin);
}

/** The token check, shared by HTTP and the WebSocket: null when the token is accepted. */
export function authorize(token: string | null): MockResponse | null {
  if (!token) return fail(401, 'unauthorized', 'Missing bearer token.');
  if (token === 'expired') return fail(401, 'unauthorized', 'Token expired.');
  return null;
}

/** The bearer token of an `Authorization` header. */
export function bearer(header: string | null): string | null {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Parses a JSON body; a symbol when it is not JSON. */
function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
const NOT_JSON = Symbol('not-json');

function media(backend: MockBackend, path: string): RawResponse {
  const match = MEDIA_PATH.exec(path);
  const id = match ? segments((match[2] ?? match[4])!)?.[0] : undefined;
  if (!match || !id) return fail(404, 'not_found', 'No such image.');
  if (match[1] === 'products') return { status: 200, body: productImage(id), contentType: 'image/svg+xml', headers: { 'cache-control': 'public, max-age=86400' } };
  const party = backend.sellersById.get(id) ?? backend.seed.agencies.find((agency) => agency.id === id);
  if (!party) return fail(404, 'not_found', 'No such avatar.');
  return { status: 200, body: avatarImage(party.id), contentType: 'image/png', headers: { 'cache-control': 'public, max-age=86400' } };
}

/** Answers one request of the contract, a control route, or a `/media/` image. */
export async function answer(backend: MockBackend, request: RawRequest, options: AdapterOptions = {}): Promise<RawResponse> {
  try {
    const path = request.url.pathname;
    if (path.startsWith('/media/')) return request.method === 'GET' || request.method === 'HEAD' ? media(backend, path) : fail(405, 'method_not_allowed', 'Images are read-only.');
    if (!originAllowed(request.headers.get('origin'), request.url.origin, options.allowedOrigins)) {
      return fail(403, 'forbidden_origin', 'Requests from this origin are not allowed.');
    }
    if (request.body === null) return fail(413, 'payload_too_large', `A request body is at most ${MAX_BODY_BYTES} bytes.`);
    const body = parseBody(request.body);
    if (body === NOT_JSON) return fail(400, 'invalid_argument', 'Body is not JSON.');
    if (path.startsWith('/mock/')) return dispatch(CONTROL_ROUTES, backend, request.method, path, request.url.searchParams, body);
    if (backend.knobs.latencyMs > 0) await sleep(backend.knobs.latencyMs);
    const refused = authorize(bearer(request.headers.get('authorization')));
    if (refused) return refused;
    const outage = (when: string): RawResponse => ({ ...fail(503, 'unavailable', `Simulated outage (${when}).`), headers: { 'retry-after': '0' } });
    // A share `errorRate` of requests fails: before any work, after it (the answer is lost), or half each.
    const { errorRate, outage: when } = backend.knobs;
    const draw = errorRate > 0 ? backend.random() : 1;
    const before = when === 'before' ? errorRate : when === 'after' ? 0 : errorRate / 2;
    if (draw < before) return outage('before work');
    const response = dispatch(API_ROUTES, backend, request.method, path, request.url.searchParams, body);
    if (draw < errorRate) return outage('after work');
    if (backend.knobs.stallRate > 0 && backend.random() < backend.knobs.stallRate) await sleep(backend.knobs.stallMs);
    return response;
  } catch (error) {
    // A bug, not bad input: logged here, never shown to the caller.
    console.error('mock backend error', error);
    return fail(500, 'internal', 'Internal error.');
  }
}
