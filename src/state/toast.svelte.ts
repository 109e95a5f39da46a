// A short message with an optional action ("Annuler"), kept across navigation.
export interface Toast {
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

const SHOWN_MS = 10_000;

class Toasts {
  current = $state<Toast | undefined>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  show(toast: Toast) {
    this.current = toast;
    this.resume();
  }

  /** While the person is on the toast (focus or pointer), it stays. */
  pause() {
    clearTimeout(this.#timer);
  }

  resume() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.dismiss(), SHOWN_MS);
  }

  dismiss() {
    clearTimeout(this.#timer);
    this.current = undefined;
  }
}

export const toasts = new Toasts();
