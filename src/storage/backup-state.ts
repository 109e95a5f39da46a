// What no export holds yet, kept in localStorage beside the database: when the data last changed,
// when it was last exported, and whether this browser held data at all. The last one is only a
// hint (eviction may clear both stores), used to say "vos données ont disparu" instead of
// starting empty in silence.
import { onCommitted } from './connection';
import { holdsData } from './campaign-list';

export interface BackupState {
  lastChangeAt: number | null;
  lastExportAt: number | null;
  /** The database held the school or a campaign after its last change. */
  heldData: boolean;
}

const KEY = 'diagnum:sauvegarde';
const initial: BackupState = { lastChangeAt: null, lastExportAt: null, heldData: false };
const listeners = new Set<(state: BackupState) => void>();

export function readBackupState(): BackupState {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<BackupState> | null;
    if (!raw || typeof raw !== 'object') return { ...initial };
    const time = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return { lastChangeAt: time(raw.lastChangeAt), lastExportAt: time(raw.lastExportAt), heldData: raw.heldData === true };
  } catch {
    return { ...initial }; // localStorage refused (private mode, policy) or garbled: no reminder rather than a crash
  }
}

function write(patch: Partial<BackupState>): void {
  const next = { ...readBackupState(), ...patch };
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Not stored: the reminder is a convenience, never a reason to fail a save.
  }
  for (const listener of listeners) listener(next);
}

export function onBackupState(listener: (state: BackupState) => void): () => void {
  listeners.add(listener);
  listener(readBackupState());
  const fromOtherTab = (e: StorageEvent) => {
    if (e.key === KEY) listener(readBackupState());
  };
  window.addEventListener('storage', fromOtherTab);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', fromOtherTab);
  };
}

export function noteExported(at: number = Date.now()): void {
  write({ lastExportAt: at });
}

/** The database was seen holding data (before any change was tracked, e.g. after an update of the app). */
export function noteHeldData(): void {
  if (!readBackupState().heldData) write({ heldData: true });
}

/** The group chose to start again without its former data. */
export function forgetFormerData(): void {
  write({ heldData: false, lastChangeAt: null, lastExportAt: null });
}

/**
 * From now on, every committed write counts as a change no export holds. Whether the database
 * still holds data is read once the save has returned, once for a burst of commits: a read per
 * keystroke, inside the save's own path, slowed every answer on a school laptop.
 */
export function trackChanges(): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const stop = onCommitted(() => {
    latest = Date.now();
    pending ??= setTimeout(() => {
      pending = undefined;
      const at = latest;
      void holdsData().then(
        (held) => write({ lastChangeAt: at, heldData: held }),
        () => write({ lastChangeAt: at }),
      );
    });
  });
  return () => {
    clearTimeout(pending);
    stop();
  };
}
