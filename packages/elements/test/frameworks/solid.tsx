/** @jsxImportSource solid-js */
import type {} from '@creator-im/elements/jsx/solid';
import { createClient } from '@creator-im/sdk';

const client = createClient({ baseUrl: 'https://api.example.com', token: () => 't' });

export const Page = () => (
  <div>
    <creator-inbox prop:client={client} theme="dark" on:cim-conversation-open={(event) => event.detail.conversationId} />
    {/* @ts-expect-error prop:client must be a client */}
    <creator-inbox prop:client={42} />
    {/* @ts-expect-error the detail of cim-seller-block has no productId */}
    <creator-inbox on:cim-seller-block={(event) => event.detail.productId} />
  </div>
);
