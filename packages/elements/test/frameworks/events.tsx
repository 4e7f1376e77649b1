// Typed `cim-*` events on document and window, with no framework and no opt-in import.
import '@creator-im/elements';

document.addEventListener('cim-message-send', (event) => event.detail.clientId.toUpperCase());
window.addEventListener('cim-conversation-open', (event) => event.detail.conversationId.length);
document.querySelector('creator-inbox')?.addEventListener('cim-products-add', (event) => event.detail.productIds.map((id) => id.trim()));
document.addEventListener('cim-inbox-open', (event) => event.type);
// @ts-expect-error detail is typed: there is no `text` on a message-send event
document.addEventListener('cim-message-send', (event) => event.detail.text);
// @ts-expect-error a plain signal event has no detail
window.addEventListener('cim-client-change', (event) => event.detail);
