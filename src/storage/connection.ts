// The open database, its health, and the one path every write takes.
import Dexie from 'dexie';
import { DiagnumDB, LATEST_VERSION, onCommitOf, type StoreName } from './db';
import { accepted, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';

/**
 * What the app must tell the user about the database, if anything.
 * - outdated: another tab opened a newer version; this tab must reload and writes nothing.
 * - blocked: our upgrade waits on another tab (or the open is taking too long); it goes on once they close.
 * - newer: the data was written by a newer Diagnum; it is read, never written.
 * - unavailable: the browser refuses to open the database at all.
 * - lost: the database vanished under the open page (site data cleared, or deleted from another
 *   tab); what is on screen is no longer stored, and nothing is written until a reload.
 */
export type DatabaseHealth = 'ok' | 'outdated' | 'blocked' | 'newer' | 'unavailable' | 'lost';

/** After this long without success or failure, an open is reported as blocked rather than left to hang. */
export const OPEN_TIMEOUT_MS = 5_000;

// Built on first use rather than when this module is evaluated: building it costs a slow laptop
// about 20 ms, which start-up spends in a task of its own (main.ts).
let db: DiagnumDB | undefined;
let health: DatabaseHealth = 'ok';
const healthListeners = new Set<(h: DatabaseHealth) => void>();
const committedListeners = new Set<() => void>();

function setHealth(next: DatabaseHealth) {
  // Lost is final for this page: a reopened, empty database must not look healthy.
  if (next === health || health === 'lost') return;
  health = next;
  for (const listener of healthListeners) listener(next);
}

/** The version the installed database was written with (Dexie stores version × 10, and keeps `verno` at ours). */
function installedVersion(target: DiagnumDB): number {
  return Math.floor(target.backendDB().version / 10);
}

function watchConnection(target: DiagnumDB) {
  // Another tab opened a newer version: from now on this tab must not write records of the old
  // shape (Dexie 4 would silently reopen and let them through, dexie/Dexie.js#2097).
  // A deletion (another tab's Dexie.delete, the recovery screen of another tab) is a version change to null.
  target.on('versionchange', (event) => {
    if (target === db) setHealth(event.newVersion === null ? 'lost' : 'outdated');
  });
  // Our upgrade waits on a tab that does not close: say so rather than hang.
  target.on('blocked', () => {
    if (target === db && health === 'ok') setHealth('blocked');
  });
  // Sticky: runs after every (re)open. Dexie 4 opens a database of a higher version without a
  // VersionError (it retries with no version), so a newer database has to be noticed here.
  target.on(
    'ready',
    () => {
      // The browser closed the connection itself (IndexedDB's "close" event fires only then, not
      // on our own close): the site's data was cleared while the page was open. Dexie's own
      // 'close' event cannot tell, it fires on every close.
      target.backendDB().addEventListener('close', () => {
        if (target === db) setHealth('lost');
      });
      if (target !== db || health === 'outdated') return;
      if (installedVersion(target) > LATEST_VERSION) setHealth('newer');
      else if (health !== 'newer') setHealth('ok');
    },
    true,
  );
}

export function database(): DiagnumDB {
  if (!db) {
    db = new DiagnumDB();
    watchConnection(db);
  }
  return db;
}

export function databaseHealth(): DatabaseHealth {
  return health;
}

export function onDatabaseHealth(listener: (h: DatabaseHealth) => void): () => void {
  healthListeners.add(listener);
  listener(health);
  return () => healthListeners.delete(listener);
}

/** Called after every committed write (for instance to count the changes not yet exported). */
export function onCommitted(listener: () => void): () => void {
  committedListeners.add(listener);
  return () => committedListeners.delete(listener);
}

/**
 * Opens the database at start-up. Never rejects: a failure becomes health 'unavailable' (the
 * recovery screen), and an open that neither succeeds nor fails within OPEN_TIMEOUT_MS becomes
 * 'blocked' (until it does succeed).
 */
export async function openDatabase(): Promise<DatabaseHealth> {
  const target = database();
  const timer = setTimeout(() => {
    if (target === db && !target.isOpen() && health === 'ok') setHealth('blocked');
  }, OPEN_TIMEOUT_MS);
  try {
    await target.open();
  } catch (error) {
    // A tab that went stale while opening keeps its own message; anything else cannot be read.
    if (target === db && health !== 'outdated') {
      console.error(error);
      setHealth('unavailable');
    }
  } finally {
    clearTimeout(timer);
  }
  return health;
}

/**
 * The last resort of the recovery screen: delete a database the browser cannot open, so that a
 * backup can be imported into a new one. Resolves false when the browser refuses this too.
 */
export async function deleteUnreadableDatabase(): Promise<boolean> {
  const target = database();
  target.close();
  try {
    await Dexie.delete(target.name);
    return true;
  } catch (error) {
    console.error(error);
    return false;
  }
}

/** Tests (and, later, a restore) swap the database; the previous one is closed. */
export function useDatabase(next: DiagnumDB): void {
  if (db && next !== db) db.close();
  db = next;
  watchConnection(next);
  health = 'ok';
  for (const listener of healthListeners) listener(health);
}

/**
 * A full disk, however Dexie wraps it: as such, as the `inner` of an AbortError, or among the
 * `failures` of a BulkError (one request of a bulkPut refused, as Firefox reports it).
 */
function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: unknown; failures?: unknown[] } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'QuotaExceededError') return true;
  return isQuotaError(e.inner) || (Array.isArray(e.failures) && e.failures.some(isQuotaError));
}

/** Why no write may happen now, or null when writes are allowed. */
function writesRefused(h: DatabaseHealth): string | null {
  if (h === 'outdated') return fr.storage.notSaved.outdated;
  if (h === 'newer') return fr.storage.notSaved.newer;
  if (h === 'unavailable') return fr.storage.notSaved.unavailable;
  if (h === 'lost') return fr.storage.notSaved.lost;
  return null;
}

/** Thrown by a transaction's work to roll it back on purpose: `commit` answers with its message, nothing written. */
export class RollBack extends Error {}

/**
 * Runs one read-write transaction. The result is `ok` only once it has committed, so the
 * "enregistré" state can never show before the data is stored. Validation happens before.
 */
export async function commit(
  tables: readonly StoreName[],
  work: (db: DiagnumDB) => Promise<unknown>,
): Promise<Checked<true>> {
  const early = writesRefused(health);
  if (early) return refused(early);
  try {
    const target = database();
    const tableRefs = tables.map((t) => target[t]);
    // Committed is known from IndexedDB's "complete" event, once the work has finished (a work
    // that outlived its transaction is an error Dexie reports): the saves' way to "Enregistré"
    // then no longer waits for every live query to start again.
    let heard: () => void = () => {};
    const committed = new Promise<void>((resolve) => (heard = resolve));
    const done = target.transaction('rw', tableRefs, async (transaction) => {
      // Checked again inside: the transaction may have waited for the open, which can reveal a
      // newer database, or for a reopen after another tab's upgrade. Throwing aborts it, unwritten.
      const late = writesRefused(health);
      if (late) throw new RollBack(late);
      let finished = false;
      onCommitOf(transaction, () => finished && heard());
      await work(target);
      finished = true;
    });
    await Promise.race([done, committed]);
    done.catch(() => {}); // settled after the commit: nothing left to report
  } catch (error) {
    if (error instanceof RollBack) return refused(error.message);
    const now = databaseHealth(); // may have changed while the transaction ran
    const refusal = writesRefused(now);
    if (refusal) return refused(refusal);
    if (now === 'blocked') return refused(fr.storage.notSaved.blocked);
    if (isQuotaError(error)) return refused(fr.storage.quota);
    console.error(error);
    return refused(fr.storage.failed);
  }
  for (const listener of committedListeners) {
    try {
      listener();
    } catch (error) {
      console.error(error); // the write is committed whatever a listener does
    }
  }
  return accepted(true);
}

/**
 * Runs one read-write transaction whose work decides its own answer (a refusal it found, or what
 * it wrote): that answer once committed, or why nothing was written.
 */
export async function commitDecided<T>(tables: readonly StoreName[], work: (db: DiagnumDB) => Promise<Checked<T>>): Promise<Checked<T>> {
  let decided: Checked<T> = refused(fr.storage.failed);
  const done = await commit(tables, async (db) => {
    decided = await work(db);
  });
  return done.ok ? decided : done;
}
