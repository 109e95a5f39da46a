// Gives jsdom an IndexedDB before Dexie is imported.
import 'fake-indexeddb/auto';
