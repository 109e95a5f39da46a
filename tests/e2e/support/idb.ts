// Reads the app's IndexedDB from inside the page, with the raw API (no app code involved), so
// that a test can prove what is, or is not, stored.
import type { Page } from 'playwright-core';

export interface StoredAnswer {
  campaignId: string;
  itemId: string;
  value: unknown;
  comment: string;
  toCheck: boolean;
  source: string;
  carriedOver: boolean;
  updatedAt: number;
}

/** Every store's records, as one JSON string: equal strings mean nothing changed. */
export function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('diagnum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].sort();
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

export async function storedAnswers(page: Page): Promise<StoredAnswer[]> {
  return (JSON.parse(await dumpDatabase(page)) as { answers: StoredAnswer[] }).answers;
}

/** The stored answer to an item, in the given campaign or in the only campaign there is. */
export async function storedAnswer(page: Page, itemId: string, campaignId?: string): Promise<StoredAnswer | undefined> {
  const found = (await storedAnswers(page)).filter((a) => a.itemId === itemId && (!campaignId || a.campaignId === campaignId));
  if (found.length > 1) throw new Error(`${itemId} is answered in several campaigns: say which one`);
  return found[0];
}

/**
 * Runs in the page (hand it to `evaluate`, Playwright's or Puppeteer's): puts records into one
 * store of the app's IndexedDB on a connection of its own, as another program would, so the app's
 * live data never hears of it. With `merge`, each record's fields go into the one stored under
 * its key.
 */
export function putRecords({ store, records, merge = false }: { store: string; records: Record<string, unknown>[]; merge?: boolean }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('diagnum');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(store, 'readwrite');
      const target = tx.objectStore(store);
      for (const record of records) {
        if (!merge) {
          target.put(record);
          continue;
        }
        const path = target.keyPath;
        const stored = target.get((Array.isArray(path) ? path.map((k) => record[k]) : record[path as string]) as IDBValidKey);
        stored.onsuccess = () => target.put({ ...stored.result, ...record });
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
