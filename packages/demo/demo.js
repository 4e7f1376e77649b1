// The host page's own script (external, for the Content-Security-Policy). It plays the Creator
// Center: its pages carry the guide's entrances, built from the mock seller data with DOM APIs only.
import { setLocale } from '/dist/creator-im.js';

const inbox = document.getElementById('inbox');
const pages = [...document.querySelectorAll('main > section')];

function show(id) {
  for (const page of pages) page.hidden = page.id !== id;
  for (const link of document.querySelectorAll('nav a')) link.setAttribute('aria-current', link.hash === `#${id}` ? 'page' : 'false');
}
const route = () => show(location.hash.slice(1) || 'messages');
window.addEventListener('hashchange', route);
route();
// Notifications and every Contact button ask the inbox to show itself.
inbox.addEventListener('cim-inbox-open', () => {
  if (location.hash !== '#messages') location.hash = '#messages';
});

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

function contact(sellerId, entrance, productId, actionLabel) {
  return el('cim-contact-button', { 'seller-id': sellerId, entrance, 'product-id': productId, 'action-label': actionLabel, inbox: 'inbox' });
}

const price = (p) => new Intl.NumberFormat('en-US', { style: 'currency', currency: p.currency }).format(p.amount);

async function buildPages() {
  const { sellers, products, samples } = await (await fetch('/mock/sellers')).json();
  const open = sellers.filter((seller) => !seller.blocked);
  document.getElementById('promotion-list').append(
    ...products.slice(0, 8).map((product, i) => {
      const seller = open[i % open.length];
      return el('li', { class: 'tile' }, el('strong', {}, product.name), el('span', { class: 'muted' }, `${seller.name} · ${price(product.price)}`), contact(seller.id, 'product_promotion', product.id, 'Contact Seller Online'));
    }),
  );
  document.getElementById('invites-list').append(
    ...open.slice(5, 10).map((seller) => el('li', {}, el('span', {}, el('strong', {}, seller.name), ' invited you to connect'), contact(seller.id, 'connection_invites', null, null))),
  );
  const label = { to_review: 'To review', to_ship: 'To ship', cancelled: 'Cancelled' };
  document.getElementById('samples-list').append(
    ...samples.slice(0, 8).map((sample) => {
      const seller = sellers.find((s) => `conv-${s.id}` === sample.conversationId);
      return el('li', {}, el('span', {}, el('strong', {}, sample.product.name), ` · ${seller?.name ?? ''} · ${label[sample.status]}`), contact(seller?.id ?? '', 'sample_applications', sample.product.id, null));
    }),
  );
  const store = open[2];
  document.getElementById('store-title').textContent = `${store.name} — Store`;
  document.getElementById('store-contact').append(contact(store.id, 'seller_store', null, 'Chat'));
  document.getElementById('store-list').append(...products.slice(8, 14).map((product) => el('li', { class: 'tile' }, el('strong', {}, product.name), el('span', { class: 'muted' }, price(product.price)))));
}
buildPages().catch((error) => console.error('Could not build the demo pages', error));

// Theme and language switches: what a partner site does with attributes.
const theme = document.getElementById('theme');
theme.addEventListener('click', () => {
  const dark = inbox.getAttribute('theme') !== 'dark';
  inbox.setAttribute('theme', dark ? 'dark' : 'light');
  document.body.classList.toggle('dark', dark);
  theme.setAttribute('aria-pressed', String(dark));
});
const lang = document.getElementById('lang');
lang.addEventListener('click', async () => {
  const arabic = document.documentElement.lang !== 'ar';
  await setLocale(arabic ? 'ar' : 'en');
  document.documentElement.lang = arabic ? 'ar' : 'en';
  document.documentElement.dir = arabic ? 'rtl' : 'ltr';
  lang.textContent = arabic ? 'English' : 'العربية';
  lang.setAttribute('aria-pressed', String(arabic));
});
