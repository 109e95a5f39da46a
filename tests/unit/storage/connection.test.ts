// The health of the database and the one write path: a newer database is read but never
// written, an open that fails or hangs is reported, and every committed write is announced.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import { DiagnumDB, LATEST_VERSION, onCommitOf, schemaVersions } from '../../../src/storage/db';
import {
  OPEN_TIMEOUT_MS,
  databaseHealth,
  onCommitted,
  onDatabaseHealth,
  openDatabase,
  useDatabase,
  commit,
} from '../../../src/storage/connection';
import { readSchool, saveSchool } from '../../../src/storage/school';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { fr } from '../../../src/text/fr';

/** Creates a database as a newer Diagnum would: one version up, the current stores plus one, a school. */
async function newerDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, (LATEST_VERSION + 1) * 10);
    request.onupgradeneeded = () => {
      const idb = request.result;
      for (const [table, spec] of Object.entries(schemaVersions.at(-1)!.stores)) {
        const [primary, ...indexes] = spec!.split(',').map((s) => s.trim());
        const keyPath = primary!.startsWith('[') ? primary!.slice(1, -1).split('+') : primary!;
        const store = idb.createObjectStore(table, { keyPath });
        for (const index of indexes) store.createIndex(index, index);
      }
      idb.createObjectStore('extra', { keyPath: 'id' });
      request.transaction!.objectStore('school').put({
        id: 'school', name: 'Lycée du Futur', updatedAt: Date.UTC(2030, 0, 1), schemaVersion: RECORD_SCHEMA_VERSION,
      });
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

/** An IDBOpenDBRequest that fails the way a damaged Chrome store does. */
function failingOpenRequest(): IDBOpenDBRequest {
  const request = new EventTarget() as EventTarget & Record<string, unknown>;
  let error: DOMException | null = null;
  Object.defineProperty(request, 'error', { get: () => error });
  for (const handler of ['onerror', 'onsuccess', 'onupgradeneeded', 'onblocked']) request[handler] = null;
  request.addEventListener('error', (event) => (request.onerror as ((e: Event) => void) | null)?.call(request, event));
  setTimeout(() => {
    error = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    request.dispatchEvent(new Event('error', { cancelable: true }));
  });
  return request as unknown as IDBOpenDBRequest;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the database connection', () => {
  it('opens a database of a newer Diagnum read-only: it reads, refuses every write, writes nothing', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await newerDatabase(name);
    const db = new DiagnumDB(name);
    useDatabase(db);
    expect(await openDatabase()).toBe('newer');
    expect(db.verno, 'Dexie keeps its own version: the installed one must be read').toBe(LATEST_VERSION);
    expect(await readSchool()).toMatchObject({ name: 'Lycée du Futur' });
    const before = await snapshot(db);
    expect(await saveSchool({ name: 'Lycée du Passé' })).toEqual({ ok: false, message: fr.storage.notSaved.newer });
    expect(await snapshot(db)).toBe(before);
    expect(db.backendDB().version).toBe((LATEST_VERSION + 1) * 10);
  });

  it('refuses a write that started before the open revealed a newer database', async () => {
    const name = `test-${crypto.randomUUID()}`;
    await newerDatabase(name);
    const db = new DiagnumDB(name);
    useDatabase(db);
    // No openDatabase(): the write itself opens the database.
    expect(await saveSchool({ name: 'Lycée du Passé' })).toEqual({ ok: false, message: fr.storage.notSaved.newer });
    expect(databaseHealth()).toBe('newer');
    expect(await readSchool()).toMatchObject({ name: 'Lycée du Futur' });
  });

  it('reports a database the browser cannot open, and refuses writes with the recovery message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(indexedDB, 'open').mockImplementation(() => failingOpenRequest());
    useDatabase(new DiagnumDB(`test-${crypto.randomUUID()}`));
    expect(await openDatabase()).toBe('unavailable');
    expect(await saveSchool({ name: 'Lycée Jean Jaurès' })).toEqual({ ok: false, message: fr.storage.notSaved.unavailable });
  });

  it('reports an open that neither succeeds nor fails as blocked after the timeout, and recovers when it opens', async () => {
    vi.useFakeTimers();
    const db = new DiagnumDB(`test-${crypto.randomUUID()}`);
    useDatabase(db);
    let finish!: () => void;
    vi.spyOn(db, 'open').mockReturnValue(new Promise<DiagnumDB>((resolve) => (finish = () => resolve(db))) as never);
    const seen: string[] = [];
    const stop = onDatabaseHealth((h) => seen.push(h));
    const opened = openDatabase();
    vi.advanceTimersByTime(OPEN_TIMEOUT_MS - 1);
    expect(databaseHealth()).toBe('ok');
    vi.advanceTimersByTime(1);
    expect(databaseHealth()).toBe('blocked');
    finish();
    await opened;
    stop();
    expect(seen).toEqual(['ok', 'blocked']);
  });

  it('says so when its upgrade is blocked by another connection, and goes on once that one closes', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const name = `test-${crypto.randomUUID()}`;
    // Another tab holds version 2 and ignores requests to close.
    const holder = new DiagnumDB(name, 2);
    await holder.open();
    holder.backendDB().onversionchange = null;
    holder.on('versionchange', () => false);
    const db = new DiagnumDB(name);
    useDatabase(db);
    const opened = openDatabase();
    await vi.waitFor(() => expect(databaseHealth()).toBe('blocked'));
    holder.close();
    expect(await opened).toBe('ok');
    expect(db.backendDB().version).toBe(LATEST_VERSION * 10);
  });

  it('announces each committed write, and not a refused one', async () => {
    freshDatabase();
    const committed = vi.fn();
    const stop = onCommitted(committed);
    expect((await saveSchool({ name: 'Lycée Jean Jaurès' })).ok).toBe(true);
    expect(committed).toHaveBeenCalledTimes(1);
    expect((await saveSchool({ name: 'Lycée Jean Jaurès', uai: '12345' })).ok).toBe(false);
    expect(committed).toHaveBeenCalledTimes(1);
    stop();
    expect((await saveSchool({ name: 'Lycée Jean Moulin' })).ok).toBe(true);
    expect(committed).toHaveBeenCalledTimes(1);
  });

  it('keeps a committed write committed when a listener throws', async () => {
    freshDatabase();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const stop = onCommitted(() => {
      throw new Error('listener failure');
    });
    expect(await saveSchool({ name: 'Lycée Jean Jaurès' })).toEqual({ ok: true, value: true });
    stop();
    expect(await readSchool()).toMatchObject({ name: 'Lycée Jean Jaurès' });
  });

  it('still refuses a work that outlived its transaction, though the transaction committed', async () => {
    const db = freshDatabase();
    await openDatabase();
    const result = await commit(['school'], async (tx) => {
      await tx.school.put({ id: 'school', name: 'Lycée Jean Jaurès', updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION });
      await new Promise((resolve) => setTimeout(resolve, 20)); // not a database request: the transaction commits meanwhile
      await tx.school.put({ id: 'school', name: 'Jamais écrit', updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION });
    });
    expect(result).toEqual({ ok: false, message: fr.storage.failed });
    expect(await db.school.get('school')).toMatchObject({ name: 'Lycée Jean Jaurès' });
  });

  it('hears a read-write transaction commit before Dexie resolves it, and never hears an aborted one', async () => {
    const db = freshDatabase();
    await openDatabase();
    const order: string[] = [];
    await db
      .transaction('rw', db.school, (tx) => {
        onCommitOf(tx, () => order.push('heard'));
        return tx.school.put({ id: 'school', name: 'Lycée Jean Jaurès', updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION });
      })
      .then(() => order.push('resolved'));
    const aborted = db.transaction('rw', db.school, (tx) => {
      onCommitOf(tx, () => order.push('heard an abort'));
      throw new Error('refused');
    });
    await expect(aborted).rejects.toThrow('refused');
    expect(order).toEqual(['heard', 'resolved']);
  });
});
