import { css } from 'lit';

/** Styles of `<cim-composer>`. */
export const composerStyles = css`
  :host {
    display: block;
  }
  .composer {
    border-top: 1px solid var(--_border);
    background: var(--_bg);
    padding: 0.5rem 0.75rem;
    display: flex;
    flex-direction: column;
    gap: 0.45rem;
  }
  .quick {
    display: flex;
    gap: 0.4rem;
    overflow-x: auto;
    scrollbar-width: thin;
  }
  .quick button {
    white-space: nowrap;
    max-width: 16rem;
    overflow: hidden;
    text-overflow: ellipsis;
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: 999px;
    padding: 0.2rem 0.7rem;
    font-size: 0.8125rem;
  }
  .row {
    display: flex;
    gap: 0.5rem;
    align-items: flex-end;
  }
  textarea {
    flex: 1;
    min-width: 0;
    resize: none;
    font: inherit;
    line-height: 1.4;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.45rem 0.6rem;
    min-height: 2.4rem;
    max-height: 8rem;
    field-sizing: content;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .tools .btn {
    font-size: 0.8125rem;
    padding: 0.25rem 0.75rem;
  }
  .failed {
    color: var(--_danger);
    font-size: 0.8125rem;
    margin: 0;
  }
`;
