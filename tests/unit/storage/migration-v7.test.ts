// Opening a database filled at version 6 at version 7 (the label dossier): the tables `evidence`
// and `dossierTexts` appear, empty, and nothing else moves. The records are those of the format-3
// sample (shape 5), put in the tables as version 6 stored them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnumDB, LATEST_VERSION, type StoreName } from '../../../src/storage/db';
import { databaseHealth } from '../../../src/storage/connection';
import { addEvidence, saveDossierText } from '../../../src/storage/evidence';
import { startFromPrevious } from '../../../src/storage/campaigns';
import { listCampaigns } from '../../../src/storage/campaign-list';
import { readSnapshot } from '../../../src/storage/transfer';
import { backupFile, serializeFile } from '../../../src/domain/transfer/build';
import { parseFileBytes } from '../../../src/domain/transfer/read-file';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import type { EvidenceInput } from '../../../src/domain/evidence';
import { fr } from '../../../src/text/fr';
import { filledAtVersion, openLatest, snapshot } from '../../fixtures/database';

type Row = Record<string, unknown>;
const LISTS = ['campaigns', 'answers', 'sectionNotes', 'actions', 'imports'] as const;
const OLD_TABLES = ['school', ...LISTS] as const;

const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/files/format-v3.json'), 'utf8')) as {
  formatVersion: number;
  data: { school: Row } & Record<Exclude<StoreName, 'school'>, Row[]>;
};

const charter: EvidenceInput = { title: 'Charte d’usage du numérique', date: '2026-09-15', shows: 'Signée à la rentrée', where: 'ENT > Vie scolaire' };

const filledAtVersion6 = () => filledAtVersion(6, sample.data, LISTS);

describe('a version 6 database opened at version 7', () => {
  it('is the sample as stored: records of shape 5, six tables, no evidence table', async () => {
    expect(sample.formatVersion).toBe(3);
    expect(RECORD_SCHEMA_VERSION).toBe(5);
    const { name, before } = await filledAtVersion6();
    expect(Object.keys(before)).toEqual([...OLD_TABLES]);
    expect(Object.fromEntries(Object.entries(before).map(([t, rows]) => [t, rows.length]))).toEqual({
      school: 1, campaigns: 2, answers: 22, sectionNotes: 2, actions: 2, imports: 1,
    });
    expect(new Set(Object.values(before).flat().map((r) => r.schemaVersion))).toEqual(new Set([5]));
    // What version 6 stored is the sample itself.
    expect(before.school).toEqual([sample.data.school]);
    for (const table of LISTS) {
      expect(before[table]!.length, table).toBe(sample.data[table].length);
      expect(before[table], table).toEqual(expect.arrayContaining(sample.data[table]));
    }
    const reopened = new DiagnumDB(name, 6);
    await reopened.open();
    expect(reopened.verno).toBe(6);
    expect(reopened.tables.map((t) => t.name)).not.toContain('evidence');
    reopened.close();
  });

  it('keeps every record as it was and adds the two tables of the dossier, empty', async () => {
    const { name, before, text } = await filledAtVersion6();
    const current = await openLatest(name);
    // Opened at the latest version (8 adds the tables of several voices, empty too).
    expect(current.verno).toBe(LATEST_VERSION);
    expect(Math.floor(current.backendDB().version / 10)).toBe(LATEST_VERSION);
    expect(current.tables.map((t) => t.name)).toEqual([...OLD_TABLES, 'evidence', 'evidenceFiles', 'dossierTexts', 'positions', 'surveys', 'surveyResponses']);
    for (const table of OLD_TABLES) {
      // Same records, same order, same fields: version 7 has no upgrade of its own.
      expect(await current.table(table).toArray(), table).toEqual(before[table]);
    }
    expect(await current.evidence.count()).toBe(0);
    expect(await current.dossierTexts.count()).toBe(0);
    expect(await snapshot(current)).toBe(`${text.slice(0, -1)},["evidence",[]],["evidenceFiles",[]],["dossierTexts",[]],["positions",[]],["surveys",[]],["surveyResponses",[]]]`);
    expect(databaseHealth()).toBe('ok');
    // The indexes the app queries by exist: by campaign, and the texts by their compound key.
    expect(await current.evidence.where('campaignId').equals('any-campaign').count()).toBe(0);
    expect(await current.dossierTexts.where('[campaignId+textId]').equals(['any-campaign', 'a7-argumentaire']).count()).toBe(0);
  });

  it('takes evidence and a dossier text in the sample’s open campaign, and refuses them in its closed one', async () => {
    const { name, text } = await filledAtVersion6();
    const current = await openLatest(name);
    // The sample: the first campaign closed, the second, started from it, open.
    const [closed, open] = sample.data.campaigns as [Row, Row];
    expect([closed.status, open.status]).toEqual(['closed', 'open']);
    expect((await listCampaigns()).map((c) => [c.id, c.status])).toEqual([
      [open.id, 'open'],
      [closed.id, 'closed'],
    ]);

    expect(await addEvidence(closed.id as string, charter, 'label2023.A.1')).toEqual({ ok: false, message: fr.storage.closed });
    expect(await saveDossierText(closed.id as string, 'a7-argumentaire', 'Argumentaire')).toEqual({ ok: false, message: fr.storage.closed });
    expect(await snapshot(current)).toBe(`${text.slice(0, -1)},["evidence",[]],["evidenceFiles",[]],["dossierTexts",[]],["positions",[]],["surveys",[]],["surveyResponses",[]]]`);

    const added = await addEvidence(open.id as string, charter, 'label2023.A.1');
    if (!added.ok) throw new Error(added.message);
    expect(await current.evidence.toArray()).toEqual([added.value]);
    expect(added.value).toMatchObject({ campaignId: open.id, links: ['label2023.A.1'], toReview: false, schemaVersion: RECORD_SCHEMA_VERSION });
    expect(await saveDossierText(open.id as string, 'c23-projets', 'Projet 1 : la webradio.')).toEqual({ ok: true, value: true });
    expect(await current.dossierTexts.toArray()).toEqual([expect.objectContaining({ campaignId: open.id, textId: 'c23-projets', text: 'Projet 1 : la webradio.' })]);

    // The migrated database is exported, and its backup is read back, evidence included.
    const read = parseFileBytes(new TextEncoder().encode(serializeFile(backupFile(await readSnapshot(), { exportId: 'export-migre-0001', exportedAt: '2026-10-06T08:00:00.000Z', appVersion: '0.1.0' }))));
    if (!read.ok) throw new Error(read.message);
    expect(read.value.data.evidence).toEqual([added.value]);
    expect(read.value.data.answers).toHaveLength(22);
  });

  it('lets the next campaign start from the migrated one (no evidence to take over yet)', async () => {
    const { name } = await filledAtVersion6();
    const current = await openLatest(name);
    const open = sample.data.campaigns[1]!;
    const next = await startFromPrevious(open.id as string, { name: 'Réévaluation 2027', date: '2027-10-01', documents: ['dgesco-2010', 'occitanie-grille', 'label-lycee-2023'] });
    if (!next.ok) throw new Error(next.message);
    expect(await current.evidence.count()).toBe(0);
    const answered = sample.data.answers.filter((a) => a.campaignId === open.id && a.value !== null);
    expect(answered.length).toBeGreaterThan(0);
    expect(await current.answers.where('campaignId').equals(next.value.id).count()).toBe(answered.length);
  });
});
