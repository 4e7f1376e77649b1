/** Shapes of every read, cursor pagination, page-size limits, history order. */
import * as v from 'valibot';
import {
  compareConversations,
  INBOX_FILTERS,
  INBOX_TABS,
  inTab,
  matchesFilter,
  type Conversation,
} from '@creator-im/sdk';
import { QuickRepliesSchema } from '@creator-im/sdk/schemas';
import {
  PAGE_LIMITS,
  StrictBlocksSchema,
  StrictConversationPageSchema,
  StrictEventsPageSchema,
  StrictLinksSchema,
  StrictMessagePageSchema,
  StrictSearchResultSchema,
  StrictShowcaseSchema,
} from '@creator-im/sdk/contract';
import { conversationPath, type Check } from '../check.js';
import { ensure, expectOk, Skip } from '../expect.js';

const AREA = 'Shapes and pagination';

function inOrder(rows: readonly Conversation[], what: string): void {
  for (let i = 1; i < rows.length; i++) {
    ensure(compareConversations(rows[i - 1]!, rows[i]!) < 0, `${what}: ${rows[i - 1]!.id} and ${rows[i]!.id} are not latest activity first`);
  }
}

export const readChecks: Check[] = [
  {
    area: AREA,
    rule: 'GET /api/conversations: every tab and filter answers a page in the contract shape, each row belongs to its view, latest activity first',
    async run({ client }) {
      for (const tab of INBOX_TABS) {
        for (const filter of INBOX_FILTERS) {
          const what = `GET /api/conversations?tab=${tab}&filter=${filter}`;
          const page = expectOk(await client.call('GET', '/api/conversations', { query: { tab, filter } }), StrictConversationPageSchema, what);
          for (const row of page.conversations) ensure(inTab(row, tab) && matchesFilter(row, filter), `${what}: ${row.id} does not belong to this view`);
          inOrder(page.conversations, what);
        }
      }
    },
  },
  {
    area: AREA,
    rule: 'Cursor pagination: following nextCursor walks the view once, in order, without duplicates, and ends with null',
    async run({ client }) {
      const seen: Conversation[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 40; pages++) {
        const query: Record<string, string | number> = { tab: 'shop', limit: 3 };
        if (cursor) query.cursor = cursor;
        const page = expectOk(await client.call('GET', '/api/conversations', { query }), StrictConversationPageSchema, `GET /api/conversations?tab=shop&limit=3 (page ${pages + 1})`);
        ensure(page.conversations.length <= 3, `a page of limit=3 held ${page.conversations.length} rows`);
        seen.push(...page.conversations);
        cursor = page.nextCursor;
        if (!cursor) break;
        ensure(page.conversations.length > 0, 'an empty page carried a nextCursor');
      }
      const ids = seen.map((row) => row.id);
      ensure(new Set(ids).size === ids.length, `the walk returned a conversation twice: ${ids.find((id, i) => ids.indexOf(id) !== i)}`);
      inOrder(seen, 'the walk');
      if (!cursor) {
        const whole = expectOk(await client.call('GET', '/api/conversations', { query: { tab: 'shop', limit: PAGE_LIMITS.conversations.max } }), StrictConversationPageSchema, 'GET /api/conversations?tab=shop&limit=200');
        if (!whole.nextCursor) ensure(whole.conversations.length === ids.length, `the walk found ${ids.length} conversations, one page of 200 holds ${whole.conversations.length}`);
      }
    },
  },
  {
    area: AREA,
    rule: `Page sizes are clamped: limit above ${PAGE_LIMITS.conversations.max} answers at most ${PAGE_LIMITS.conversations.max} rows, limit 0 or negative at most 1`,
    async run({ client, world }) {
      const big = expectOk(await client.call('GET', '/api/conversations', { query: { tab: 'shop', limit: 100_000 } }), StrictConversationPageSchema, 'GET /api/conversations?limit=100000');
      ensure(big.conversations.length <= PAGE_LIMITS.conversations.max, `limit=100000 answered ${big.conversations.length} conversations`);
      const small = expectOk(await client.call('GET', '/api/conversations', { query: { tab: 'shop', limit: -5 } }), StrictConversationPageSchema, 'GET /api/conversations?limit=-5');
      ensure(small.conversations.length <= 1, `limit=-5 answered ${small.conversations.length} conversations`);
      const history = expectOk(await client.call('GET', conversationPath(world.writable.id, '/messages'), { query: { limit: 100_000 } }), StrictMessagePageSchema, 'GET messages?limit=100000');
      ensure(history.messages.length <= PAGE_LIMITS.messages.max, `messages?limit=100000 answered ${history.messages.length} messages`);
      const events = expectOk(await client.call('GET', '/api/events', { query: { after: 0, limit: -5 } }), StrictEventsPageSchema, 'GET /api/events?limit=-5');
      ensure(events.events.length <= 1, `events?limit=-5 answered ${events.events.length} events`);
    },
  },
  {
    area: AREA,
    rule: 'GET /api/conversations/:id/messages: oldest first by seq; olderCursor walks back without overlap',
    async run({ client, world }) {
      const id = [...world.messages].sort((a, b) => b[1].length - a[1].length)[0]?.[0];
      if (!id || (world.messages.get(id)?.length ?? 0) < 3) throw new Skip('no conversation with 3 messages or more');
      const seqs: number[] = [];
      let before: string | null = null;
      for (let pages = 0; pages < 5; pages++) {
        const query: Record<string, string | number> = { limit: 2 };
        if (before) query.before = before;
        const page = expectOk(await client.call('GET', conversationPath(id, '/messages'), { query }), StrictMessagePageSchema, `GET messages?limit=2 (page ${pages + 1})`);
        const pageSeqs = page.messages.map((message) => message.seq);
        for (let i = 1; i < pageSeqs.length; i++) ensure(pageSeqs[i - 1]! < pageSeqs[i]!, `a history page is not oldest first: ${pageSeqs.join(', ')}`);
        if (seqs.length && pageSeqs.length) ensure(pageSeqs.at(-1)! < seqs[0]!, `an older page overlaps the newer one: ${pageSeqs.join(', ')} then ${seqs.slice(0, 2).join(', ')}`);
        seqs.unshift(...pageSeqs);
        before = page.olderCursor;
        if (!before) break;
      }
    },
  },
  {
    area: AREA,
    rule: 'GET /api/showcase, /api/blocks, /api/agency-links, /api/quick-replies and /api/search answer their shapes',
    async run({ client }) {
      const reads: [string, v.GenericSchema, Record<string, string>?][] = [
        ['/api/showcase', StrictShowcaseSchema],
        ['/api/blocks', StrictBlocksSchema],
        ['/api/agency-links', StrictLinksSchema],
        ['/api/quick-replies', QuickRepliesSchema],
        ['/api/search', StrictSearchResultSchema, { q: 'a' }],
      ];
      for (const [path, schema, query] of reads) expectOk(await client.call('GET', path, { query }), schema, `GET ${path}`);
    },
  },
  {
    area: AREA,
    rule: "GET /api/search: a hit that names its conversation's counterpart (optional) names the right one",
    async run({ client, world }) {
      const known = new Map([...world.sellers, ...world.agencies].map((conversation) => [conversation.id, conversation]));
      const subject = world.sellers[0] ?? world.agencies[0];
      if (!subject) throw new Skip('no conversation to search for');
      const what = `GET /api/search?q=${subject.counterpart.name}`;
      const { hits } = expectOk(await client.call('GET', '/api/search', { query: { q: subject.counterpart.name } }), StrictSearchResultSchema, what);
      let checked = 0;
      for (const hit of hits) {
        const conversation = known.get(hit.conversationId);
        if (!hit.counterpart || !conversation) continue;
        const { id, kind, name } = conversation.counterpart;
        ensure(
          hit.counterpart.id === id && hit.counterpart.kind === kind && hit.counterpart.name === name,
          `${what}: the hit in ${hit.conversationId} names ${hit.counterpart.kind} ${hit.counterpart.id} "${hit.counterpart.name}", but the conversation's counterpart is ${kind} ${id} "${name}"`,
        );
        checked++;
      }
      if (!checked) throw new Skip('the server sends no counterpart with its hits (optional)');
    },
  },
  {
    area: AREA,
    rule: 'GET /api/events: events in the contract shape, seq strictly increasing with no gaps, lastSeq at least the last one',
    async run({ client, world }) {
      const after = Math.max(0, world.summary.lastSeq - 300);
      const page = expectOk(await client.call('GET', '/api/events', { query: { after, limit: PAGE_LIMITS.events.max } }), StrictEventsPageSchema, `GET /api/events?after=${after}`);
      page.events.forEach((event, i) => ensure(event.seq === after + 1 + i, `event ${i + 1} after ${after} has seq ${event.seq}, expected ${after + 1 + i} (a gap or a repeat)`));
      const last = page.events.at(-1);
      if (last) ensure(page.lastSeq >= last.seq, `lastSeq ${page.lastSeq} is below the last event's seq ${last.seq}`);
      const one = expectOk(await client.call('GET', '/api/events', { query: { after, limit: 1 } }), StrictEventsPageSchema, 'GET /api/events?limit=1');
      ensure(one.events.length <= 1, `events?limit=1 answered ${one.events.length} events`);
    },
  },
];
