/** The state machines' refusals (409), the blocked seller (403), bad input (400), Retry-After. */
import { BlockResultSchema, InvitationResultSchema, LIMITS } from '@creator-im/sdk/schemas';
import { ROUTES, StrictLinksSchema, StrictSendResultSchema, type ContractRoute } from '@creator-im/sdk/contract';
import { clientId, conversationPath, type Check, type Context } from '../check.js';
import { ensure, expectError, expectOk, Skip } from '../expect.js';

const invitationPath = (id: string, action: string) => `/api/invitations/${encodeURIComponent(id)}/${action}`;

/** A real id for each path parameter of `route`, so validation is what answers. */
function pathOf(route: ContractRoute, { world }: Context): string | null {
  const invitation = world.invitations[0]?.id;
  const agency = world.agencies[0]?.counterpart.id;
  const values: Record<string, string | undefined> = { id: route.path.includes('invitations') ? invitation : world.writable.id, sellerId: world.writable.counterpart.id, agencyId: agency };
  let missing = false;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? null : path;
}

export const ruleChecks: Check[] = [
  {
    area: 'State machines and blocks',
    rule: '409 agreements_not_acknowledged: a pending invitation is not accepted until every agreement is acknowledged',
    async run({ client, world }) {
      const pending = world.invitations.find((invitation) => invitation.state === 'pending' && invitation.agreements.length > 0);
      if (!pending) throw new Skip('no pending invitation with agreements found');
      expectError(await client.call('POST', invitationPath(pending.id, 'accept'), { body: { agreementIds: [] } }), 409, 'accepting without acknowledging the agreements', 'agreements_not_acknowledged');
    },
  },
  {
    area: 'State machines and blocks',
    rule: '409 invalid_transition: an invitation that is declined or expired cannot be accepted',
    async run({ client, world }) {
      let final = world.invitations.find((invitation) => invitation.state === 'declined' || invitation.state === 'expired');
      if (!final) {
        const pending = world.invitations.filter((invitation) => invitation.state === 'pending').at(-1);
        if (!pending) throw new Skip('no invitation found to decline');
        final = expectOk(await client.call('POST', invitationPath(pending.id, 'decline')), InvitationResultSchema, 'declining a pending invitation').invitation;
      }
      const agreementIds = final.agreements.map((agreement) => agreement.id);
      expectError(await client.call('POST', invitationPath(final.id, 'accept'), { body: { agreementIds } }), 409, `accepting an invitation that is ${final.state}`, 'invalid_transition');
    },
  },
  {
    area: 'State machines and blocks',
    rule: '409 not_linked: an agency the creator is not linked to cannot be asked to unlink',
    async run({ client, world }) {
      const links = expectOk(await client.call('GET', '/api/agency-links'), StrictLinksSchema, 'GET /api/agency-links');
      const linked = new Set(links.links.filter((link) => link.state === 'linked' || link.state === 'unlink_requested').map((link) => link.agencyId));
      const agency = world.agencies.map((conversation) => conversation.counterpart).find((party) => !linked.has(party.id));
      if (!agency) throw new Skip('every agency found is linked');
      expectError(await client.call('POST', `/api/agency-links/${encodeURIComponent(agency.id)}/unlink`), 409, `unlinking ${agency.id}, not linked`, 'not_linked');
    },
  },
  {
    area: 'State machines and blocks',
    rule: '403 seller_blocked: nothing is sent to a blocked seller; unblocking lets the creator write again',
    async run({ client, world }) {
      const seller = world.writable.counterpart.id;
      const path = conversationPath(world.writable.id, '/messages');
      const blocked = expectOk(await client.call('PUT', `/api/blocks/${encodeURIComponent(seller)}`), BlockResultSchema, 'PUT /api/blocks/:sellerId');
      try {
        ensure(blocked.blocked, 'blocking answered blocked: false');
        expectError(await client.call('POST', path, { body: { clientId: clientId('blocked'), type: 'TEXT', text: 'Conformance check: must not arrive.' } }), 403, 'a send to a blocked seller', 'seller_blocked');
      } finally {
        expectOk(await client.call('DELETE', `/api/blocks/${encodeURIComponent(seller)}`), BlockResultSchema, 'DELETE /api/blocks/:sellerId');
      }
      expectOk(await client.call('POST', path, { body: { clientId: clientId('unblocked'), type: 'TEXT', text: 'Conformance check: unblocked.' } }), StrictSendResultSchema, 'a send after unblocking');
    },
  },
];

export const inputChecks: Check[] = [
  {
    area: 'Bad input',
    rule: '400 invalid_argument in the error shape for a body that does not match the contract, on every route that takes one',
    async run(context) {
      const { client } = context;
      for (const route of Object.values(ROUTES) as ContractRoute[]) {
        if (!route.body) continue;
        const path = pathOf(route, context);
        if (!path) continue;
        for (const [label, options] of [
          ['an empty object', { body: {} }],
          ['an array', { body: [1, 2] }],
          ['a body that is not JSON', { raw: '{"oops":' }],
        ] as const) {
          expectError(await client.call(route.method, path, options), 400, `${route.method} ${route.path} with ${label}`, 'invalid_argument');
        }
      }
    },
  },
  {
    area: 'Bad input',
    rule: `Limits hold: a text over ${LIMITS.text} characters, a 1 MB body, non-integer page sizes and unknown tabs are refused (400, or 413 for the body)`,
    async run({ client, world }) {
      const path = conversationPath(world.writable.id, '/messages');
      expectError(await client.call('POST', path, { body: { clientId: clientId('long'), type: 'TEXT', text: 'x'.repeat(LIMITS.text + 1) } }), [400, 413], `a text of ${LIMITS.text + 1} characters`);
      expectError(await client.call('POST', path, { body: { clientId: clientId('huge'), type: 'TEXT', text: 'x'.repeat(1_000_000) } }), [400, 413], 'a 1 MB text');
      expectError(await client.call('POST', path, { body: { clientId: 'x'.repeat(LIMITS.id + 1), type: 'TEXT', text: 'hi' } }), 400, `a clientId of ${LIMITS.id + 1} characters`);
      for (const [route, query] of [
        ['/api/conversations', { limit: 'abc' }],
        ['/api/conversations', { tab: 'conformance-no-such-tab' }],
        ['/api/events', { after: 'abc' }],
        [conversationPath(world.writable.id, '/messages'), { limit: 'NaN' }],
      ] as const) {
        expectError(await client.call('GET', route, { query }), 400, `GET ${route}?${new URLSearchParams(query)}`, 'invalid_argument');
      }
    },
  },
  {
    area: 'Bad input',
    rule: 'Unknown routes and ids answer 404 in the error shape; a malformed path is a 4xx, never a 5xx',
    async run({ client }) {
      expectError(await client.call('GET', '/api/conformance-no-such-route'), 404, 'an unknown route');
      expectError(await client.call('GET', conversationPath('conformance-no-such-conversation', '/messages')), 404, 'an unknown conversation', 'not_found');
      const malformed = await client.call('GET', '/api/conversations/%E0%A4%A/messages');
      ensure(malformed.status >= 400 && malformed.status < 500, `a malformed percent-encoding answered ${malformed.status}`);
    },
  },
];

export const finalChecks: Check[] = [
  {
    area: 'Errors',
    rule: 'No 5xx but a 503 with Retry-After; every 429 and 503 carries Retry-After (seconds or an HTTP date)',
    async run({ client }) {
      // A burst may meet a rate limit: its 429s are checked like every other answer of the run.
      await Promise.all(Array.from({ length: 30 }, () => client.call('GET', '/api/inbox/summary')));
      for (const { method, path, answer } of client.seen) {
        if (answer.status === 429 || answer.status === 503) {
          const retryAfter = answer.headers.get('retry-after');
          ensure(retryAfter !== null && (/^\d+$/.test(retryAfter) || !Number.isNaN(Date.parse(retryAfter))), `${method} ${path} answered ${answer.status} without a valid Retry-After (${retryAfter ?? 'none'})`);
        } else ensure(answer.status < 500, `${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 120)}`);
      }
    },
  },
];
