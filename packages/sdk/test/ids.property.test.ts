/** Ids are Map keys everywhere: names of Object.prototype are ids like any other. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { setup } from './helpers.js';

const PROTO_NAMES = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype', 'then'];

test('property: ids drawn from Object.prototype’s names work as sample, invitation, link and product ids', async () => {
  const t = setup();
  try {
    await t.client.start();
    const template = [...t.backend.invitations.values()][0]!;
    const sampleTemplate = [...t.backend.samples.values()][0]!;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PROTO_NAMES), fc.constantFrom(...PROTO_NAMES), async (id, unknown) => {
        // Nothing known yet under a prototype name: no function, no throw.
        if (!t.client.state.getSnapshot().samples.has(unknown)) assert.equal(t.client.samples.sample(unknown).getSnapshot(), undefined);
        assert.doesNotThrow(() => t.client.agency.invitation(unknown).getSnapshot());
        assert.equal(typeof t.client.agency.link(unknown).getSnapshot(), 'string');
        const seq = () => t.client.state.getSnapshot().lastSeq + 1;
        t.client.receive({ id: `e-${seq()}`, seq: seq(), type: 'sample.updated', data: { sample: { ...sampleTemplate, id, status: 'to_review' } } });
        t.client.receive({ id: `e-${seq()}`, seq: seq(), type: 'invitation.updated', data: { invitation: { ...template, id, state: 'pending', agency: { ...template.agency, id } } } });
        t.client.receive({ id: `e-${seq()}`, seq: seq(), type: 'showcase.updated', data: { productIds: [id] } });
        assert.equal(t.client.samples.sample(id).getSnapshot()?.id, id);
        assert.equal(t.client.samples.sample(id).getSnapshot()?.status, 'to_review');
        const view = t.client.agency.invitation(id).getSnapshot();
        assert.equal(view?.invitation.id, id);
        assert.ok(Array.isArray(view?.acknowledged));
        assert.equal(view?.link, t.client.state.getSnapshot().links.get(id) ?? 'none');
        assert.deepEqual(t.client.showcase.product(id).getSnapshot(), { state: 'added' });
        t.client.agency.acknowledge(id, template.agreements[0]!.id);
        assert.ok(t.client.agency.invitation(id).getSnapshot()?.acknowledged.includes(template.agreements[0]!.id));
      }),
      { numRuns: 100 },
    );
    assert.equal(t.errors.length, 0, String(t.errors[0]));
  } finally {
    t.close();
  }
});
