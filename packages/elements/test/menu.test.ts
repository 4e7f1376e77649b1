/**
 * Menus stay inside the viewport wherever their button is (Floating UI), left to right and right
 * to left, and keep the ARIA menu button keyboard.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { CimContactButton } from '../src/contact-button/contact-button.js';

const menuOf = (button: CimContactButton) => button.shadowRoot!.querySelector<HTMLElement>('[role="menu"]');

async function openAt(style: string, dir: 'ltr' | 'rtl' = 'ltr'): Promise<HTMLElement> {
  const host = await fixture<HTMLDivElement>(html`<div dir=${dir}>
    <cim-contact-button style=${style} seller-id="shop-3" action-label="Contact Seller Online with a rather long label"></cim-contact-button>
  </div>`);
  const button = host.querySelector<CimContactButton>('cim-contact-button')!;
  await button.updateComplete;
  button.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
  await waitUntil(() => menuOf(button), 'menu');
  const menu = menuOf(button)!;
  // Placed by Floating UI once it has measured: wait for a position that is not the initial 0,0.
  await waitUntil(() => menu.style.left !== '' && menu.style.top !== '', 'positioned');
  return menu;
}

function inside(menu: HTMLElement): boolean {
  const box = menu.getBoundingClientRect();
  return box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
}

describe('menus', () => {
  it('a menu opened at the right edge stays inside the viewport', async () => {
    const menu = await openAt('position:fixed; right:0; top:0');
    expect(inside(menu), JSON.stringify(menu.getBoundingClientRect())).to.equal(true);
  });

  it('at the left edge in right-to-left, and at the bottom (it flips above)', async () => {
    const rtl = await openAt('position:fixed; left:0; top:40px', 'rtl');
    expect(inside(rtl), JSON.stringify(rtl.getBoundingClientRect())).to.equal(true);
    const low = await openAt('position:fixed; right:10px; bottom:0');
    expect(inside(low), JSON.stringify(low.getBoundingClientRect())).to.equal(true);
  });

  it('focuses its first item; Escape closes it and focus returns to the button', async () => {
    const menu = await openAt('position:fixed; left:20px; top:20px');
    const button = (menu.getRootNode() as ShadowRoot).host as CimContactButton;
    expect(button.shadowRoot!.activeElement?.getAttribute('role')).to.equal('menuitem');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !menuOf(button), 'closed');
    expect(button.shadowRoot!.activeElement?.getAttribute('part')).to.equal('button');
  });
});
