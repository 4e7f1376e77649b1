import { css } from 'lit';

/** Styles of `<cim-session-header>`. */
export const sessionHeaderStyles = css`
  :host {
    display: block;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    padding: 0.5rem 0.75rem;
    min-height: 3.25rem;
    background: var(--_bg);
    border-bottom: 1px solid var(--_border);
  }
  .who {
    flex: 1;
    min-width: 0;
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  h2 {
    font-size: 1rem;
    margin: 0;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .arrow:dir(rtl) {
    transform: scaleX(-1);
  }
  .icon-btn {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.25rem;
    height: 2.25rem;
    border: 0;
    background: none;
    font-size: 1.2rem;
    line-height: 1;
    border-radius: 8px;
  }
  .icon-btn:hover {
    background: var(--_surface);
  }
  /* Back to the list only when the list is not beside the conversation. */
  .icon-btn.back {
    display: none;
  }
  @container (max-width: 640px) {
    .icon-btn.back {
      display: inline-grid;
    }
  }
  .star[aria-pressed='true'] {
    color: var(--_warning);
  }
  [role='menuitem'] {
    white-space: nowrap;
  }
`;
