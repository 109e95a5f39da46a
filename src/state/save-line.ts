// Saves of one record, one at a time. A save asked while another is running waits; saves asked
// meanwhile are combined into one (the latest value wins), so the last write to commit is always
// the latest value asked for, and a burst of keystrokes costs two transactions, not one per key.
import type { Checked } from '../domain/result';

interface Waiting<P, T> {
  patch: P;
  resolvers: Array<(result: Checked<T>) => void>;
}

export class SaveLine<P, T> {
  #running = false;
  #waiting: Waiting<P, T> | undefined;
  readonly #write: (patch: P) => Promise<Checked<T>>;
  readonly #combine: (older: P, newer: P) => P;
  readonly #settled: (result: Checked<T>, idle: boolean) => void;

  /** `settled` runs after each write, `idle` true when nothing else waits (the value on screen is the one written). */
  constructor(
    write: (patch: P) => Promise<Checked<T>>,
    combine: (older: P, newer: P) => P,
    settled: (result: Checked<T>, idle: boolean) => void = () => {},
  ) {
    this.#write = write;
    this.#combine = combine;
    this.#settled = settled;
  }

  get busy(): boolean {
    return this.#running || this.#waiting !== undefined;
  }

  /** Resolves with the result of the write that carried this patch (possibly combined with later ones). */
  push(patch: P): Promise<Checked<T>> {
    return new Promise((resolve) => {
      if (this.#waiting) {
        this.#waiting.patch = this.#combine(this.#waiting.patch, patch);
        this.#waiting.resolvers.push(resolve);
      } else this.#waiting = { patch, resolvers: [resolve] };
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (this.#waiting) {
        const { patch, resolvers } = this.#waiting;
        this.#waiting = undefined;
        const result = await this.#write(patch);
        this.#settled(result, this.#waiting === undefined);
        for (const resolve of resolvers) resolve(result);
      }
    } finally {
      this.#running = false;
    }
  }
}
