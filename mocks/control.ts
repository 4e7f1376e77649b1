/**
 * The mock-only control routes (`/mock/...`): the seller console and the tests play the other side
 * (sellers, agencies) and turn the knobs. Same table and validation as the contract's routes.
 */
import * as v from 'valibot';
import { PartySchema } from '@creator-im/sdk/schemas';
import { productSlice } from './seed.js';
import { json, type Knobs } from './model.js';
import { route, type Route } from './routes.js';

const SellerMessageSchema = v.variant('type', [
  v.object({ type: v.literal('TEXT'), text: v.pipe(v.string(), v.minLength(1), v.maxLength(10_000)) }),
  v.object({ type: v.literal('PRODUCT_CARD'), productId: v.optional(PartySchema.entries.id) }),
  v.object({ type: v.literal('PRODUCT_LIST'), name: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))) }),
]);

const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const duration = v.pipe(v.number(), v.minValue(0), v.maxValue(600_000));
const KnobsSchema = v.partial(
  v.object({ latencyMs: duration, errorRate: share, outage: v.picklist(['before', 'after', 'either']), autoReply: v.boolean(), replyDelayMs: duration, stallRate: share, stallMs: duration }),
);
const BurstSchema = v.object({ count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))) });

/** Every control route (`/mock/...`). */
export const CONTROL_ROUTES: readonly Route[] = [
  route({
    method: 'GET',
    path: '/mock/sellers',
    run: (model) =>
      json(200, {
        sellers: model.seed.sellers.map((seller) => ({ ...seller, blocked: model.blocked.has(seller.id) })),
        products: model.seed.products,
        samples: [...model.samples.values()],
      }),
  }),
  route({
    method: 'POST',
    path: '/mock/sellers/:id/messages',
    body: SellerMessageSchema,
    run: (model, { params, body }) => {
      if (body.type === 'TEXT') return model.sellerSend(params.id!, { type: 'TEXT', text: body.text });
      if (body.type === 'PRODUCT_CARD') {
        const product = (body.productId ? model.productsById.get(body.productId) : undefined) ?? model.seed.products[0]!;
        return model.sellerSend(params.id!, { type: 'PRODUCT_CARD', product });
      }
      const n = model.events.length;
      return model.sellerSend(params.id!, {
        type: 'PRODUCT_LIST',
        list: { id: `plan-live-${n}`, name: body.name ?? 'Targeted Plan', source: 'targeted_plan', products: productSlice(model.seed, n % 20, 3) },
      });
    },
  }),
  route({ method: 'POST', path: '/mock/samples/:id/approve', run: (model, { params }) => model.decideSample(params.id!, 'to_ship') }),
  route({ method: 'POST', path: '/mock/samples/:id/reject', run: (model, { params }) => model.decideSample(params.id!, 'cancelled') }),
  route({ method: 'POST', path: '/mock/agency-links/:id/unlinked', run: (model, { params }) => model.resolveUnlink(params.id!, 'unlinked') }),
  route({ method: 'POST', path: '/mock/agency-links/:id/linked', run: (model, { params }) => model.resolveUnlink(params.id!, 'linked') }),
  route({
    method: 'POST',
    path: '/mock/knobs',
    body: v.optional(KnobsSchema, {}),
    run: (model, { body }) => {
      Object.assign(model.knobs, body satisfies Partial<Knobs>);
      return json(200, { knobs: model.knobs });
    },
  }),
  route({
    method: 'POST',
    path: '/mock/burst',
    body: v.optional(BurstSchema, {}),
    run: (model, { body }) => {
      model.burst(body.count ?? 10);
      return json(200, { lastSeq: model.lastSeq });
    },
  }),
  route({
    method: 'GET',
    path: '/mock/log',
    run: (model) => json(200, { events: model.events.length, lastSeq: model.lastSeq, deliveries: Object.fromEntries(model.deliveries) }),
  }),
];
