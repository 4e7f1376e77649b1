import { css } from 'lit';

/** Styles of `<cim-message-log>`. */
export const messageLogStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    position: relative;
    flex: 1;
    min-height: 0;
  }
  .scroller {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overflow-x: hidden;
    padding: 0.5rem 0;
    /* Older pages and window moves are anchored by hand (updated()); late image/card growth natively. */
    overflow-anchor: auto;
    overscroll-behavior: contain;
  }
  .scroller:focus-visible {
    outline-offset: -2px;
  }
  .start {
    text-align: center;
    color: var(--_muted);
    font-size: 0.75rem;
    padding: 0.5rem;
  }
  .day {
    display: flex;
    justify-content: center;
    margin: 0.75rem 0 0.25rem;
    position: sticky;
    top: 0;
    z-index: 1;
    pointer-events: none;
  }
  .day span {
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--_muted);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.1rem 0.7rem;
  }
  .divider {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0.5rem 0.9rem;
    color: var(--_accent);
    font-size: 0.75rem;
    font-weight: 600;
  }
  .divider::before,
  .divider::after {
    content: '';
    flex: 1;
    border-top: 1px solid currentColor;
  }
  .msg {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    padding: 0.2rem 0.9rem;
    width: 100%;
    outline-offset: -2px;
  }
  .msg.creator {
    align-items: flex-end;
  }
  .msg.system {
    align-items: center;
  }
  .msg > * {
    max-width: min(78%, 34rem);
  }
  .msg.system > * {
    max-width: 90%;
  }
  .bubble {
    padding: 0.5rem 0.75rem;
    border-radius: 14px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
    line-height: 1.4;
  }
  .counterpart .bubble {
    border-end-start-radius: 4px;
  }
  .creator .bubble {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
    border-end-end-radius: 4px;
  }
  .system .bubble {
    background: none;
    border: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
    text-align: center;
  }
  .meta {
    font-size: 0.6875rem;
    color: var(--_muted);
    margin-top: 0.15rem;
    display: flex;
    gap: 0.4rem;
    align-items: center;
  }
  .failed {
    color: var(--_danger);
  }
  .pill {
    position: absolute;
    bottom: 0.75rem;
    left: 50%;
    transform: translateX(-50%);
    z-index: 2;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    padding: 0.4rem 0.9rem;
    font-size: 0.8125rem;
    font-weight: 600;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
    white-space: nowrap;
  }
  .status {
    text-align: center;
    color: var(--_muted);
    padding: 1rem;
  }
`;
