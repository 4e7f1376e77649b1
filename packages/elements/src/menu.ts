import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A popup menu (`role="menu"` of `role="menuitem"` buttons) opened from a button: positioned by
 * Floating UI (menu-position.ts, loaded on the first open) so it stays inside the viewport (flips
 * above, shifts sideways, shrinks), keyboard as in the ARIA menu button pattern (first item
 * focused, arrows, Home/End, Escape returns to the button), closed by a click elsewhere or Tab.
 */
export class MenuController implements ReactiveController {
  /** Whether the menu is shown; the host renders it when true. */
  open = false;
  private cleanup: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly parts: () => { button: HTMLElement | null | undefined; menu: HTMLElement | null | undefined },
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
    this.open = false;
  }

  /** Opens the menu and focuses its first item. */
  async show(): Promise<void> {
    if (this.open) return;
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const { button, menu } = this.parts();
    if (!button || !menu) return;
    menu.addEventListener('keydown', this.onKey);
    menu.addEventListener('focusout', this.onFocusOut);
    document.addEventListener('pointerdown', this.onOutside, true);
    this.items()[0]?.focus();
    const { positionMenu } = await import('./menu-position.js');
    // Closed (or closed and reopened) while the positioning code loaded: that open places itself.
    if (!this.open || this.cleanup || this.parts().menu !== menu) return;
    this.cleanup = positionMenu(button, menu);
  }

  /** Closes the menu; with `refocus`, focus goes back to its button. */
  async hide(refocus = false): Promise<void> {
    if (!this.open) return;
    const { button } = this.parts();
    this.stop();
    this.open = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (refocus) button?.focus();
  }

  /** Opens or closes the menu (its button's click). */
  toggle(): Promise<void> {
    return this.open ? this.hide(true) : this.show();
  }

  private stop(): void {
    this.cleanup?.();
    this.cleanup = undefined;
    const { menu } = this.parts();
    menu?.removeEventListener('keydown', this.onKey);
    menu?.removeEventListener('focusout', this.onFocusOut);
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  private items(): HTMLElement[] {
    return [...(this.parts().menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
  }

  private onKey = (event: KeyboardEvent): void => {
    const items = this.items();
    const index = items.indexOf(event.composedPath()[0] as HTMLElement);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      void this.hide(true);
    } else if (event.key === 'Tab') {
      void this.hide();
    } else if (next !== undefined && items.length) {
      event.preventDefault();
      items[(next + items.length) % items.length]!.focus();
    }
  };

  private onFocusOut = (event: FocusEvent): void => {
    const { menu, button } = this.parts();
    const to = event.relatedTarget as Node | null;
    if (to && (menu?.contains(to) || to === button)) return;
    if (to) void this.hide();
  };

  private onOutside = (event: PointerEvent): void => {
    const { menu, button } = this.parts();
    const path = event.composedPath();
    if ((menu && path.includes(menu)) || (button && path.includes(button))) return;
    void this.hide();
  };
}
