// A database installed at any earlier version and opened by this Diagnum ends with exactly the
// tables, keys and indexes of a fresh one. Diagnum declares to Dexie only the versions with an
// upgrade and the latest (Dexie reads the installed tables itself); this proves nothing is missed.
import { describe, expect, it } from 'vitest';
import { DiagnumDB, LATEST_VERSION, schemaVersions } from '../../../src/storage/db';

/** What IndexedDB itself holds: each table's key path and indexes (name, key path, unique, multi-entry). */
async function structureOf(name: string) {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  const tables = [...idb.objectStoreNames].sort().map((table) => {
    const store = tx.objectStore(table);
    const indexes = [...store.indexNames].sort().map((n) => {
      const index = store.index(n);
      return { name: n, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    return { table, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
  idb.close();
  return tables;
}

async function installed(upTo: number): Promise<string> {
  const name = `test-${crypto.randomUUID()}`;
  const db = new DiagnumDB(name, upTo);
  await db.open();
  db.close();
  return name;
}

describe('a database upgraded from any earlier version', () => {
  it('has the tables, keys and indexes of a fresh one', async () => {
    const fresh = await structureOf(await installed(LATEST_VERSION));
    expect(fresh.map((t) => t.table)).toContain('surveyResponses');
    expect(fresh.find((t) => t.table === 'evidence')!.indexes.map((i) => i.name)).toEqual(['campaignId', 'file.sha256']);
    for (const { version } of schemaVersions.filter((v) => v.version < LATEST_VERSION)) {
      const name = await installed(version);
      const current = new DiagnumDB(name);
      await current.open();
      expect(current.verno).toBe(LATEST_VERSION);
      current.close();
      expect(await structureOf(name), `from version ${version}`).toEqual(fresh);
    }
  });

  it('was installed with each version’s own tables (the versions Dexie is not told of included)', async () => {
    for (const v of schemaVersions) {
      const tables = (await structureOf(await installed(v.version))).map((t) => t.table);
      expect(tables, `version ${v.version}`).toEqual(Object.keys(v.stores).sort());
    }
  });
});
