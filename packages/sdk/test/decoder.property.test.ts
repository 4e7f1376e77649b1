/**
 * Property: whatever arrives on the real-time channel — garbage, near-misses of every event type,
 * malformed embedded messages — the client never throws, keeps its state, and reports each bad
 * payload exactly once as a typed CimError.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CimError, type CimState } from '@creator-im/sdk';
import { decodeEvent, decodeMessage } from '@creator-im/sdk/schemas';
import { setup } from './helpers.js';

const EVENT_TYPES = ['message.created', 'conversation.updated', 'sample.updated', 'invitation.updated', 'link.updated', 'block.updated', 'showcase.updated'];

/** Near-misses: the right event shape with random parts, and messages of known kinds with random fields. */
const nearMiss = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    type: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string()),
    data: fc.oneof(
      fc.anything(),
      fc.record({
        message: fc.record({ id: fc.string(), type: fc.constantFrom('TEXT', 'PRODUCT_CARD', 'SAMPLE_REQUEST', 'WIDGET'), seq: fc.anything(), text: fc.anything() }, { requiredKeys: [] }),
        conversation: fc.anything(),
        sample: fc.record({ id: fc.string(), status: fc.string() }, { requiredKeys: [] }),
        productIds: fc.anything(),
      }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: [] },
);

/** Everything but lastSeq (which must move past a skipped event so the stream goes on). */
const content = ({ lastSeq: _ignored, ...rest }: CimState) => rest;

test('10,000 malformed and random real-time payloads: no throw, state unchanged, each one a typed error', async () => {
  const t = setup();
  try {
    await t.client.start();
    const before = content(t.client.state.getSnapshot());
    let sent = 0;
    let reported = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: fc.anything(), weight: 1 }, { arbitrary: nearMiss, weight: 3 }), fc.boolean(), (payload, inOrder) => {
        // Half of them carry the next sequence number, so they reach the decoder instead of waiting in order.
        const raw = inOrder && payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? { ...payload, seq: t.client.state.getSnapshot().lastSeq + 1 } : payload;
        let valid = true;
        try {
          decodeEvent(raw);
        } catch (error) {
          valid = false;
          assert.ok(error instanceof CimError, `decoder threw a ${String(error)}`);
        }
        if (valid) return; // vanishingly rare; a valid event may change state
        const errorsBefore = t.errors.length;
        t.client.receive(raw);
        sent++;
        assert.equal(t.errors.length, errorsBefore + 1, 'exactly one report per bad payload');
        assert.ok(t.errors[t.errors.length - 1] instanceof CimError);
        assert.equal((t.errors[t.errors.length - 1] as CimError).code, 'invalid_payload');
        reported++;
      }),
      { numRuns: 10_000, seed: 20261126 },
    );
    assert.equal(reported, sent);
    assert.ok(sent >= 9_900, `${sent} bad payloads reached the client`);
    assert.deepEqual(content(t.client.state.getSnapshot()), before, 'state unchanged');
    console.log(`  ${sent} malformed payloads, ${reported} typed errors, state unchanged`);
  } finally {
    t.close();
  }
});

test('the message decoder keeps unknown kinds and rejects broken envelopes with ValidationError only', () => {
  fc.assert(
    fc.property(fc.anything(), (input) => {
      try {
        const message = decodeMessage(input);
        assert.ok(typeof message.id === 'string' && typeof message.type === 'string');
      } catch (error) {
        assert.ok(error instanceof CimError && error.code === 'invalid_payload', String(error));
      }
    }),
    { numRuns: 5_000, seed: 7 },
  );
  const future = decodeMessage({ id: 'm1', conversationId: 'c1', seq: 3, sender: 'counterpart', sentAt: '2026-11-01T10:00:00.000Z', type: 'LIVE_STREAM_INVITE', stream: { x: 1 } });
  assert.equal(future.type, 'UNSUPPORTED');
});
