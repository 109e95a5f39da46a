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
 * A live query shared by key: one query however many screens show it. A screen that opens gets
 * the last known value at once (no "Chargement…" flash, no second read and render), and the
 * query outlives its last screen for a while, since the next screen of a campaign needs it too.
 */
const shared = new Map<string, Readable<Loadable<unknown>>>();

/** How long a shared live query outlives its last screen. */
const KEEP_ALIVE_MS = 30_000;

export function watchShared<T>(key: string, query: () => Promise<T>): Readable<Loadable<T>> {
  let store = shared.get(key);
  if (!store) {
    const listeners = new Set<(value: Loadable<unknown>) => void>();
    let last: Loadable<unknown> = { status: 'loading' };
    let stop: (() => void) | undefined;
    let idle: ReturnType<typeof setTimeout> | undefined;
    store = {
      subscribe(run) {
        clearTimeout(idle);
        listeners.add(run);
        run(last);
        stop ??= watch(query).subscribe((value) => {
          if (value.status === 'loading' && last.status === 'ready') return;
          last = value;
          for (const listener of [...listeners]) listener(value);
        });
        return () => {
          listeners.delete(run);
          if (listeners.size > 0) return;
          clearTimeout(idle);
          idle = setTimeout(() => {
            if (listeners.size > 0) return;
            stop?.();
            stop = undefined;
          }, KEEP_ALIVE_MS);
        };
      },
    };
    shared.set(key, store);
  }
  return store as Readable<Loadable<T>>;
}

/** Parses every stored record on read: a record of an unknown shape is an error, never ignored. */
export function parseAll<T>(schema: { safeParse(x: unknown): { success: boolean; data?: T } }, rows: unknown[]): T[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error('Unreadable stored record');
    return parsed.data as T;
  });
}
