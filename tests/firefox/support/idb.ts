// Reads the app's IndexedDB from inside a Firefox page with the raw API (no app code involved).
import type { Page } from 'puppeteer-core';

/**
 * Every object store of the 'diagnum' database as canonical JSON: stores by name, records in
 * key order (getAll), object keys sorted at every depth. Equal strings mean equal data.
 */
export function canonicalDump(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const canonical = (value: unknown): unknown => {
          if (Array.isArray(value)) return value.map(canonical);
          if (value instanceof Date) return { $date: value.toISOString() };
          if (value && typeof value === 'object') {
            const out: Record<string, unknown> = {};
            for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
            return out;
          }
          return value;
        };
        const open = indexedDB.open('diagnum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].sort();
          if (names.length === 0) {
            db.close();
            return resolve('{}');
          }
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result.map(canonical));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(canonical(out)));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The records of one store, parsed from the canonical dump. */
export async function storedRecords<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return ((JSON.parse(await canonicalDump(page)) as Record<string, T[]>)[store] ?? []) as T[];
}
