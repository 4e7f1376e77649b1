/**
 * A product card in a narrow conversation (a phone): the product's name stays readable, the
 * action moves under it instead of squeezing the name to a letter a line.
 */
import { expect, html } from '@open-wc/testing';
import type { CreatorImClient, Product } from '@creator-im/sdk';
import { mount, startClient, wait } from './helpers.js';
import type { CimProductCard } from '../src/product-card/product-card.js';

let client: CreatorImClient;
let product: Product;

beforeEach(async () => {
  let backend;
  ({ backend, client } = await startClient());
  const seeded = backend.seed.products.find((p) => !backend.showcase.has(p.id) && !backend.seed.unavailableProducts.includes(p.id))!;
  product = { ...seeded, name: 'Soy Wax Candle – Vanilla' };
});

afterEach(() => client.dispose());

async function cardAt(width: number) {
  const card = await mount<CimProductCard>(client, html`<cim-product-card style="display:block;width:${width}px" .product=${product}></cim-product-card>`);
  await wait('the action', () => card.shadowRoot!.querySelector('.btn, .pill'));
  const box = (selector: string) => card.shadowRoot!.querySelector(selector)!.getBoundingClientRect();
  return { name: box('.name'), facts: box('.product .facts'), action: box('.btn, .pill') };
}

describe('product card', () => {
  it('at a phone’s bubble width (260 px) the name keeps its words on one or two lines and the action sits under it', async () => {
    const { name, facts, action } = await cardAt(260);
    const line = parseFloat(getComputedStyle(document.body).fontSize) * 1.6;
    expect(name.height, 'the name is not broken a letter a line').to.be.below(line * 2.5);
    expect(name.width, 'the name has the row').to.be.above(150);
    expect(action.top, 'the action is under the name and facts').to.be.at.least(facts.bottom - 1);
  });

  it('at the card’s full width (22rem) the action stays beside the name', async () => {
    const { name, action } = await cardAt(600);
    expect(action.top, 'on the same line').to.be.below(name.bottom);
    expect(action.left).to.be.above(name.right - 1);
  });
});
