/**
 * Generates the wire contract's standard documents from its valibot schemas
 * (`@creator-im/sdk/contract` and schemas.ts): OpenAPI 3.1 for the REST routes and AsyncAPI 3 for
 * the WebSocket channel, written to packages/sdk/contract/ (shipped in the SDK package).
 * `npm run contract` writes them; `--check` fails when the committed ones are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';
import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig } from '@valibot/to-json-schema';
import {
  CLOSE_UNAUTHORIZED,
  COMMON_ERRORS,
  EventFrameSchema,
  HelloFrameSchema,
  MAX_BODY_BYTES,
  NAMED_SCHEMAS,
  PAGE_LIMITS,
  PingFrameSchema,
  PongFrameSchema,
  ROUTES,
  type ContractRoute,
} from '@creator-im/sdk/contract';

type Json = Record<string, unknown>;

const pkg = JSON.parse(readFileSync(new URL('../packages/sdk/package.json', import.meta.url), 'utf8')) as { version: string; license: string };
const OUT = new URL('../packages/sdk/contract/', import.meta.url);

/** JSON Schema of a valibot schema; the named schemas become references into `components`. */
function schemaOf(schema: v.GenericSchema, target: ConversionConfig['target'], refs: string): Json {
  const converted = toJsonSchema(schema, { target, errorMode: 'throw', definitions: NAMED_SCHEMAS, overrideRef: ({ referenceId }) => `${refs}${referenceId}` }) as Json;
  delete converted.$schema;
  delete converted.$defs;
  delete converted.definitions;
  return converted;
}

function namedSchemas(target: ConversionConfig['target'], refs: string): Json {
  const defs = toJsonSchemaDefs(NAMED_SCHEMAS, { target, errorMode: 'throw', overrideRef: ({ referenceId }) => `${refs}${referenceId}` }) as unknown as Record<string, Json>;
  for (const def of Object.values(defs)) delete def.$schema;
  return defs;
}

const LIMITS = [
  `Page sizes: conversations ${PAGE_LIMITS.conversations.default} by default, at most ${PAGE_LIMITS.conversations.max}; messages ${PAGE_LIMITS.messages.default}/${PAGE_LIMITS.messages.max}; events ${PAGE_LIMITS.events.default}/${PAGE_LIMITS.events.max}. A larger \`limit\` is clamped, a smaller one is raised to 1; a non-integer one is a 400.`,
  `Request bodies: at most ${MAX_BODY_BYTES} bytes (413 beyond). Ids: 1–200 characters. Other limits are in the schemas (maxLength, maxItems).`,
].join('\n');

const CONVENTIONS = `JSON over HTTPS. Every \`/api\` request carries \`Authorization: Bearer <token>\`.

**Errors**: every non-2xx answer has the body \`{ "error": { "code", "message" } }\`. A 401 means the token is missing or expired: the client asks its token provider once for a fresh one and retries. 429 and 503 carry \`Retry-After\` (seconds), which the client honours.

**Idempotency**: writes that may be retried are idempotent. Sends carry a client-generated \`clientId\`; the server de-duplicates by it: a repeated send returns the message stored the first time, never a second message. Every other write sets a state, so repeating it changes nothing more.

**Pagination** is by opaque cursor: pass back \`nextCursor\` / \`olderCursor\`; \`null\` means the end.

**Limits**: ${LIMITS}

**Events**: every change is also an event with a per-creator \`seq\`, strictly increasing with no gaps (AsyncAPI document); \`GET /api/events?after=\` resyncs.`;

const operationId = (route: ContractRoute) =>
  route.method.toLowerCase() +
  route.path
    .split('/')
    .filter((part) => part && part !== 'api')
    .map((part) => (part.startsWith(':') ? `By${part[1]!.toUpperCase()}${part.slice(2)}` : part.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())))
    .join('');

/** The OpenAPI 3.1 document of every REST route. */
export function openApi(): Json {
  const refs = '#/components/schemas/';
  const paths: Record<string, Json> = {};
  for (const route of Object.values(ROUTES) as ContractRoute[]) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters: Json[] = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }));
    if (route.query) {
      const entries = (route.query as unknown as v.ObjectSchema<v.ObjectEntries, undefined>).entries;
      for (const [name, schema] of Object.entries(entries)) {
        const unwrapped = (schema as v.OptionalSchema<v.GenericSchema, undefined>).wrapped ?? schema;
        parameters.push({ name, in: 'query', required: false, schema: schemaOf(unwrapped, 'draft-2020-12', refs) });
      }
    }
    const responses: Record<string, Json> = {
      '200': { description: 'Success.', content: { 'application/json': { schema: schemaOf(route.response, 'draft-2020-12', refs) } } },
    };
    const errors = [...COMMON_ERRORS.filter((error) => (error.status !== 413 || route.body) && !route.errors.some((own) => own.code === error.code)), ...route.errors];
    for (const status of [...new Set(errors.map((error) => error.status))].sort()) {
      const ofStatus = errors.filter((error) => error.status === status);
      responses[String(status)] = {
        description: ofStatus.map((error) => `\`${error.code}\`: ${error.when}`).join(' '),
        ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
        content: { 'application/json': { schema: { $ref: `${refs}Error` } } },
      };
    }
    paths[path] ??= {};
    paths[path]![route.method.toLowerCase()] = {
      operationId: operationId(route),
      summary: route.summary.split('. ')[0]!.replace(/\.$/, ''),
      description: route.summary + (route.idempotent ? ' Safe to retry.' : ''),
      tags: [route.path.split('/')[2]],
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'draft-2020-12', refs) } } } } : {}),
      responses,
    };
  }
  const tags = [...new Set((Object.values(ROUTES) as ContractRoute[]).map((route) => route.path.split('/')[2]!))].map((name) => ({ name, description: `The \`/api/${name}\` routes.` }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Creator IM wire contract',
      version: pkg.version,
      description: CONVENTIONS,
      license: { name: pkg.license, identifier: pkg.license },
    },
    servers: [{ url: '/', description: "Relative to the client's `baseUrl` (the mock backend: `npm start`, port 4173)." }],
    security: [{ bearer: [] }],
    tags,
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The creator\'s token. Missing or expired: 401 `unauthorized`.' } },
      headers: { RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } } },
      schemas: namedSchemas('draft-2020-12', refs),
    },
  };
}

/** The AsyncAPI 3 document of the real-time channel. */
export function asyncApi(): Json {
  const refs = '#/components/schemas/';
  const security = [{ $ref: '#/components/securitySchemes/token' }];
  const message = (name: string, summary: string, schema: v.GenericSchema) => ({ name, title: name, summary, contentType: 'application/json', payload: schemaOf(schema, 'draft-07', refs) });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Creator IM real-time channel',
      version: pkg.version,
      description: `The server's side of the WebSocket at \`/api/ws?token=…\`. The token is checked exactly as HTTP checks it; a missing or expired one closes the socket with code ${CLOSE_UNAUTHORIZED}. Frames are JSON. \`seq\` is per creator and strictly increasing with no gaps: a client applies events in \`seq\` order exactly once, holds early ones, and fetches a gap from \`GET /api/events?after=<last applied>\` (also after every reconnect). Browsers connecting from another origin must be allowed by the server (same-origin always is).`,
      license: { name: pkg.license, url: `https://spdx.org/licenses/${pkg.license}.html` },
    },
    defaultContentType: 'application/json',
    servers: { mock: { host: 'localhost:4173', protocol: 'ws', description: 'The mock backend (`npm start`).', security: [{ $ref: '#/components/securitySchemes/token' }] } },
    channels: {
      realtime: {
        address: '/api/ws',
        title: 'Real-time events',
        messages: {
          hello: { $ref: '#/components/messages/hello' },
          event: { $ref: '#/components/messages/event' },
          pong: { $ref: '#/components/messages/pong' },
          ping: { $ref: '#/components/messages/ping' },
        },
        bindings: {
          ws: {
            method: 'GET',
            query: { type: 'object', properties: { token: { type: 'string', minLength: 1, description: 'The bearer token.' } }, required: ['token'] },
            bindingVersion: '0.1.0',
          },
        },
      },
    },
    operations: {
      sendHello: { security, action: 'send', title: 'Hello', summary: 'On connect: the last event sequence.', channel: { $ref: '#/channels/realtime' }, messages: [{ $ref: '#/channels/realtime/messages/hello' }] },
      sendEvent: { security, action: 'send', title: 'Event', summary: 'Every event, as it happens, in seq order.', channel: { $ref: '#/channels/realtime' }, messages: [{ $ref: '#/channels/realtime/messages/event' }] },
      sendPong: { security, action: 'send', title: 'Pong', summary: 'The answer to each ping.', channel: { $ref: '#/channels/realtime' }, messages: [{ $ref: '#/channels/realtime/messages/pong' }] },
      receivePing: { security, action: 'receive', title: 'Ping', summary: 'The client heartbeat; it reconnects when two intervals pass in silence.', channel: { $ref: '#/channels/realtime' }, messages: [{ $ref: '#/channels/realtime/messages/ping' }] },
    },
    components: {
      securitySchemes: { token: { type: 'httpApiKey', name: 'token', in: 'query', description: `The bearer token, as a query parameter (browsers cannot set WebSocket headers). Missing or expired: close code ${CLOSE_UNAUTHORIZED}.` } },
      messages: {
        hello: message('hello', 'The last event sequence, sent on connect.', HelloFrameSchema),
        event: message('event', 'One event.', EventFrameSchema),
        pong: message('pong', 'The answer to a ping.', PongFrameSchema),
        ping: message('ping', 'The client heartbeat.', PingFrameSchema),
      },
      schemas: namedSchemas('draft-07', refs),
    },
  };
}

/** The documents as written to disk: file name → text. */
export function documents(): Record<string, string> {
  return { 'openapi.json': `${JSON.stringify(openApi(), null, 2)}\n`, 'asyncapi.json': `${JSON.stringify(asyncApi(), null, 2)}\n` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [name, text] of Object.entries(documents())) {
    const file = new URL(name, OUT);
    if (!check) writeFileSync(file, text);
    else if (readFileSync(file, 'utf8') !== text) {
      console.error(`packages/sdk/contract/${name} is stale: run \`npm run contract\`.`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
}
