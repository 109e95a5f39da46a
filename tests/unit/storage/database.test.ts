import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { freshDatabase, snapshot } from '../../fixtures/database';
import { DiagnumDB, LATEST_VERSION, schemaVersions } from '../../../src/storage/db';
import { databaseHealth, useDatabase } from '../../../src/storage/connection';
import { readSchool, saveSchool } from '../../../src/storage/school';
import { createCampaign, listCampaigns } from '../../../src/storage/campaigns';
import { fr } from '../../../src/text/fr';
import { listAnswers } from '../../../src/storage/answers';
import { listSectionNotes } from '../../../src/storage/section-notes';
import { listActions } from '../../../src/storage/actions';

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
    expect(result).toEqual({ ok: false, message: fr.storage.outdated });
    expect(await newer.table('campaigns').count()).toBe(0);
    newer.close();
  });

  it('migrates a version 1 database to the current version: every record keeps its data and passes the current schemas', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new DiagnumDB(name, 1);
    const campaignId = 'c0ffee00-0000-4000-8000-000000000001';
    const v1 = { updatedAt: 1, schemaVersion: 1 };
    await old.table('school').add({ id: 'school', name: 'Lycée Jean Jaurès', ...v1 });
    await old.table('campaigns').add({
      id: campaignId, name: 'État initial 2025', date: '2025-10-01', documents: ['dgesco-2010'],
      status: 'closed', createdAt: 1, ...v1,
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
        targets: [], nextAssessment: null, schemaVersion: 3,
      }),
    ]);
    expect(await listAnswers(campaignId)).toEqual([
      expect.objectContaining({ value: { kind: 'number', value: 40 }, comment: 'STSWeb', toCheck: true, carriedOver: false, schemaVersion: 3 }),
    ]);
    expect(await listSectionNotes(campaignId)).toEqual([expect.objectContaining({ text: 'Forces', schemaVersion: 3 })]);
    expect(await readSchool()).toMatchObject({ name: 'Lycée Jean Jaurès', schemaVersion: 3 });
  });

  it('migrates a version 2 database to version 3: members and carried-over answers kept, an empty action plan', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const old = new DiagnumDB(name, 2);
    const campaignId = 'c0ffee00-0000-4000-8000-000000000002';
    const v2 = { updatedAt: 1, schemaVersion: 2 };
    await old.table('campaigns').add({
      id: campaignId, name: 'Réévaluation 2026', date: '2026-10-01', documents: ['occitanie-grille'], status: 'open',
      startedFrom: null, members: ['Mme Martin'], assignments: [{ sectionId: 'occitanie.s1', member: 'Mme Martin' }],
      createdAt: 1, ...v2,
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
      expect.objectContaining({ members: ['Mme Martin'], assignments: [{ sectionId: 'occitanie.s1', member: 'Mme Martin' }], targets: [], nextAssessment: null, schemaVersion: 3 }),
    ]);
    expect(await listAnswers(campaignId)).toEqual([expect.objectContaining({ carriedOver: true, schemaVersion: 3 })]);
    expect(await listActions(campaignId)).toEqual([]);
  });

  it('reports a stored record of an unknown shape instead of showing partial data', async () => {
    const db = freshDatabase();
    await db.campaigns.add({ id: 'broken-0001', name: 42 } as never);
    await expect(listCampaigns()).rejects.toThrow('Unreadable stored record');
  });
});
