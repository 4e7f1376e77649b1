/** 401 and the refresh contract, the WebSocket's token check, seq without gaps, resync, heartbeat. */
import * as v from 'valibot';
import { MessageSchema, SummarySchema } from '@creator-im/sdk/schemas';
import { CLOSE_UNAUTHORIZED, EventFrameSchema, HelloFrameSchema, StrictEventsPageSchema, StrictSendResultSchema } from '@creator-im/sdk/contract';
import { SocketProbe } from '../client.js';
import { clientId, conversationPath, type Check } from '../check.js';
import { ensure, expectError, expectOk, expectShape } from '../expect.js';

type Frame = { type?: unknown };
const isType = (type: string) => (frame: unknown) => (frame as Frame | null)?.type === type;

export const authChecks: Check[] = [
  {
    area: 'Authentication',
    rule: '401 unauthorized in the error shape without a token (and with an expired one); the same request with a valid token then succeeds (the refresh contract)',
    async run({ client, options }) {
      expectError(await client.call('GET', '/api/inbox/summary', { token: null }), 401, 'GET /api/inbox/summary without a token');
      expectError(await client.call('POST', conversationPath('conformance', '/messages'), { token: null, body: { clientId: clientId('auth'), type: 'TEXT', text: 'x' } }), 401, 'a send without a token');
      if (options.expiredToken) expectError(await client.call('GET', '/api/inbox/summary', { token: options.expiredToken }), 401, 'GET /api/inbox/summary with the expired token');
      expectOk(await client.call('GET', '/api/inbox/summary'), SummarySchema, 'the same request with a valid token');
    },
  },
  {
    area: 'Authentication',
    rule: `The WebSocket checks the token as HTTP does: none (or an expired one) is refused (close ${CLOSE_UNAUTHORIZED} or HTTP 401), a valid one gets hello`,
    async run({ client, options }) {
      const tokens: (string | null)[] = [null, ...(options.expiredToken ? [options.expiredToken] : [])];
      for (const token of tokens) {
        const probe = new SocketProbe(client.socketUrl(token));
        try {
          await probe.until(() => probe.closeCode !== undefined || probe.frames.length > 0, options.timeoutMs, 'the refusal');
          ensure(probe.frames.length === 0, `a socket ${token ? 'with the expired token' : 'without a token'} received ${JSON.stringify(probe.frames[0])}`);
          ensure(probe.closeCode === CLOSE_UNAUTHORIZED || probe.refusedStatus === 401, `a socket ${token ? 'with the expired token' : 'without a token'} was not refused as unauthorized (close ${probe.closeCode}, HTTP ${probe.refusedStatus ?? '-'})`);
        } finally {
          probe.close();
        }
      }
      const probe = new SocketProbe(client.socketUrl(client.token));
      try {
        await probe.until(() => probe.frames.length > 0 || probe.closeCode !== undefined, options.timeoutMs, 'hello');
        expectShape(HelloFrameSchema, probe.frames[0], 'the first frame');
      } finally {
        probe.close();
      }
    },
  },
];

export const realtimeChecks: Check[] = [
  {
    area: 'Real time and resync',
    rule: 'WebSocket: hello, then every event in the contract shape with seq = lastSeq + 1, + 2, … (per creator, no gaps); GET /api/events?after= resyncs the same events; ping is answered with pong',
    async run({ client, world, options }) {
      const probe = new SocketProbe(client.socketUrl(client.token));
      try {
        await probe.until(() => probe.frames.length > 0 || probe.closeCode !== undefined, options.timeoutMs, 'hello');
        const hello = expectShape(HelloFrameSchema, probe.frames[0], 'the first frame');
        const id = clientId('seq');
        const conversation = world.writable;
        expectOk(await client.call('PUT', conversationPath(conversation.id, '/star'), { body: { starred: !conversation.starred } }), v.unknown(), 'PUT star');
        expectOk(await client.call('PUT', conversationPath(conversation.id, '/star'), { body: { starred: conversation.starred } }), v.unknown(), 'PUT star back');
        const sent = expectOk(await client.call('POST', conversationPath(conversation.id, '/messages'), { body: { clientId: id, type: 'TEXT', text: 'Conformance check: seq.' } }), StrictSendResultSchema, 'the send');
        const mine = (frame: unknown) => isType('event')(frame) && (frame as { event?: { data?: { message?: { id?: unknown } } } }).event?.data?.message?.id === sent.message.id;
        await probe.until(() => probe.frames.some(mine), options.timeoutMs, 'the message.created event of the send');
        probe.send({ type: 'ping' });
        await probe.until(() => probe.frames.some(isType('pong')), options.timeoutMs, 'pong');
        const events = probe.frames.filter(isType('event')).map((frame, i) => expectShape(EventFrameSchema, frame, `event frame ${i + 1}`).event);
        events.forEach((event, i) => {
          ensure(event.seq === hello.lastSeq + 1 + i, `event ${i + 1} after hello (lastSeq ${hello.lastSeq}) has seq ${event.seq}, expected ${hello.lastSeq + 1 + i}: seq must increase by one, no gaps`);
          if (event.type === 'message.created') expectShape(MessageSchema, event.data.message, `the message of event ${event.seq}`);
        });
        const resync = expectOk(await client.call('GET', '/api/events', { query: { after: hello.lastSeq } }), StrictEventsPageSchema, `GET /api/events?after=${hello.lastSeq}`);
        events.forEach((event, i) => {
          const again = resync.events[i];
          ensure(again && again.id === event.id && again.seq === event.seq, `GET /api/events?after=${hello.lastSeq} does not return event ${event.seq} (${event.id}) at position ${i + 1}: got ${again ? `${again.seq} (${again.id})` : 'nothing'}`);
        });
        ensure(resync.lastSeq >= events.at(-1)!.seq, `lastSeq ${resync.lastSeq} is below the last event delivered (${events.at(-1)!.seq})`);
      } finally {
        probe.close();
      }
    },
  },
];
