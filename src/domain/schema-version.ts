// The shape version stamped on every stored record. It follows the Dexie version that last
// changed a record shape, so that a record written by a stale tab is recognised on read.
// 4 (Dexie version 5): a 3.3.4 answer may list the services the school does not have (`absent`).
// 5 (Dexie version 6): an action keeps its lineage and its story from campaign to campaign; a
// target may be a proposal not yet accepted.
export const RECORD_SCHEMA_VERSION = 5;
