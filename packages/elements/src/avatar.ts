import { css, html, nothing } from 'lit';
import { initials, safeUrl } from './format.js';

/**
 * A picture with its fallback: the initials sit under the image, and an image that fails to load
 * removes itself, so the initials show. Decorative (`alt=""`) where the name is written beside it;
 * pass `alt` when the picture itself carries meaning.
 */
export function picture(name: string, url: string | null | undefined, className = 'avatar', alt = '') {
  const src = safeUrl(url);
  return html`<span class="${className} picture" aria-hidden=${alt ? nothing : 'true'}
    ><span class="initials" aria-hidden="true">${initials(name)}</span>${src
      ? html`<img src=${src} alt=${alt} loading="lazy" decoding="async" @error=${(event: Event) => (event.target as HTMLElement).remove()} />`
      : ''}</span
  >`;
}

/** Styles of {@link picture}: the image covers the initials until it fails. */
export const pictureStyles = css`
  .picture {
    position: relative;
    display: inline-grid;
    place-items: center;
    flex: none;
    overflow: hidden;
    background: var(--_surface);
    color: var(--_muted);
    font-weight: 700;
    border: 1px solid var(--_border);
  }
  .picture img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .avatar {
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    font-size: 0.8rem;
  }
  .thumb {
    width: 3rem;
    height: 3rem;
    border-radius: 8px;
    font-size: 0.75rem;
  }
`;
