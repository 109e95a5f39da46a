// The open database, its health, and the one path every write takes.
import { DiagnumDB } from './db';
import { accepted, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';

/** What the app must tell the user about the database, if anything. */
export type DatabaseHealth = 'ok' | 'outdated' | 'blocked';

let db = new DiagnumDB();
let health: DatabaseHealth = 'ok';
const healthListeners = new Set<(h: DatabaseHealth) => void>();

function setHealth(next: DatabaseHealth) {
  health = next;
  for (const listener of healthListeners) listener(next);
}

function watchConnection(target: DiagnumDB) {
  // Another tab opened a newer version: from now on this tab must not write records of the old
  // shape (Dexie 4 would silently reopen and let them through, dexie/Dexie.js#2097).
  target.on('versionchange', () => {
    if (target === db) setHealth('outdated');
  });
  // Our upgrade waits on a tab that does not close: say so rather than hang.
  target.on('blocked', () => {
    if (target === db) setHealth('blocked');
  });
  target.on('ready', () => {
    if (target === db && health === 'blocked') setHealth('ok');
  });
}
watchConnection(db);

export function database(): DiagnumDB {
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

/** Tests (and, later, a restore) swap the database; the previous one is closed. */
export function useDatabase(next: DiagnumDB): void {
  if (next !== db) db.close();
  db = next;
  watchConnection(next);
  setHealth('ok');
}

function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/**
 * Runs one read-write transaction. The result is `ok` only once it has committed, so the
 * "enregistré" state can never show before the data is stored. Validation happens before.
 */
export async function commit(
  tables: ReadonlyArray<'school' | 'campaigns' | 'answers' | 'sectionNotes' | 'actions'>,
  work: (db: DiagnumDB) => Promise<unknown>,
): Promise<Checked<true>> {
  if (health === 'outdated') return refused(fr.storage.outdated);
  try {
    const tableRefs = tables.map((t) => db[t]);
    await db.transaction('rw', tableRefs, () => work(db));
    return accepted(true);
  } catch (error) {
    const now = databaseHealth(); // may have changed while the transaction ran
    if (now !== 'ok') return refused(now === 'outdated' ? fr.storage.outdated : fr.storage.blocked);
    if (isQuotaError(error)) return refused(fr.storage.quota);
    console.error(error);
    return refused(fr.storage.failed);
  }
}
