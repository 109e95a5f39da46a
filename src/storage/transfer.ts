// Files in and out: the whole database read as one snapshot, and an import written in one
// transaction or not at all. Everything else (reading the file, checking it, merging) is done
// before, in domain/transfer: inside the transaction there are only Dexie calls.
import { SchoolRecordSchema } from '../domain/school';
import { CampaignRecordSchema } from '../domain/campaigns';
import { AnswerRecordSchema } from '../domain/answers';
import { SectionNoteRecordSchema } from '../domain/section-notes';
import { ActionRecordSchema } from '../domain/actions';
import { EvidenceRecordSchema } from '../domain/evidence';
import { DossierTextRecordSchema } from '../domain/dossier-texts';
import { PositionsRecordSchema } from '../domain/positions';
import { SurveyRecordSchema, SurveyResponseRecordSchema } from '../domain/survey/records';
import { fileMessages, MAX_EVIDENCE_FILES_BYTES, type StoredEvidenceFile } from '../domain/evidence-files';
import { ImportRecordSchema, type ImportRecord, type Snapshot } from '../domain/transfer/format';
import { RECORD_TABLES, recordKey, recordStamp, type RecordTable, type TableRecords } from '../domain/transfer/record-tables';
import type { Expectation, Writes } from '../domain/transfer/import-plan';
import { refused, type Checked } from '../domain/result';
import { commit, database } from './connection';
import { evidenceFilesSize } from './persistence';
import { parseAll, watch } from './watch';

/** Every table, read in one transaction so that the snapshot is consistent. */
export async function readSnapshot(): Promise<Snapshot> {
  const db = database();
  const tables = [db.school, db.campaigns, db.answers, db.sectionNotes, db.actions, db.imports, db.evidence, db.dossierTexts, db.positions, db.surveys, db.surveyResponses];
  return db.transaction('r', tables, async () => {
    const [school, campaigns, answers, sectionNotes, actions, imports, evidence, dossierTexts, positions, surveys, surveyResponses] = await Promise.all([
      db.school.toArray(),
      db.campaigns.toArray(),
      db.answers.toArray(),
      db.sectionNotes.toArray(),
      db.actions.toArray(),
      db.imports.toArray(),
      db.evidence.toArray(),
      db.dossierTexts.toArray(),
      db.positions.toArray(),
      db.surveys.toArray(),
      db.surveyResponses.toArray(),
    ]);
    return {
      school: parseAll(SchoolRecordSchema, school)[0] ?? null,
      campaigns: parseAll(CampaignRecordSchema, campaigns),
      answers: parseAll(AnswerRecordSchema, answers),
      sectionNotes: parseAll(SectionNoteRecordSchema, sectionNotes),
      actions: parseAll(ActionRecordSchema, actions),
      imports: parseAll(ImportRecordSchema, imports),
      evidence: parseAll(EvidenceRecordSchema, evidence),
      dossierTexts: parseAll(DossierTextRecordSchema, dossierTexts),
      positions: parseAll(PositionsRecordSchema, positions),
      surveys: parseAll(SurveyRecordSchema, surveys),
      surveyResponses: parseAll(SurveyResponseRecordSchema, surveyResponses),
    };
  });
}

export const watchImports = () =>
  watch(async (): Promise<ImportRecord[]> =>
    parseAll(ImportRecordSchema, await database().imports.toArray()).sort((a, b) => b.importedAt - a.importedAt),
  );

const CHANGED_MEANWHILE =
  'Les données ont été modifiées pendant la préparation de l’import (dans un autre onglet ?) : rien n’a été importé. Choisissez à nouveau le fichier.';

/** A record's key as Dexie takes it (the compound keys of answers, notes, texts and positions as arrays). */
function dexieKey(table: RecordTable, key: string): string | [string, string] {
  if (table !== 'answers' && table !== 'sectionNotes' && table !== 'dossierTexts' && table !== 'positions') return key;
  const [campaignId, id] = key.split('|') as [string, string];
  return [campaignId, id];
}

/**
 * Writes an import, all of it or nothing, provided the records it writes have not moved since it
 * was planned (another tab): a record that was absent is added (and the add fails if it has been
 * created meanwhile), one that existed is replaced only if its `updatedAt` is still the one seen.
 * Records the import does not write may change meanwhile: nothing overwrites them.
 */
export async function applyImport(
  writes: Writes,
  expected: readonly Expectation[],
  /** The evidence files the imported files bring, by content: those the written evidence names are stored. */
  files: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<Checked<true>> {
  const needed = new Map(writes.evidence.flatMap((e) => (e.file ? [[e.file.sha256, e.file] as const] : [])));
  const stored: StoredEvidenceFile[] = [];
  for (const [sha256, meta] of needed) {
    const data = files.get(sha256);
    if (data) stored.push({ sha256, type: meta.type, size: meta.size, blob: new Blob([data as Uint8Array<ArrayBuffer>], { type: meta.type }) });
  }
  const seen = new Map(expected.map((e) => [`${e.table}:${e.key}`, e.updatedAt]));
  let moved = false;
  let tooMany: number | undefined;
  const changed = () => {
    moved = true;
    return new Error('changed meanwhile');
  };
  const stores = [...RECORD_TABLES, 'evidenceFiles', 'imports'] as const;
  const done = await commit(stores, async (db) => {
    // Files first, by content: one already here is the same file (its name is its content's hash).
    const keys = [...needed.keys()];
    const present = new Set((await db.evidenceFiles.bulkGet(keys)).flatMap((f) => (f ? [f.sha256] : [])));
    const added = stored.filter((f) => !present.has(f.sha256));
    if (keys.some((sha256) => !present.has(sha256) && !added.some((f) => f.sha256 === sha256))) throw new Error('Evidence files missing from the import');
    let total = added.reduce((sum, f) => sum + f.size, 0);
    if (total > 0) total += await evidenceFilesSize(db);
    if (total > MAX_EVIDENCE_FILES_BYTES) {
      tooMany = total;
      throw new Error('Evidence files over their limit');
    }
    await db.evidenceFiles.bulkAdd(added);
    for (const table of RECORD_TABLES) {
      const rows: ReadonlyArray<TableRecords[RecordTable]> = writes[table];
      const isNew = (r: TableRecords[RecordTable]) => (seen.get(`${table}:${recordKey(table, r)}`) ?? null) === null;
      const replaced = rows.filter((r) => !isNew(r));
      if (replaced.length > 0) {
        const keys = replaced.map((r) => recordKey(table, r));
        const now = (await db.table(table).bulkGet(keys.map((k) => dexieKey(table, k)))) as Array<TableRecords[RecordTable] | undefined>;
        if (now.some((row, i) => (row === undefined ? undefined : recordStamp(table, row)) !== seen.get(`${table}:${keys[i]}`))) throw changed();
        await db.table(table).bulkPut(replaced);
      }
      await db
        .table(table)
        .bulkAdd(rows.filter(isNew))
        .catch((error: unknown) => {
          const failures = (error as { failures?: Array<{ name?: string } | null> }).failures ?? [];
          throw failures.some((f) => f?.name === 'ConstraintError') ? changed() : error;
        });
    }
    await db.imports.bulkPut(writes.imports);
  });
  if (tooMany !== undefined) return refused(fileMessages.total(tooMany));
  return moved ? refused(CHANGED_MEANWHILE) : done;
}
