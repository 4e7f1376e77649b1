// The seller console: the other side of the conversation, on the mock backend's control routes.
const shop = document.getElementById('shop');
const product = document.getElementById('product');
const status = document.getElementById('status');
const blocked = document.getElementById('blocked');
let data = { sellers: [], products: [], samples: [] };

const label = { to_review: 'To review', to_ship: 'To ship', cancelled: 'Cancelled' };
const option = (value, text) => Object.assign(document.createElement('option'), { value, textContent: text });

async function load() {
  data = await (await fetch('/mock/sellers')).json();
  const chosen = shop.value || new URLSearchParams(location.search).get('shop') || data.sellers[0].id;
  shop.replaceChildren(...data.sellers.map((s) => option(s.id, s.name + (s.blocked ? ' (blocked you)' : ''))));
  shop.value = chosen;
  if (!product.options.length) product.replaceChildren(...data.products.map((p) => option(p.id, p.name)));
  render();
}

function render() {
  const seller = data.sellers.find((s) => s.id === shop.value);
  blocked.hidden = !seller?.blocked;
  blocked.textContent = seller?.blocked ? 'This creator has blocked you. Your messages will not be delivered.' : '';
  const mine = data.samples.filter((sample) => sample.conversationId === `conv-${shop.value}`);
  const samples = document.getElementById('samples');
  samples.replaceChildren(
    ...mine.map((sample) => {
      const li = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = `${sample.product.name} · ${label[sample.status]}`;
      li.append(text);
      if (sample.status === 'to_review') {
        for (const [action, name] of [['approve', 'Approve'], ['reject', 'Reject']]) {
          const button = document.createElement('button');
          button.textContent = name;
          button.addEventListener('click', () => post(`/mock/samples/${encodeURIComponent(sample.id)}/${action}`, {}, `${name}d the request.`));
          li.append(button);
        }
      }
      return li;
    }),
  );
  if (!mine.length) samples.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'No sample requests from the creator yet.' }));
}

async function post(path, body, done) {
  const answer = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await answer.json();
  if (!answer.ok) {
    status.textContent = json.error?.message ?? 'Failed.';
    if (json.error?.code === 'creator_blocked_you') {
      blocked.hidden = false;
      blocked.textContent = json.error.message;
    }
  } else status.textContent = done;
  await load();
}

const send = (body, done) => post(`/mock/sellers/${encodeURIComponent(shop.value)}/messages`, body, done);
shop.addEventListener('change', () => {
  status.textContent = '';
  render();
});
document.getElementById('text-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void send({ type: 'TEXT', text: document.getElementById('text').value }, 'Message sent.');
});
document.getElementById('send-card').addEventListener('click', () => send({ type: 'PRODUCT_CARD', productId: product.value }, 'Product card sent.'));
document.getElementById('send-plan').addEventListener('click', () => send({ type: 'PRODUCT_LIST', name: 'Spring Targeted Plan' }, 'Targeted Plan invite sent.'));
setInterval(() => void load(), 3000);
void load();
