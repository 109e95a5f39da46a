import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { freshDatabase, snapshot } from '../../fixtures/database';
import { createCampaign, deleteCampaign, renameCampaign, setTarget } from '../../../src/storage/campaigns';
import { listCampaigns, readCampaign } from '../../../src/storage/campaign-list';
import { saveAnswer, listAnswers } from '../../../src/storage/answers';
import { saveSectionNote, listSectionNotes } from '../../../src/storage/section-notes';
import { CampaignRecordSchema, targetMax, type CampaignInput } from '../../../src/domain/campaigns';
import { checkWith } from '../../../src/domain/result';
import { referentielById } from '../../../src/referentiels';

const aCampaign = (name = 'État initial 2026', date = '2026-10-05'): CampaignInput => ({
  name,
  date,
  documents: ['dgesco-2010', 'occitanie-grille', 'label-lycee-2023'],
});

describe('campaigns', () => {
  it('are created open, with the documents they cover, and listed newest first', async () => {
    freshDatabase();
    const first = await createCampaign({ ...aCampaign('État initial', '2025-10-01'), documents: ['dgesco-2010'] });
    const second = await createCampaign(aCampaign('Réévaluation', '2026-10-01'));
    expect(first.ok && second.ok).toBe(true);
    const list = await listCampaigns();
    expect(list.map((c) => c.name)).toEqual(['Réévaluation', 'État initial']);
    expect(list[1]).toMatchObject({ status: 'open', documents: ['dgesco-2010'], schemaVersion: RECORD_SCHEMA_VERSION });
  });

  it('refuses an empty name, an impossible date or no document, in French, writing nothing', async () => {
    const db = freshDatabase();
    const before = await snapshot(db);
    const cases = [
      { input: aCampaign('   '), message: /obligatoire/ },
      { input: aCampaign('Campagne', '2026-02-30'), message: /n’existe pas/ },
      { input: aCampaign('Campagne', '05/10/2026'), message: /AAAA-MM-JJ/ },
      { input: { ...aCampaign(), documents: [] }, message: /au moins un référentiel/ },
      { input: aCampaign('x'.repeat(201)), message: /200 caractères au plus/ },
    ];
    for (const { input, message } of cases) {
      const result = await createCampaign(input as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
    expect(await snapshot(db)).toBe(before);
  });

  it('are renamed, and a blank new name is refused with the old one kept', async () => {
    freshDatabase();
    const created = await createCampaign(aCampaign());
    if (!created.ok) throw new Error(created.message);
    expect((await renameCampaign(created.value.id, '  Bilan 2026  ')).ok).toBe(true);
    const refused = await renameCampaign(created.value.id, ' ');
    expect(refused.ok).toBe(false);
    expect((await listCampaigns())[0]!.name).toBe('Bilan 2026');
  });

  it('renaming a campaign that no longer exists says so', async () => {
    freshDatabase();
    const result = await renameCampaign('00000000-0000-0000-0000-000000000000', 'Nouveau nom');
    expect(result).toEqual({ ok: false, message: 'Cette campagne n’existe plus.' });
  });

  it('are deleted with their answers and notes, leaving other campaigns untouched', async () => {
    freshDatabase();
    const a = await createCampaign(aCampaign('A'));
    const b = await createCampaign(aCampaign('B'));
    if (!a.ok || !b.ok) throw new Error('setup');
    for (const id of [a.value.id, b.value.id]) {
      expect((await saveAnswer(id, 'occitanie.1.1', { value: { kind: 'level', value: 2 } })).ok).toBe(true);
      expect((await saveSectionNote(id, 'occitanie.s1', 'Points forts : la commission.')).ok).toBe(true);
    }
    expect((await deleteCampaign(a.value.id)).ok).toBe(true);
    expect((await listCampaigns()).map((c) => c.name)).toEqual(['B']);
    expect(await listAnswers(a.value.id)).toEqual([]);
    expect(await listSectionNotes(a.value.id)).toEqual([]);
    expect(await listAnswers(b.value.id)).toHaveLength(1);
    expect(await listSectionNotes(b.value.id)).toHaveLength(1);
  });

  it('keep each target within its axis’s scale: 0 to 3 on an Occitanie area, 0 to 100 on a DGESCO axis', async () => {
    const db = freshDatabase();
    const created = await createCampaign(aCampaign());
    if (!created.ok) throw new Error(created.message);
    const id = created.value.id;
    const area = referentielById('occitanie-grille').parts[0]!.id;
    expect(targetMax(area)).toBe(3);
    expect(targetMax('dgesco2010.3.3')).toBe(100);

    const before = await snapshot(db);
    expect(await setTarget(id, area, 50)).toEqual({ ok: false, message: 'Objectif : un nombre de 0 à 3.', field: 'value' });
    expect(await setTarget(id, 'dgesco2010.3.3', 101)).toEqual({ ok: false, message: 'Objectif : un nombre de 0 à 100.', field: 'value' });
    expect(await setTarget(id, area, -1)).toEqual({ ok: false, message: 'Objectif : un nombre de 0 à 3.', field: 'value' });
    expect(await snapshot(db)).toBe(before);

    expect(await setTarget(id, area, 3)).toEqual({ ok: true, value: true });
    expect(await setTarget(id, 'dgesco2010.3.3', 100)).toEqual({ ok: true, value: true });
    expect((await readCampaign(id))?.targets).toEqual([
      { axis: area, value: 3 },
      { axis: 'dgesco2010.3.3', value: 100 },
    ]);
  });

  it('are refused as records when an instant is out of range or a target out of its scale', async () => {
    freshDatabase();
    const created = await createCampaign(aCampaign());
    if (!created.ok) throw new Error(created.message);
    const record = created.value;
    expect(checkWith(CampaignRecordSchema, record, 'Campagne non valide.')).toEqual({ ok: true, value: record });
    expect(checkWith(CampaignRecordSchema, { ...record, updatedAt: 1e308 }, 'Campagne non valide.')).toEqual({
      ok: false,
      message: 'Horodatage hors des dates possibles, de 2000 à 2100.',
      field: 'updatedAt',
    });
    expect(checkWith(CampaignRecordSchema, { ...record, createdAt: Date.UTC(1999, 11, 31) }, 'Campagne non valide.')).toMatchObject({
      ok: false,
      field: 'createdAt',
    });
    expect(checkWith(CampaignRecordSchema, { ...record, targets: [{ axis: 'occitanie.1', value: 50 }] }, 'Campagne non valide.')).toEqual({
      ok: false,
      message: 'Objectif : un nombre de 0 à 3.',
      field: 'targets.0.value',
    });
  });
});
