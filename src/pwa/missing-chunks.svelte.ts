// A screen's chunk of an older build may be gone from the server (a new version was published):
// Vite then fires a cancelable `vite:preloadError` rather than failing silently. Save what is
// being typed, then reload once; a second failure within RELOAD_GUARD_MS asks the user instead
// of reloading in a loop.
export const RELOAD_GUARD_KEY = 'diagnum:chunk-reload';
export const RELOAD_GUARD_MS = 30_000;
/** Time for the save started by the blur to commit (a save takes a few milliseconds). */
export const SAVE_DELAY_MS = 300;

class ReloadNeeded {
  #shown = $state(false);

  get shown() {
    return this.#shown;
  }

  show() {
    this.#shown = true;
  }
}

/** Whether the user must reload by hand (the automatic reload already happened). */
export const reloadNeeded = new ReloadNeeded();

function lastReload(): number | null {
  try {
    return Number(sessionStorage.getItem(RELOAD_GUARD_KEY)) || 0;
  } catch {
    return null; // no sessionStorage: no guard, so no automatic reload
  }
}

export function recoverFromMissingChunks(): void {
  let reloading = false;
  window.addEventListener('vite:preloadError', (event) => {
    event.preventDefault();
    if (reloading) return; // several chunks of one screen can fail together
    const last = lastReload();
    if (last === null || Date.now() - last < RELOAD_GUARD_MS) {
      reloadNeeded.show();
      return;
    }
    try {
      sessionStorage.setItem(RELOAD_GUARD_KEY, String(Date.now()));
    } catch {
      reloadNeeded.show();
      return;
    }
    reloading = true;
    // The field being typed in saves on blur (and on input): let that save commit first.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    setTimeout(() => window.location.reload(), SAVE_DELAY_MS);
  });
}
