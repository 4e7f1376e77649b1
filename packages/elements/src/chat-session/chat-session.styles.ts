import { css } from 'lit';

/** Styles of `<cim-chat-session>`: a column of header, history and composer. */
export const chatSessionStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
    background: var(--_surface);
  }
  cim-message-log {
    flex: 1;
    min-height: 0;
  }
  .status {
    text-align: center;
    color: var(--_muted);
    padding: 1rem;
    margin: 0;
  }
  .failed {
    color: var(--_danger);
    padding: 0.5rem 1rem;
  }
  .blocked {
    border-top: 1px solid var(--_border);
    background: var(--_bg);
    padding: 0.75rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    justify-content: center;
    color: var(--_muted);
    text-align: center;
  }
`;
