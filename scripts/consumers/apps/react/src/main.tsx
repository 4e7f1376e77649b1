// A partner's React 19 app: the headless hooks for its own list, the wrapper for the whole inbox.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '@creator-im/sdk';
import { CreatorClientProvider, CreatorInbox, useInbox } from '@creator-im/react';

const api = new URLSearchParams(location.search).get('api') ?? 'https://api.example.com';
const client = createClient({ baseUrl: api, token: () => 'react-consumer' });

function ShopList() {
  const view = useInbox({ tab: 'shop' });
  return (
    <ul id="hook-list" data-status={view.status}>
      {view.conversations.slice(0, 5).map((conversation) => (
        <li key={conversation.id}>{conversation.counterpart.name}</li>
      ))}
    </ul>
  );
}

function App() {
  const [opened, setOpened] = useState('');
  return (
    <CreatorClientProvider client={client}>
      <ShopList />
      <p id="opened">{opened}</p>
      <CreatorInbox client={client} style={{ display: 'block', height: 500 }} onConversationOpen={(event) => setOpened(event.detail.conversationId)} />
    </CreatorClientProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
