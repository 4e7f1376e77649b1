import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withBackend } from './mock.js';

const meta: Meta = {
  title: 'Embed/creator-inbox',
  component: 'creator-inbox',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    tab: { control: 'inline-radio', options: ['shop', 'collab', 'agency'] },
  },
  args: { theme: 'light', tab: 'shop' },
  render: (args) =>
    html`<div style="height:100vh;padding:8px;box-sizing:border-box">
      <creator-inbox base-url=${location.origin} token="storybook" theme=${args.theme} tab=${args.tab}></creator-inbox>
    </div>`,
  beforeEach: withBackend(),
};
export default meta;

type Story = StoryObj;

/** The inbox on the seeded data set: sellers, agencies, every message kind. */
export const Default: Story = {};

/** The dark theme. */
export const Dark: Story = { args: { theme: 'dark' } };

/** The Agency tab: verified agencies are labelled. */
export const AgencyTab: Story = { args: { tab: 'agency' } };
