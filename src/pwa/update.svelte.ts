// Whether a new version of the app waits for the user's consent to reload.
class UpdatePrompt {
  #apply = $state<(() => void) | null>(null);

  get available() {
    return this.#apply !== null;
  }

  offer(apply: () => void) {
    this.#apply = apply;
  }

  accept() {
    this.#apply?.();
  }

  dismiss() {
    this.#apply = null;
  }
}

export const updatePrompt = new UpdatePrompt();
