// Persistent storage: ask for it without ever waiting on it (Firefox keeps the promise pending
// until the user answers its prompt), and report how much space is used.
import { database } from './connection';
import type { DiagnumDB } from './db';

export interface StorageState {
  supported: boolean;
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

export async function readStorageState(): Promise<StorageState> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.estimate) return { supported: false, persisted: undefined, usage: undefined, quota: undefined };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted() : Promise.resolve(undefined),
    storage.estimate(),
  ]);
  return { supported: true, persisted, usage: estimate.usage, quota: estimate.quota };
}

/** How much the evidence files take in this browser (their declared sizes); `db` inside a transaction. */
export async function evidenceFilesSize(db: DiagnumDB = database()): Promise<number> {
  let total = 0;
  await db.evidenceFiles.each((file) => void (total += file.size));
  return total;
}

let pending: Promise<boolean> | undefined;

/**
 * Fire and forget; `onAnswer` runs if and when the browser answers. One request at a time: in
 * Firefox a second call ends the first, still waiting for the user, with `false`.
 */
export function requestPersistence(onAnswer?: (granted: boolean) => void): void {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) return;
  pending ??= storage.persist().finally(() => (pending = undefined));
  void pending.then(
    (granted) => onAnswer?.(granted),
    () => onAnswer?.(false),
  );
}
