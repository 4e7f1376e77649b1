// A partner's Vite + TypeScript app: the package from npm, registered, typed events on document.
import '@creator-im/elements/define';
import { LOCALES } from '@creator-im/elements';

const api = new URLSearchParams(location.search).get('api') ?? 'https://api.example.com';
const inbox = document.querySelector('creator-inbox')!;
inbox.baseUrl = api;
inbox.tokenProvider = async () => 'vite-consumer';
document.addEventListener('cim-conversation-open', (event) => {
  document.querySelector('#opened')!.textContent = `opened ${event.detail.conversationId} (${LOCALES.join('/')})`;
});
