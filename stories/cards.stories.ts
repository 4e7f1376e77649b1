import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AgencyInvitation, KnownMessage, ProductList, SampleRequest } from '@creator-im/sdk';
import type { MockBackend } from '../mocks/backend.js';
import { current, hosted, withClient } from './mock.js';

const meta: Meta = { title: 'Parts/Cards', beforeEach: withClient() };
export default meta;

type Story = StoryObj;

const allMessages = (backend: MockBackend): KnownMessage[] => [...backend.messages.values()].flat();
const listNamed = (backend: MockBackend, name: string): ProductList =>
  allMessages(backend).flatMap((m) => (m.type === 'PRODUCT_LIST' && m.list.name === name ? [m.list] : []))[0]!;
const agencyList = (backend: MockBackend): ProductList => allMessages(backend).flatMap((m) => (m.type === 'PRODUCT_LIST' && m.list.source === 'agency' ? [m.list] : []))[0]!;
const sampleIn = (backend: MockBackend, status: SampleRequest['status']): SampleRequest => [...backend.samples.values()].find((s) => s.status === status)!;

/** A single product with "Add to Showcase". */
export const ProductCard: Story = { render: () => hosted(html`<cim-product-card .product=${current().backend.seed.products[4]}></cim-product-card>`) };

/** A product already in the Showcase: "Added". */
export const ProductCardAdded: Story = { render: () => hosted(html`<cim-product-card .product=${current().backend.seed.products.find((p) => p.id === 'prod-2')}></cim-product-card>`) };

/** An agency product list, nothing added yet: "Add all" and "View products". */
export const ProductListNotAdded: Story = { render: () => hosted(html`<cim-product-list-card .list=${agencyList(current().backend)}></cim-product-list-card>`) };

/** A Targeted Plan partly in the Showcase, one product the seller removed. */
export const TargetedPlanPartlyAdded: Story = {
  beforeEach: withClient({ ready: ({ client, backend }) => client.showcase.add([listNamed(backend, 'Holiday Targeted Plan').products[2]!.id]).then(() => undefined) }),
  render: () => hosted(html`<cim-product-list-card .list=${listNamed(current().backend, 'Holiday Targeted Plan')}></cim-product-list-card>`),
};

/** Every product of the list is in the Showcase: the card reads "Added". */
export const TargetedPlanAdded: Story = {
  beforeEach: withClient({ ready: ({ client, backend }) => client.showcase.addAll(listNamed(backend, 'Holiday Targeted Plan')).then(() => undefined) }),
  render: () => hosted(html`<cim-product-list-card .list=${listNamed(current().backend, 'Holiday Targeted Plan')}></cim-product-list-card>`),
};

/** The list opened to add products one by one. */
export const ProductListOpened: Story = {
  render: () => hosted(html`<cim-product-list-card .list=${listNamed(current().backend, 'Holiday Targeted Plan')}></cim-product-list-card>`),
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('cim-product-list-card')!;
    [...card.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'View products')!.click();
  },
};

const sample = (status: SampleRequest['status']) => () => {
  const request = sampleIn(current().backend, status);
  return hosted(html`<cim-sample-card sample-id=${request.id} .fallback=${request}></cim-sample-card>`);
};
/** A sample request the seller has not answered: "To review". */
export const SampleToReview: Story = { render: sample('to_review') };
/** Approved by the seller: "To ship". */
export const SampleToShip: Story = { render: sample('to_ship') };
/** Rejected by the seller: "Cancelled". */
export const SampleCancelled: Story = { render: sample('cancelled') };

/** Loads the thread carrying an invitation, so the SDK knows it. */
function invitationStory(pick: (invitations: AgencyInvitation[], backend: MockBackend) => AgencyInvitation, ready?: (invitation: AgencyInvitation, stage: ReturnType<typeof current>) => Promise<void> | void, open = false): Story {
  let chosen: AgencyInvitation | undefined;
  return {
    beforeEach: withClient({
      ready: async (stage) => {
        chosen = pick([...stage.backend.invitations.values()], stage.backend);
        await stage.client.conversations.loadLatest(chosen.conversationId);
        await ready?.(chosen, stage);
      },
    }),
    render: () => hosted(html`<cim-invitation-card invitation-id=${chosen!.id}></cim-invitation-card>`),
    play: open
      ? async ({ canvasElement }) => {
          const card = canvasElement.querySelector('cim-invitation-card')!;
          await card.updateComplete;
          [...card.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Learn more')!.click();
        }
      : undefined,
  };
}

/** A pending binding invitation. */
export const InvitationPending = invitationStory((all) => all.find((i) => i.state === 'pending')!);
/** "Learn more": the agreements to review; "Accept" is disabled until each is acknowledged. */
export const InvitationLearnMore = invitationStory((all) => all.find((i) => i.state === 'pending')!, undefined, true);
/** Every agreement acknowledged: "Accept" is enabled. */
export const InvitationAcknowledged = invitationStory(
  (all) => all.find((i) => i.state === 'pending')!,
  (invitation, { client }) => invitation.agreements.forEach((a) => client.agency.acknowledge(invitation.id, a.id)),
  true,
);
/** Accepted: the creator is linked and can "Send unlink request". */
export const InvitationLinked = invitationStory((all, backend) => all.find((i) => i.state === 'accepted' && backend.links.get(i.agency.id) === 'linked')!, undefined, true);
/** An unlink request was sent. */
export const InvitationUnlinkRequested = invitationStory((all, backend) => all.find((i) => backend.links.get(i.agency.id) === 'unlink_requested')!, undefined, true);
/** Declined by the creator. */
export const InvitationDeclined = invitationStory((all) => all.find((i) => i.state === 'declined')!);
/** Expired before an answer. */
export const InvitationExpired = invitationStory((all) => all.find((i) => i.state === 'expired')!);
