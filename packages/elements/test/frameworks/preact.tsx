/** @jsxImportSource preact */
import type {} from '@creator-im/elements/jsx/preact';

export const Page = () => (
  <div>
    <creator-inbox baseUrl="https://api.example.com" theme="light" oncim-message-send={(event) => event.detail.clientId} />
    {/* @ts-expect-error tab is one of the inbox tabs */}
    <creator-inbox tab="inbox" />
  </div>
);
