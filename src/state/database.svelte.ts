// The database's health as the screens see it: one holder for the whole tab.
import { onDatabaseHealth, type DatabaseHealth } from '../storage/connection';
import { fr } from '../text/fr';

const readOnlyBecause: Partial<Record<DatabaseHealth, string>> = {
  outdated: fr.storage.outdated,
  newer: fr.storage.newer,
  unavailable: fr.storage.unavailable,
  lost: fr.storage.lost,
};

class DatabaseState {
  #health = $state<DatabaseHealth>('ok');

  constructor() {
    onDatabaseHealth((h) => (this.#health = h));
  }

  get health(): DatabaseHealth {
    return this.#health;
  }

  /** The database vanished under the open page. */
  get lost(): boolean {
    return this.#health === 'lost';
  }

  /** Why no write can happen in this tab at all, or undefined. */
  get writesRefused(): string | undefined {
    return readOnlyBecause[this.#health];
  }
}

export const databaseState = new DatabaseState();
export type { DatabaseHealth } from '../storage/connection';
export { deleteUnreadableDatabase } from '../storage/connection';
