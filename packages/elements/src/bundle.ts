/**
 * The self-registering browser bundle: one `<script type="module" src="creator-im.js">`
 * (one file, no imports) defines every element and exposes the SDK for pages that want a client of their own.
 */
import './define.js';

export * from '@creator-im/sdk';
export * from './index.js';
