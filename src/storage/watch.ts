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

/**
 * A live query shared by key: a screen that opens shows the last known value at once (then the
 * fresh one, a few milliseconds later) instead of a "Chargement…" flash between two screens of
 * the same campaign.
 */
const shared = new Map<string, { store: Readable<Loadable<unknown>>; last: Loadable<unknown> }>();

export function watchShared<T>(key: string, query: () => Promise<T>): Readable<Loadable<T>> {
  let entry = shared.get(key);
  if (!entry) {
    const live = watch(query);
    const created: { store: Readable<Loadable<unknown>>; last: Loadable<unknown> } = {
      last: { status: 'loading' },
      store: {
        subscribe(run) {
          if (created.last.status === 'ready') run(created.last);
          return live.subscribe((value) => {
            if (value.status === 'loading' && created.last.status === 'ready') return;
            created.last = value;
            run(value);
          });
        },
      },
    };
    shared.set(key, created);
    entry = created;
  }
  return entry.store as Readable<Loadable<T>>;
}

/** Parses every stored record on read: a record of an unknown shape is an error, never ignored. */
export function parseAll<T>(schema: { safeParse(x: unknown): { success: boolean; data?: T } }, rows: unknown[]): T[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error('Unreadable stored record');
    return parsed.data as T;
  });
}
