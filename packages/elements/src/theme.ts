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
    --_radius: var(--cim-radius, 10px);
    --_font: var(--cim-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
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
    color-scheme: dark;
  }
`;
