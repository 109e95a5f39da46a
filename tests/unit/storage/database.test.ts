import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { freshDatabase, snapshot } from '../../fixtures/database';
import { DiagnumDB, LATEST_VERSION, schemaVersions, type StoreName } from '../../../src/storage/db';
import { databaseHealth, useDatabase } from '../../../src/storage/connection';
import { readSchool, saveSchool } from '../../../src/storage/school';
import {
  addMember,
  assignSection,
  createCampaign,
  setCampaignStatus,
  setTarget,
} from '../../../src/storage/campaigns';
import { listCampaigns } from '../../../src/storage/campaign-list';
import { fr } from '../../../src/text/fr';
import { listAnswers, saveAnswer } from '../../../src/storage/answers';
import { listSectionNotes, saveSectionNote } from '../../../src/storage/section-notes';
import { addAction, listActions } from '../../../src/storage/actions';
import type { Checked } from '../../../src/domain/result';
import { SchoolRecordSchema } from '../../../src/domain/school';
import { CampaignRecordSchema } from '../../../src/domain/campaigns';
import { AnswerRecordSchema } from '../../../src/domain/answers';
import { SectionNoteRecordSchema } from '../../../src/domain/section-notes';
import { ActionRecordSchema } from '../../../src/domain/actions';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { ImportRecordSchema } from '../../../src/domain/transfer/format';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('the database', () => {
  it('declares its versions in increasing order, each with a reason', () => {
    const numbers = schemaVersions.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const v of schemaVersions) expect(v.why.length).toBeGreaterThan(10);
    expect(LATEST_VERSION).toBe(numbers.at(-1));
  });

  it('reports "saved" only once the data is readable from another connection', async () => {
    const db = freshDatabase();
    const result = await saveSchool({ name: 'Lycée Jean Jaurès', uai: '0341234a', academie: 'Montpellier' });
    expect(result.ok).toBe(true);
    const other = new DiagnumDB(db.name);
    expect(await other.school.get('school')).toMatchObject({ name: 'Lycée Jean Jaurès', uai: '0341234A' });
    other.close();
  });

  it('refuses a UAI code that is not 7 digits and a letter, keeping the stored school', async () => {
    const db = freshDatabase();
    await saveSchool({ name: 'Lycée Jean Jaurès' });
    const before = await snapshot(db);
    const result = await saveSchool({ name: 'Lycée Jean Jaurès', uai: '12345' });
    expect(result).toMatchObject({ ok: false, field: 'uai', message: expect.stringContaining('7 chiffres') });
    expect(await snapshot(db)).toBe(before);
    expect((await readSchool())?.uai).toBeUndefined();
  });

  it('turns a full disk into a French message and writes nothing', async () => {
    const db = freshDatabase();
    db.school.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const before = await snapshot(db);
    const result = await saveSchool({ name: 'Lycée Jean Jaurès' });
    expect(result).toEqual({ ok: false, message: fr.storage.quota });
    expect(await snapshot(db)).toBe(before);
  });

  it('stops writing, visibly, once another tab has opened a newer version', async () => {
    const db = freshDatabase();
    await saveSchool({ name: 'Lycée Jean Jaurès' });
    // Another tab, running a newer Diagnum, upgrades the same database.
    const newer = new Dexie(db.name);
    newer.version(LATEST_VERSION + 1).stores({ ...schemaVersions.at(-1)!.stores, extra: 'id' });
    await newer.open();
    expect(databaseHealth()).toBe('outdated');
    const result = await createCampaign({ name: 'Écrite par un onglet périmé', date: '2026-10-01', documents: ['dgesco-2010'] });
    expect(result).toEqual({ ok: false, message: fr.storage.notSaved.outdated });
    expect(await newer.table('campaigns').count()).toBe(0);
    newer.close();
  });

  it('migrates a version 1 database to the current version: every record keeps its data and passes the current schemas', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new DiagnumDB(name, 1);
    const campaignId = 'c0ffee00-0000-4000-8000-000000000001';
    const v1 = { updatedAt: Date.UTC(2025, 9, 1, 8), schemaVersion: 1 };
    await old.table('school').add({ id: 'school', name: 'Lycée Jean Jaurès', ...v1 });
    await old.table('campaigns').add({
      id: campaignId, name: 'État initial 2025', date: '2025-10-01', documents: ['dgesco-2010'],
      status: 'closed', createdAt: Date.UTC(2025, 9, 1, 8), ...v1,
    });
    await old.table('answers').add({
      campaignId, itemId: 'dgesco2010.3.1.teachers', value: { kind: 'number', value: 40 },
      comment: 'STSWeb', toCheck: true, source: '', ...v1,
    });
    await old.table('sectionNotes').add({ campaignId, sectionId: 'dgesco2010.s3.1', text: 'Forces', ...v1 });
    old.close();

    const current = new DiagnumDB(name);
    useDatabase(current);
    await current.open();
    expect(current.verno).toBe(LATEST_VERSION);
    expect(await listCampaigns()).toEqual([
      expect.objectContaining({
        name: 'État initial 2025', status: 'closed', startedFrom: null, members: [], assignments: [],
        targets: [], nextAssessment: null, schemaVersion: RECORD_SCHEMA_VERSION,
      }),
    ]);
    expect(await listAnswers(campaignId)).toEqual([
      expect.objectContaining({ value: { kind: 'number', value: 40 }, comment: 'STSWeb', toCheck: true, carriedOver: false, schemaVersion: RECORD_SCHEMA_VERSION }),
    ]);
    expect(await listSectionNotes(campaignId)).toEqual([expect.objectContaining({ text: 'Forces', schemaVersion: RECORD_SCHEMA_VERSION })]);
    expect(await readSchool()).toMatchObject({ name: 'Lycée Jean Jaurès', schemaVersion: RECORD_SCHEMA_VERSION });
  });

  it('migrates a version 2 database to version 3: members and carried-over answers kept, an empty action plan', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new DiagnumDB(name, 2);
    const campaignId = 'c0ffee00-0000-4000-8000-000000000002';
    const v2 = { updatedAt: Date.UTC(2026, 9, 1, 8), schemaVersion: 2 };
    await old.table('campaigns').add({
      id: campaignId, name: 'Réévaluation 2026', date: '2026-10-01', documents: ['occitanie-grille'], status: 'open',
      startedFrom: null, members: ['Mme Martin'], assignments: [{ sectionId: 'occitanie.s1', member: 'Mme Martin' }],
      createdAt: Date.UTC(2026, 9, 1, 8), ...v2,
    });
    await old.table('answers').add({
      campaignId, itemId: 'occitanie.1.1', value: { kind: 'level', value: 2 }, comment: '', toCheck: false, source: '',
      carriedOver: true, ...v2,
    });
    old.close();
    const current = new DiagnumDB(name);
    useDatabase(current);
    await current.open();
    expect(await listCampaigns()).toEqual([
      expect.objectContaining({ members: ['Mme Martin'], assignments: [{ sectionId: 'occitanie.s1', member: 'Mme Martin' }], targets: [], nextAssessment: null, schemaVersion: RECORD_SCHEMA_VERSION }),
    ]);
    expect(await listAnswers(campaignId)).toEqual([expect.objectContaining({ carriedOver: true, schemaVersion: RECORD_SCHEMA_VERSION })]);
    expect(await listActions(campaignId)).toEqual([]);
  });

  it('reports a stored record of an unknown shape instead of showing partial data', async () => {
    const db = freshDatabase();
    await db.campaigns.add({ id: 'broken-0001', name: 42 } as never);
    await expect(listCampaigns()).rejects.toThrow('Unreadable stored record');
  });

  it('migrates a version 3 database to version 4: every record kept and valid, an empty import log', async () => {
    // Filled by the app's own writers while the database is at version 3 (no `imports` table yet).
    const name = `test-${crypto.randomUUID()}`;
    const old = new DiagnumDB(name, 3);
    useDatabase(old);
    const ok = <T,>(result: Checked<T>): T => {
      if (!result.ok) throw new Error(result.message);
      return result.value;
    };
    ok(await saveSchool({ name: 'Lycée Jean Jaurès', uai: '0341234A', academie: 'Montpellier' }));
    const first = ok(await createCampaign({ name: 'État initial 2025', date: '2025-10-01', documents: ['dgesco-2010', 'occitanie-grille', 'label-lycee-2023'] }));
    ok(await addMember(first.id, 'Mme Martin'));
    ok(await assignSection(first.id, 'occitanie.s1', 'Mme Martin'));
    ok(await saveAnswer(first.id, 'dgesco2010.3.1.teachers', { value: { kind: 'number', value: 87 }, comment: 'STSWeb « rentrée » 🎉' }));
    ok(await saveAnswer(first.id, 'dgesco2010.3.6.1.h1', { value: { kind: 'usage-counts', never: 10, occasionally: 40, regularly: 37 } }));
    ok(await saveAnswer(first.id, 'occitanie.1.1', { value: { kind: 'level', value: 2 }, toCheck: true }));
    ok(await saveAnswer(first.id, 'label2023.A.1', { value: { kind: 'band', band: 'oui' } }));
    ok(await saveSectionNote(first.id, 'dgesco2010.s3.1', 'Forces'));
    ok(await addAction(first.id, { axis: 'occitanie.1', objective: 'Former', action: '', owner: 'Mme Martin', due: '2026-03-01', status: 'prevue' }));
    ok(await setTarget(first.id, 'occitanie.1', 3));
    ok(await setCampaignStatus(first.id, 'closed'));
    // The re-assessment as "Partir de la campagne précédente" wrote it at version 3 (today's writer
    // also reads the evidence table, which version 3 lacks): the DGESCO answers carried over, the
    // open action taken over.
    const second = { ...first, id: 'reevaluation-2026', name: 'Réévaluation 2026', date: '2026-10-01', documents: ['dgesco-2010' as const], status: 'open' as const, startedFrom: first.id };
    await old.campaigns.add(second);
    const carried = (await old.answers.where('campaignId').equals(first.id).toArray()).filter((a) => a.itemId.startsWith('dgesco2010.'));
    await old.answers.bulkAdd(carried.map((a) => ({ ...a, campaignId: second.id, carriedOver: true, toCheck: false })));
    const [open] = await old.actions.where('campaignId').equals(first.id).toArray();
    await old.actions.add({ ...open!, id: 'action-taken-over', campaignId: second.id });
    const before = await snapshot(old);
    const counts = Object.fromEntries(await Promise.all(old.tables.map(async (t) => [t.name, await t.count()] as const)));
    // Two actions: the open one was taken over by the second campaign.
    expect(counts).toEqual({ school: 1, campaigns: 2, answers: 6, sectionNotes: 1, actions: 2 });
    old.close();

    const current = new DiagnumDB(name);
    useDatabase(current);
    await current.open();
    expect(current.verno).toBe(LATEST_VERSION);
    const schemas = { school: SchoolRecordSchema, campaigns: CampaignRecordSchema, answers: AnswerRecordSchema, sectionNotes: SectionNoteRecordSchema, actions: ActionRecordSchema };
    for (const [table, schema] of Object.entries(schemas)) {
      const rows = await current.table(table).toArray();
      expect(rows.length, table).toBe(counts[table]);
      for (const row of rows) expect(schema.safeParse(row).success, `${table}: ${JSON.stringify(row)}`).toBe(true);
    }
    expect(await current.imports.count()).toBe(0);
    // Nothing else moved: the five tables hold the very same records.
    expect(await snapshot(current)).toBe(`${before.slice(0, -1)},["imports",[]],["evidence",[]],["evidenceFiles",[]],["dossierTexts",[]],["positions",[]],["surveys",[]],["surveyResponses",[]]]`);
    expect(await listAnswers(second.id)).toHaveLength(2);
  });

  it('opens a database filled at version 4 (records of shape 3) at version 5: every record valid, same counts, only restamped', async () => {
    // The records exactly as version 4 stored them: the sample its exporter wrote (tables as stored).
    const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/files/format-v1.json'), 'utf8')) as {
      data: { school: Record<string, unknown> } & Record<StoreName, Array<Record<string, unknown>>>;
    };
    const name = `test-${crypto.randomUUID()}`;
    const old = new DiagnumDB(name, 4);
    await old.table('school').put(sample.data.school);
    for (const table of ['campaigns', 'answers', 'sectionNotes', 'actions', 'imports'] as const) await old.table(table).bulkPut(sample.data[table]);
    const matrix = sample.data.answers.find((a) => a.itemId === 'dgesco2010.3.3.4.matrix');
    expect(matrix?.value).toMatchObject({ kind: 'service-matrix', cells: [expect.anything()] });
    const before = Object.fromEntries(await Promise.all(old.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    expect(Object.fromEntries(Object.entries(before).map(([t, rows]) => [t, rows.length]))).toEqual({ school: 1, campaigns: 2, answers: 22, sectionNotes: 2, actions: 1, imports: 1 });
    expect(new Set(Object.values(before).flat().map((r) => (r as { schemaVersion: number }).schemaVersion))).toEqual(new Set([3]));
    old.close();

    const current = new DiagnumDB(name);
    useDatabase(current);
    await current.open();
    expect(current.verno).toBe(LATEST_VERSION);
    const schemas = {
      school: SchoolRecordSchema, campaigns: CampaignRecordSchema, answers: AnswerRecordSchema,
      sectionNotes: SectionNoteRecordSchema, actions: ActionRecordSchema, imports: ImportRecordSchema,
    };
    for (const [table, schema] of Object.entries(schemas)) {
      const rows = await current.table(table).toArray();
      // Same records, same order, nothing but the shape version changed (and, at version 6, each action starts its lineage).
      const lineage = (r: Record<string, unknown>) => (table === 'actions' ? { lineage: r.id, history: [] } : {});
      expect(rows, table).toEqual(before[table]!.map((r) => ({ ...r, ...lineage(r), schemaVersion: RECORD_SCHEMA_VERSION })));
      for (const row of rows) expect(schema.safeParse(row).success, `${table}: ${JSON.stringify(row)}`).toBe(true);
    }
    // The app reads them: the 3.3.4 table of shape 3 (no `absent`) included.
    expect(await listAnswers(sample.data.campaigns[0]!.id as string)).toContainEqual(expect.objectContaining({ itemId: 'dgesco2010.3.3.4.matrix', value: matrix!.value }));
  });

  it('opens a database filled at version 5 (records of shape 4) at version 6: each action starts its own lineage, nothing else moves', async () => {
    const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/files/format-v2.json'), 'utf8')) as {
      data: { school: Record<string, unknown> } & Record<StoreName, Array<Record<string, unknown>>>;
    };
    const name = `test-${crypto.randomUUID()}`;
    const old = new DiagnumDB(name, 5);
    await old.table('school').put(sample.data.school);
    for (const table of ['campaigns', 'answers', 'sectionNotes', 'actions', 'imports'] as const) await old.table(table).bulkPut(sample.data[table]);
    const before = Object.fromEntries(await Promise.all(old.tables.map(async (t) => [t.name, await t.toArray()] as const)));
    expect(new Set(Object.values(before).flat().map((r) => (r as { schemaVersion: number }).schemaVersion))).toEqual(new Set([4]));
    expect(before.actions).toHaveLength(1);
    old.close();

    const current = new DiagnumDB(name);
    useDatabase(current);
    await current.open();
    expect(current.verno).toBe(LATEST_VERSION);
    const [action] = await current.actions.toArray();
    expect(action).toEqual({ ...before.actions![0], lineage: before.actions![0]!.id, history: [], schemaVersion: 5 });
    for (const table of ['school', 'campaigns', 'answers', 'sectionNotes', 'imports']) {
      expect(await current.table(table).toArray(), table).toEqual(before[table]!.map((r) => ({ ...r, schemaVersion: 5 })));
    }
    // The app reads the action and can take it over (its status is open in the sample or not: read either way).
    expect(await listActions(sample.data.actions[0]!.campaignId as string)).toEqual([expect.objectContaining({ lineage: action!.id })]);
  });

  it('repairs, while opening at version 5, what an earlier import stored and the schemas now refuse: implausible instants, targets off their scale', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new DiagnumDB(name, 4);
    const good = Date.UTC(2026, 9, 5, 9);
    const campaignId = 'c0ffee00-0000-4000-8000-000000000005';
    const shape3 = { schemaVersion: 3 };
    await old.table('school').add({ id: 'school', name: 'Lycée Jean Jaurès', updatedAt: Date.UTC(1999, 11, 31), ...shape3 });
    await old.table('campaigns').add({
      id: campaignId, name: 'Importée', date: '2026-10-01', documents: ['dgesco-2010', 'occitanie-grille'], status: 'open',
      startedFrom: null, members: [], assignments: [], nextAssessment: null,
      targets: [
        { axis: 'occitanie.1', value: 3 }, { axis: 'occitanie.2', value: 80 }, { axis: 'dgesco2010.3.3', value: 80 },
        { axis: 'dgesco2010.3.4', value: 250 }, { axis: 'dgesco2010.3.5', value: -1 },
      ],
      createdAt: 1, updatedAt: Date.UTC(2100, 0, 1), ...shape3,
    });
    const answer = { campaignId, value: { kind: 'yes-no', value: true }, comment: '', toCheck: false, source: '', carriedOver: false, ...shape3 };
    await old.table('answers').bulkAdd([
      { ...answer, itemId: 'dgesco2010.3.3.1.1', updatedAt: 1e15 },
      { ...answer, itemId: 'dgesco2010.3.3.1.2', updatedAt: 1.5e12 + 0.5 },
      { ...answer, itemId: 'dgesco2010.3.3.1.3', updatedAt: good },
    ]);
    await old.table('sectionNotes').add({ campaignId, sectionId: 'dgesco2010.s3.3.1', text: 'Forces', updatedAt: -5, ...shape3 });
    await old.table('actions').add({
      id: 'action-00000001', campaignId, axis: 'dgesco2010.3.3', objective: 'Former', action: '', owner: '', due: null, status: 'prevue',
      createdAt: good, updatedAt: 0, ...shape3,
    });
    await old.table('imports').add({ id: 'export-ancien-0001', kind: 'contribution', contributor: 'M. Durand', exportedAt: '2026-10-05T09:00:00.000Z', importedAt: Date.UTC(3000, 0, 1), ...shape3 });
    old.close();

    const start = Date.now();
    const current = new DiagnumDB(name);
    useDatabase(current);
    await current.open();
    const end = Date.now();
    const repaired = expect.toSatisfy((ms: number) => Number.isInteger(ms) && ms >= start && ms <= end);

    expect(await readSchool()).toMatchObject({ updatedAt: repaired, schemaVersion: RECORD_SCHEMA_VERSION });
    const [campaign] = await listCampaigns();
    expect(campaign).toMatchObject({ createdAt: repaired, updatedAt: repaired, schemaVersion: RECORD_SCHEMA_VERSION });
    // Within their axis's scale (0–3 for an Occitanie area, 0–100 for DGESCO): kept; the others dropped.
    expect(campaign!.targets).toEqual([{ axis: 'occitanie.1', value: 3 }, { axis: 'dgesco2010.3.3', value: 80 }]);
    const answers = await listAnswers(campaignId);
    expect(Object.fromEntries(answers.map((a) => [a.itemId, a.updatedAt]))).toEqual({
      'dgesco2010.3.3.1.1': repaired, 'dgesco2010.3.3.1.2': repaired, 'dgesco2010.3.3.1.3': good,
    });
    expect(await listSectionNotes(campaignId)).toEqual([expect.objectContaining({ text: 'Forces', updatedAt: repaired })]);
    expect(await listActions(campaignId)).toEqual([expect.objectContaining({ createdAt: good, updatedAt: repaired })]);
    const [imported] = await current.imports.toArray();
    expect(imported).toMatchObject({ importedAt: repaired });
    expect(ImportRecordSchema.safeParse(imported).success).toBe(true);
  });
});

describe('a database deleted under the open page', () => {
  it('says the data is gone (not that it is kept), and refuses every write from then on', async () => {
    const db = freshDatabase();
    await saveSchool({ name: 'Lycée Jean Jaurès' });
    // Another tab deletes the database (its recovery screen, or the browser's own tools).
    await Dexie.delete(db.name);
    expect(databaseHealth()).toBe('lost');
    const result = await createCampaign({ name: 'Après la suppression', date: '2026-10-01', documents: ['dgesco-2010'] });
    expect(result).toEqual({ ok: false, message: fr.storage.notSaved.lost });
    // Final for this page: a reopened, empty database does not make it look healthy again.
    await db.open().catch(() => undefined);
    expect(databaseHealth()).toBe('lost');
  });
});
