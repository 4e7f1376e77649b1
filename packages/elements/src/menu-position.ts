import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';

/**
 * Keeps a menu placed under its button and inside the viewport (flips above, shifts sideways,
 * shrinks) until the returned cleanup runs. Its own chunk: Floating UI loads on a menu's first
 * open, not with the first paint.
 */
export function positionMenu(button: HTMLElement, menu: HTMLElement): () => void {
  return autoUpdate(button, menu, () => {
    void computePosition(button, menu, {
      strategy: 'fixed',
      placement: 'bottom-end',
      middleware: [
        offset(4),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({ padding: 8, apply: ({ availableWidth, availableHeight }) => void Object.assign(menu.style, { maxWidth: `${availableWidth}px`, maxHeight: `${availableHeight}px` }) }),
      ],
    }).then(({ x, y }) => Object.assign(menu.style, { left: `${x}px`, top: `${y}px` }));
  });
}
