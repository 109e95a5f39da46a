// Opening a database filled at version 7 at version 8 (several voices): the tables `positions`,
// `surveys` and `surveyResponses` appear, empty, and nothing else moves. The records are those of
// the format-4 sample (shape 5, evidence and a dossier text included), put in the tables as
// version 7 stored them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnumDB, LATEST_VERSION, type StoreName } from '../../../src/storage/db';
import { databaseHealth } from '../../../src/storage/connection';
import { savePositions } from '../../../src/storage/positions';
import { addResponse, startSurvey } from '../../../src/storage/survey';
import { readSnapshot } from '../../../src/storage/transfer';
import { backupFile, serializeFile } from '../../../src/domain/transfer/build';
import { parseFileBytes } from '../../../src/domain/transfer/read-file';
import { newResponse } from '../../../src/domain/survey/responses';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { fr } from '../../../src/text/fr';
import { filledAtVersion, openLatest, snapshot } from '../../fixtures/database';

type Row = Record<string, unknown>;
const LISTS = ['campaigns', 'answers', 'sectionNotes', 'actions', 'imports', 'evidence', 'dossierTexts'] as const;
const OLD_TABLES = ['school', 'campaigns', 'answers', 'sectionNotes', 'actions', 'imports', 'evidence', 'evidenceFiles', 'dossierTexts'] as const;
const NEW_TABLES = ['positions', 'surveys', 'surveyResponses'] as const;

const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/files/format-v4.json'), 'utf8')) as {
  formatVersion: number;
  data: { school: Row } & Record<Exclude<StoreName, 'school'>, Row[]>;
};

const filledAtVersion7 = () => filledAtVersion(7, sample.data, LISTS);

const EMPTY_NEW_TABLES = ',["positions",[]],["surveys",[]],["surveyResponses",[]]]';

describe('a version 7 database opened at version 8', () => {
  it('is the sample as stored: records of shape 5, evidence and a dossier text, no table of several voices', async () => {
    expect(sample.formatVersion).toBe(4);
    expect(RECORD_SCHEMA_VERSION).toBe(5);
    const { name, before } = await filledAtVersion7();
    expect(Object.keys(before)).toEqual([...OLD_TABLES]);
    expect(Object.fromEntries(Object.entries(before).map(([t, rows]) => [t, rows.length]))).toEqual({
      school: 1, campaigns: 2, answers: 22, sectionNotes: 2, actions: 2, imports: 1, evidence: 2, evidenceFiles: 0, dossierTexts: 1,
    });
    expect(new Set(Object.values(before).flat().map((r) => r.schemaVersion))).toEqual(new Set([5]));
    expect(before.school).toEqual([sample.data.school]);
    for (const table of LISTS) {
      expect(before[table]!.length, table).toBe(sample.data[table].length);
      expect(before[table], table).toEqual(expect.arrayContaining(sample.data[table]));
    }
    const reopened = new DiagnumDB(name, 7);
    await reopened.open();
    expect(reopened.verno).toBe(7);
    expect(reopened.tables.map((t) => t.name)).not.toContain('positions');
    reopened.close();
  });

  it('keeps every record as it was, evidence included, and adds the three tables, empty', async () => {
    const { name, before, text } = await filledAtVersion7();
    const current = await openLatest(name);
    expect(LATEST_VERSION).toBe(8);
    expect(current.verno).toBe(8);
    expect(Math.floor(current.backendDB().version / 10)).toBe(8);
    expect(current.tables.map((t) => t.name)).toEqual([...OLD_TABLES, ...NEW_TABLES]);
    for (const table of OLD_TABLES) {
      // Same records, same order, same fields: version 8 has no upgrade of its own.
      expect(await current.table(table).toArray(), table).toEqual(before[table]);
    }
    for (const table of NEW_TABLES) expect(await current.table(table).count(), table).toBe(0);
    expect(await snapshot(current)).toBe(`${text.slice(0, -1)}${EMPTY_NEW_TABLES}`);
    expect(databaseHealth()).toBe('ok');
    // The indexes the app queries by exist: by campaign, by questionnaire, and the positions by their compound key.
    expect(await current.positions.where('[campaignId+itemId]').equals(['any-campaign', 'occitanie.1.1']).count()).toBe(0);
    expect(await current.positions.where('campaignId').equals('any-campaign').count()).toBe(0);
    expect(await current.surveys.where('campaignId').equals('any-campaign').count()).toBe(0);
    expect(await current.surveyResponses.where('surveyId').equals('any-survey').count()).toBe(0);
  });

  it('takes positions and a questionnaire in the sample’s open campaign, refuses them in its closed one, and exports them', async () => {
    const { name, text } = await filledAtVersion7();
    const current = await openLatest(name);
    const [closed, open] = sample.data.campaigns as [Row, Row];
    expect([closed.status, open.status]).toEqual(['closed', 'open']);
    const level = [{ member: 'Mme Martin', value: { kind: 'level' as const, value: 2 as const } }];

    expect(await savePositions(closed.id as string, 'occitanie.1.1', level)).toEqual({ ok: false, message: fr.storage.closed });
    expect(await startSurvey(closed.id as string, 'teachers')).toEqual({ ok: false, message: fr.storage.closed });
    expect(await snapshot(current)).toBe(`${text.slice(0, -1)}${EMPTY_NEW_TABLES}`);

    expect(await savePositions(open.id as string, 'occitanie.1.1', level)).toEqual({ ok: true, value: level });
    const started = await startSurvey(open.id as string, 'teachers');
    if (!started.ok) throw new Error(started.message);
    expect(await addResponse(started.value.id, newResponse(started.value, [{ itemId: 'dgesco2010.3.6.1.h1', answer: 'regularly' }], '2026-11-03'))).toEqual({
      ok: true,
      value: true,
    });
    expect([await current.positions.count(), await current.surveys.count(), await current.surveyResponses.count()]).toEqual([1, 1, 1]);

    // The migrated database is exported, and its backup is read back with its voices and its evidence.
    const read = parseFileBytes(new TextEncoder().encode(serializeFile(backupFile(await readSnapshot(), { exportId: 'export-migre-0008', exportedAt: '2026-11-06T08:00:00.000Z', appVersion: '0.1.0' }))));
    if (!read.ok) throw new Error(read.message);
    expect(read.value.data.positions).toEqual([expect.objectContaining({ campaignId: open.id, itemId: 'occitanie.1.1', positions: level })]);
    expect(read.value.data.surveys).toEqual([started.value]);
    expect(read.value.data.surveyResponses).toHaveLength(1);
    expect(read.value.data.evidence).toHaveLength(2);
    expect(read.value.data.answers).toHaveLength(22);
  });
});
