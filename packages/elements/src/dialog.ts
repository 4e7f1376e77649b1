/**
 * Opening and closing a card's native `<dialog>` the accessible way: modal (focus stays inside,
 * Escape closes it), and focus goes back to the control that opened it.
 */
export class DialogHandle {
  private opener: HTMLElement | null = null;

  constructor(private readonly find: () => HTMLDialogElement | null | undefined) {}

  /** Shows the dialog modally, remembering the control that had focus. */
  open(opener: EventTarget | null): void {
    const dialog = this.find();
    if (!dialog || dialog.open) return;
    this.opener = opener instanceof HTMLElement ? opener : null;
    dialog.addEventListener('close', this.restore, { once: true });
    dialog.showModal();
  }

  /** Closes the dialog; focus returns to the opener. */
  close(): void {
    this.find()?.close();
  }

  private restore = (): void => {
    this.opener?.focus();
    this.opener = null;
  };
}
