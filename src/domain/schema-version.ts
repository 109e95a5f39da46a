// The shape version stamped on every stored record. It follows the Dexie version that last
// changed a record shape, so that a record written by a stale tab is recognised on read.
export const RECORD_SCHEMA_VERSION = 3;
