// Every record in a file says which shape it has (`schemaVersion`): the database's record version
// when the file was exported. A file exported before a database upgrade holds records of an older
// shape; each one is brought here to the shape the database stores today, step by step, before
// the file is checked, as the database upgrade (storage/upgrades.ts) brought the stored ones.
// So a database upgrade never makes an older file unreadable: it ships with its step here.
// The envelope has its own steps (migrations.ts), which never touch the inside of a record.
// See docs/decisions/0006-format-and-database-versions.md.
import { RECORD_SCHEMA_VERSION } from '../schema-version';

/** Format 1 came with records of shape 3: no file holds an older one. */
export const OLDEST_FILE_RECORD_VERSION = 3;

/** The parts of `data` that hold records; `school` holds one record or `null`. */
export const FILE_RECORD_TABLES = [
  'school',
  'campaigns',
  'answers',
  'sectionNotes',
  'actions',
  'imports',
  'evidence',
  'dossierTexts',
  'positions',
  'surveys',
  'surveyResponses',
] as const;
export type FileRecordTable = (typeof FILE_RECORD_TABLES)[number];

type Json = Record<string, unknown>;

/** Turns a record of shape n into shape n + 1, `schemaVersion` included; plain JSON in, plain JSON out. */
export type RecordStep = (record: Json, table: FileRecordTable) => Json;

/** Step n → n + 1, keyed by n: one for every database upgrade that changes a record's shape. */
export const recordUpgrades: Readonly<Record<number, RecordStep>> = {
  /**
   * 3 → 4 (Dexie version 5): a 3.3.4 answer may list absent services, an optional field; nothing
   * else changes. The repairs of that database upgrade are not needed here: the checks of a file
   * refuse implausible instants and targets outside their scale.
   */
  3: (record) => ({ ...record, schemaVersion: 4 }),
  /** 4 → 5 (Dexie version 6): an action starts its own lineage with no earlier story; targets may be proposals, an optional mark. */
  4: (record, table) => ({ ...record, ...(table === 'actions' ? { lineage: record.id, history: [] } : {}), schemaVersion: 5 }),
  // 5 → 6 goes here, with the database upgrade to shape 6.
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The file with each record of an older shape upgraded to `current`; the file itself is not
 * changed. Whatever is not a record of a known older shape is left as it is, for the checks to
 * refuse or accept.
 */
export function upgradeRecords(
  file: Json,
  steps: Readonly<Record<number, RecordStep>> = recordUpgrades,
  current: number = RECORD_SCHEMA_VERSION,
): Json {
  const data = file.data;
  if (!isObject(data)) return file;
  const upgraded: Json = { ...data };
  for (const table of FILE_RECORD_TABLES) {
    const rows = data[table];
    if (Array.isArray(rows)) upgraded[table] = rows.map((row) => (isObject(row) ? upgradeRecord(row, table, steps, current) : row));
    else if (isObject(rows)) upgraded[table] = upgradeRecord(rows, table, steps, current); // the school
  }
  return { ...file, data: upgraded };
}

function upgradeRecord(record: Json, table: FileRecordTable, steps: Readonly<Record<number, RecordStep>>, current: number): Json {
  const from = record.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < OLDEST_FILE_RECORD_VERSION) return record;
  let upgraded = record;
  for (let version = from; version < current; version++) {
    const step = steps[version];
    if (!step) throw new Error(`No upgrade for file records of shape ${version}`);
    upgraded = step(upgraded, table);
  }
  return upgraded;
}
