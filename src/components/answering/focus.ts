// Moving the focus between item cards (workshop mode, "question suivante sans réponse").
export function focusItem(itemId: string, behavior: ScrollBehavior = 'auto'): boolean {
  const card = document.querySelector<HTMLElement>(`[data-item="${CSS.escape(itemId)}"]`);
  if (!card) return false;
  // A card taller than the window (the 3.3.4 table) shows its wording and first row, not its middle.
  card.scrollIntoView({ block: card.offsetHeight > window.innerHeight ? 'start' : 'center', behavior });
  fieldOf(card)?.focus({ preventScroll: true });
  return true;
}

/** Where the focus goes in a card: its chosen answer, else its first field (a table's first cell), else its first button. */
export function fieldOf(card: HTMLElement): HTMLElement | null {
  return (
    card.querySelector<HTMLElement>('input[type=radio]:checked:not([disabled])') ??
    card.querySelector<HTMLElement>(
      'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), .cell-choice button:not([disabled])',
    ) ??
    card.querySelector<HTMLElement>('button:not([disabled])')
  );
}

/** Text entry keeps its keys; the workshop shortcuts act everywhere else. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return target.isContentEditable;
}
