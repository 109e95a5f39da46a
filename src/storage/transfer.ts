// Files in and out: the whole database read as one snapshot, and an import written in one
// transaction or not at all. Everything else (reading the file, checking it, merging) is done
// before, in domain/transfer: inside the transaction there are only Dexie calls.
import { SchoolRecordSchema } from '../domain/school';
import { CampaignRecordSchema } from '../domain/campaigns';
import { AnswerRecordSchema } from '../domain/answers';
import { SectionNoteRecordSchema } from '../domain/section-notes';
import { ActionRecordSchema } from '../domain/actions';
import { ImportRecordSchema, type ImportRecord, type Snapshot } from '../domain/transfer/format';
import type { Expectation, RecordTable, Writes } from '../domain/transfer/merge';
import { refused, type Checked } from '../domain/result';
import { commit, database } from './connection';
import type { DiagnumDB } from './db';
import { parseAll, watch } from './watch';

/** Every table, read in one transaction so that the snapshot is consistent. */
export async function readSnapshot(): Promise<Snapshot> {
  const db = database();
  return db.transaction('r', [db.school, db.campaigns, db.answers, db.sectionNotes, db.actions, db.imports], async () => {
    const [school, campaigns, answers, sectionNotes, actions, imports] = await Promise.all([
      db.school.toArray(),
      db.campaigns.toArray(),
      db.answers.toArray(),
      db.sectionNotes.toArray(),
      db.actions.toArray(),
      db.imports.toArray(),
    ]);
    return {
      school: parseAll(SchoolRecordSchema, school)[0] ?? null,
      campaigns: parseAll(CampaignRecordSchema, campaigns),
      answers: parseAll(AnswerRecordSchema, answers),
      sectionNotes: parseAll(SectionNoteRecordSchema, sectionNotes),
      actions: parseAll(ActionRecordSchema, actions),
      imports: parseAll(ImportRecordSchema, imports),
    };
  });
}

export const watchImports = () =>
  watch(async (): Promise<ImportRecord[]> =>
    parseAll(ImportRecordSchema, await database().imports.toArray()).sort((a, b) => b.importedAt - a.importedAt),
  );

/** Whether the database holds anything a person typed (the school or a campaign). */
export async function holdsData(): Promise<boolean> {
  const db = database();
  return (await db.school.count()) + (await db.campaigns.count()) > 0;
}

const CHANGED_MEANWHILE =
  'Les données ont été modifiées pendant la préparation de l’import (dans un autre onglet ?) : rien n’a été importé. Choisissez à nouveau le fichier.';

function dexieKey(table: RecordTable, key: string): string | [string, string] {
  if (table !== 'answers' && table !== 'sectionNotes') return key;
  const [campaignId, id] = key.split('|') as [string, string];
  return [campaignId, id];
}

async function unchangedSince(db: DiagnumDB, expected: readonly Expectation[]): Promise<boolean> {
  const byTable = new Map<RecordTable, Expectation[]>();
  for (const e of expected) byTable.set(e.table, [...(byTable.get(e.table) ?? []), e]);
  for (const [table, list] of byTable) {
    const rows = (await db.table(table).bulkGet(list.map((e) => dexieKey(table, e.key)))) as Array<{ updatedAt: number } | undefined>;
    if (rows.some((row, i) => (row?.updatedAt ?? null) !== list[i]!.updatedAt)) return false;
  }
  return true;
}

/** Writes an import, all of it or nothing, provided the data it was planned on has not moved. */
export async function applyImport(writes: Writes, expected: readonly Expectation[]): Promise<Checked<true>> {
  let moved = false;
  const done = await commit(['school', 'campaigns', 'answers', 'sectionNotes', 'actions', 'imports'], async (db) => {
    // Only when there is something to check: a first `await` on a promise that is not Dexie's
    // would lose the transaction (Dexie's zone), and the writes after it would run outside it.
    if (expected.length > 0 && !(await unchangedSince(db, expected))) {
      moved = true;
      throw new Error('changed meanwhile');
    }
    await db.school.bulkPut(writes.school);
    await db.campaigns.bulkPut(writes.campaigns);
    await db.answers.bulkPut(writes.answers);
    await db.sectionNotes.bulkPut(writes.sectionNotes);
    await db.actions.bulkPut(writes.actions);
    await db.imports.bulkPut(writes.imports);
  });
  return moved ? refused(CHANGED_MEANWHILE) : done;
}
