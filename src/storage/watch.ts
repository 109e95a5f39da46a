// Live queries as Svelte-readable stores whose errors are values (Svelte drops store errors).
import { liveQuery } from 'dexie';
import type { Readable } from 'svelte/store';
import { fr } from '../text/fr';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; message: string };

export function watch<T>(query: () => Promise<T>): Readable<Loadable<T>> {
  return {
    subscribe(run) {
      run({ status: 'loading' });
      const subscription = liveQuery(query).subscribe({
        next: (value) => run({ status: 'ready', value }),
        error: (error: unknown) => {
          console.error(error);
          run({ status: 'error', message: fr.storage.unreadable });
        },
      });
      return () => subscription.unsubscribe();
    },
  };
}

/** Parses every stored record on read: a record of an unknown shape is an error, never ignored. */
export function parseAll<T>(schema: { safeParse(x: unknown): { success: boolean; data?: T } }, rows: unknown[]): T[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error('Unreadable stored record');
    return parsed.data as T;
  });
}
