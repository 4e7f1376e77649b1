import { css } from 'lit';

/**
 * Design tokens. Every color, radius and font is a `--cim-*` custom property with a light default;
 * `<creator-inbox theme="dark">` (or a host stylesheet) overrides them. Custom properties inherit
 * through shadow roots, so setting them on `<creator-inbox>` themes every part.
 */
export const tokens = css`
  :host {
    --_bg: var(--cim-color-background, #ffffff);
    --_surface: var(--cim-color-surface, #f6f6f8);
    --_text: var(--cim-color-text, #161823);
    --_muted: var(--cim-color-text-muted, #5b5d66);
    --_border: var(--cim-color-border, #e3e3e8);
    --_accent: var(--cim-color-accent, #c8102e);
    --_accent-text: var(--cim-color-accent-text, #ffffff);
    --_focus: var(--cim-color-focus, #0b57d0);
    --_success: var(--cim-color-success, #0a7a3f);
    --_warning: var(--cim-color-warning, #8a5300);
    --_danger: var(--cim-color-danger, #b3261e);
    --_highlight: var(--cim-color-highlight, #ffe58f);
    --_radius: var(--cim-radius, 10px);
    --_font: var(--cim-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
    /* Inherited text styles of the host page stop here; only the --cim-* tokens come in. */
    font-size: var(--cim-font-size, 1rem);
    font-style: normal;
    font-weight: normal;
    line-height: var(--cim-line-height, 1.4);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    font-variant: normal;
    cursor: auto;
    visibility: visible;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .btn {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 999px;
    padding: 0.35rem 0.9rem;
    font-size: 0.875rem;
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .btn.danger {
    color: var(--_danger);
  }
  .badge {
    display: inline-block;
    min-width: 1.25rem;
    padding: 0 0.35rem;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: 0.75rem;
    line-height: 1.25rem;
    text-align: center;
  }
`;

/** The dark theme's token values; applied by `<creator-inbox theme="dark">`. */
export const darkTokens = css`
  :host([theme='dark']) {
    --cim-color-background: #121214;
    --cim-color-surface: #1d1d21;
    --cim-color-text: #f1f1f3;
    --cim-color-text-muted: #b4b5bd;
    --cim-color-border: #34353b;
    --cim-color-accent: #ff4d6a;
    --cim-color-accent-text: #1a0007;
    --cim-color-focus: #8ab4f8;
    --cim-color-success: #5fd39a;
    --cim-color-warning: #f5b454;
    --cim-color-danger: #ff8a80;
    --cim-color-highlight: #5c4a00;
    color-scheme: dark;
  }
`;

/** Cards shown inside a conversation (product, product list, sample, invitation) and their dialogs. */
export const cardStyles = css`
  :host {
    display: block;
    max-width: min(100%, 22rem);
  }
  .card {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    display: grid;
    gap: 0.5rem;
  }
  .kind {
    font-size: 0.75rem;
    color: var(--_muted);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.02em;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
    margin: 0;
    font-size: 0.9375rem;
  }
  /* Picture, name and facts, then the action (a button or a status): the action wraps under them
     when the name would get less than 6.5rem (a phone's bubble), instead of squeezing it to a
     letter a line; at the card's full width it stays beside them. */
  .product {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    align-items: center;
  }
  .product > .thumb {
    flex: none;
  }
  .product > :nth-child(2) {
    flex: 1 1 6.5rem;
    min-width: 0;
  }
  .product > :nth-child(3) {
    flex: none;
    margin-inline-start: auto;
  }
  .thumb {
    width: 3rem;
    height: 3rem;
    border-radius: 8px;
    background: var(--_surface);
    object-fit: cover;
    display: grid;
    place-items: center;
    color: var(--_muted);
    font-size: 0.75rem;
  }
  .product .text {
    min-width: 0;
  }
  .name {
    overflow-wrap: anywhere;
  }
  .card {
    overflow-wrap: anywhere;
  }
  .facts {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .pill {
    display: inline-block;
    font-size: 0.75rem;
    font-weight: 600;
    border-radius: 999px;
    padding: 0.1rem 0.6rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .pill.good {
    color: var(--_success);
  }
  .pill.warn {
    color: var(--_warning);
  }
  .pill.bad {
    color: var(--_danger);
  }
  .error {
    color: var(--_danger);
    font-size: 0.8125rem;
    margin: 0;
  }
`;

/** A native modal `<dialog>` with a header, a scrolling body and a footer of actions. */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    padding: 0;
    width: min(92vw, 28rem);
    max-height: 85vh;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog > .head,
  dialog > .foot {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
  }
  dialog > .head {
    border-bottom: 1px solid var(--_border);
  }
  dialog > .head h2 {
    margin: 0;
    flex: 1;
    font-size: 1rem;
  }
  dialog > .foot {
    border-top: 1px solid var(--_border);
    justify-content: flex-end;
  }
  dialog .body {
    padding: 0.75rem 1rem;
    display: grid;
    gap: 0.75rem;
    overflow: auto;
  }
  dialog ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
`;

/** A small popup menu (`role="menu"` of `role="menuitem"` buttons), placed by `MenuController`. */
export const menuStyles = css`
  [role='menu'] {
    position: fixed;
    top: 0;
    left: 0;
    z-index: 10;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 8px;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.15);
    padding: 0.25rem;
    min-width: 10rem;
    width: max-content;
    overflow: auto;
  }
  [role='menuitem'] {
    display: block;
    width: 100%;
    text-align: start;
    border: 0;
    background: none;
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: var(--_surface);
  }
`;

/** The "Verified" label beside an agency's name (list rows and the session header). */
export const verifiedStyles = css`
  .verified {
    flex: none;
    font-size: 0.6875rem;
    font-weight: 600;
    color: var(--_success);
    border: 1px solid currentColor;
    border-radius: 4px;
    padding: 0 0.25rem;
  }
`;
