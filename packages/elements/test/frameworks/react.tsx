// React 19 without the wrappers: the tags type-check as intrinsic elements.
import type {} from '@creator-im/elements/jsx/react';
import { createClient } from '@creator-im/sdk';

const client = createClient({ baseUrl: 'https://api.example.com', token: () => 't' });

export const Page = () => (
  <>
    <creator-inbox
      client={client}
      theme="dark"
      tab="collab"
      style={{ height: 640 }}
      className="inbox"
      oncim-conversation-open={(event) => console.log(event.detail.conversationId)}
      oncim-inbox-open={(event) => console.log(event.type)}
    />
    <cim-contact-button inbox="inbox" sellerId="shop-3" entrance="seller_store" />
    {/* @ts-expect-error theme is 'light' | 'dark' */}
    <creator-inbox theme="blue" />
    {/* @ts-expect-error the detail of cim-conversation-open has no productIds */}
    <creator-inbox oncim-conversation-open={(event) => event.detail.productIds} />
    {/* @ts-expect-error no such tag */}
    <cim-unknown />
  </>
);
