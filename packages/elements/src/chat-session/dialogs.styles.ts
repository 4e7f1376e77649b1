import { css } from 'lit';

/** What the session's dialogs add to the shared dialog styles. */
export const sessionDialogStyles = css`
  :host {
    display: contents;
  }
  h2,
  p,
  .pick span {
    overflow-wrap: anywhere;
  }
  dialog > .head h2 {
    min-width: 0;
  }
  .pick {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }
  .pick > span {
    min-width: 0;
  }
  .pick input {
    flex: 1;
    min-width: 0;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 0.35rem 0.5rem;
  }
  .pick small {
    color: var(--_muted);
  }
  .failed {
    color: var(--_danger);
    margin: 0;
  }
  .btn.danger-fill {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
`;
