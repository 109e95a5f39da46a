// Files written by older versions of Diagnum stay readable: each step turns a file of format
// version n into version n + 1, on the plain parsed JSON, before validation.
// Add a step (and a sample file in tests/fixtures/files/) whenever FORMAT_VERSION is bumped.
// A step changes the envelope and the parts of `data`, never the inside of a record: records are
// upgraded after these steps, by their own shape version (record-upgrades.ts). A bump for a new
// record shape alone is thus the step `(file) => ({ ...file, formatVersion: n + 1 })`.
import { FORMAT_VERSION } from './format';

type Json = Record<string, unknown>;

export const formatMigrations: Readonly<Record<number, (file: Json) => Json>> = {
  /** 1 → 2: records of shape 4; the envelope and `data` are unchanged (their records are upgraded by record-upgrades.ts). */
  1: (file) => ({ ...file, formatVersion: 2 }),
  /** 2 → 3: records of shape 5 (actions' lineage and history); the envelope is unchanged. */
  2: (file) => ({ ...file, formatVersion: 3 }),
  /** 3 → 4: `data` gains the label dossier's parts, empty in an older file. */
  3: (file) => ({ ...file, formatVersion: 4, data: isObject(file.data) ? { evidence: [], dossierTexts: [], ...file.data } : file.data }),
  /** 4 → 5: `data` gains the members' positions and the staff questionnaire, empty in an older file. */
  4: (file) => ({
    ...file,
    formatVersion: 5,
    data: isObject(file.data) ? { positions: [], surveys: [], surveyResponses: [], ...file.data } : file.data,
  }),
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function migrateToCurrent(file: Json, fromVersion: number): Json {
  let migrated = file;
  for (let version = fromVersion; version < FORMAT_VERSION; version++) {
    const step = formatMigrations[version];
    if (!step) throw new Error(`No migration from file format ${version}`);
    migrated = step(migrated);
  }
  return migrated;
}
