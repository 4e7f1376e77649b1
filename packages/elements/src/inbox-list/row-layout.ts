import { GridLayout, grid } from '@lit-labs/virtualizer/layouts/grid.js';
import type { LitVirtualizer } from '@lit-labs/virtualizer';

type GridBaseLayoutConfig = NonNullable<Parameters<typeof grid>[0]>;

/** Enough for a fast fling's next frame (the bench moves 400 px a frame), a third of the default. */
const OVERHANG_PX = 320;

/**
 * The conversation list's layout: one full-width column of rows of one known height. Nothing is
 * measured, so the first screen is laid out once (no measure-then-relayout frame) and rows
 * scrolling in cost no ResizeObserver round and no second layout.
 */
class RowLayout extends GridLayout {
  private applied = '';

  constructor(...args: ConstructorParameters<typeof GridLayout>) {
    super(...args);
    // Rows rendered beyond each edge of the view, px (lit-virtualizer's default is 1,000: ~15 rows a
    // side, 40 in all, every one re-positioned and re-diffed on each scroll frame or live message).
    this._overhang = OVERHANG_PX;
  }

  // lit-virtualizer applies the config again on every render; re-applying an unchanged one would
  // schedule a reflow that can run with the old items between a list change and its new items.
  override set config(config: GridBaseLayoutConfig) {
    const key = JSON.stringify(config);
    if (key === this.applied) return;
    this.applied = key;
    super.config = config;
  }
  override get config(): GridBaseLayoutConfig {
    return super.config;
  }

  protected override _updateLayout(): void {
    super._updateLayout();
    // The grid fits as many 1px columns as it can; a list is one column as wide as the view.
    const metrics = this._metrics;
    if (metrics && this._viewDim2 > 0) Object.assign(metrics, { rolumns: 1, itemSize2: this._viewDim2, positions: [0] });
  }
}

/** A layout of rows `height` px tall (the rows' CSS height, in px). */
export const rowLayout = (height: number): LitVirtualizer['layout'] => ({ ...grid({ itemSize: { width: '1px', height: `${height}px` }, gap: '0px' }), type: RowLayout });
