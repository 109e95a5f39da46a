// Evidence and the label dossier's texts in a real (fake-indexeddb) database: added, linked,
// described again, confirmed after a carry-over, deleted; a closed campaign refuses each of these
// and writes nothing; the campaign's own operations (start from, duplicate, delete and undo) take
// its evidence and texts along.
import { describe, expect, it } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import {
  createCampaign,
  deleteCampaign,
  duplicateCampaign,
  restoreCampaign,
  setCampaignStatus,
  startFromPrevious,
} from '../../../src/storage/campaigns';
import {
  addEvidence,
  confirmEvidence,
  deleteEvidence,
  linkEvidence,
  saveDossierText,
  updateEvidence,
} from '../../../src/storage/evidence';
import { readSnapshot } from '../../../src/storage/transfer';
import { backupFile, serializeFile } from '../../../src/domain/transfer/build';
import { parseFileBytes } from '../../../src/domain/transfer/read-file';
import type { Checked } from '../../../src/domain/result';
import type { EvidenceInput, EvidenceRecord } from '../../../src/domain/evidence';
import { MAX_DOSSIER_TEXT } from '../../../src/domain/dossier-texts';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { fr } from '../../../src/text/fr';

const GONE = 'Cette preuve n’existe plus.';
const DOCUMENTS = ['dgesco-2010', 'label-lycee-2023'] as const;

function ok<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const project: EvidenceInput = {
  title: 'Projet d’établissement 2025-2028, volet « numérique »',
  date: '2025-06-20',
  shows: 'Le numérique est un axe du projet, voté en CA 🎉',
  where: 'ENT > Documents officiels',
};
const binder: EvidenceInput = { title: 'Classeur <b>chartes</b>', date: null, shows: '', where: 'Secrétariat, armoire 2' };

const evidenceOfCampaign = async (campaignId: string) => (await readSnapshot()).evidence.filter((e) => e.campaignId === campaignId);
const textsOfCampaign = async (campaignId: string) => (await readSnapshot()).dossierTexts.filter((t) => t.campaignId === campaignId);
const storedEvidence = async (id: string) => (await readSnapshot()).evidence.find((e) => e.id === id);

async function aCampaign(name = 'État initial 2025', date = '2025-10-01') {
  return ok(await createCampaign({ name, date, documents: [...DOCUMENTS] }));
}

describe('evidence of a campaign', () => {
  it('is added linked to the item it was added from, trimmed, and listed with its campaign', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    const before = Date.now();
    const added = ok(await addEvidence(campaign.id, { ...project, title: `  ${project.title} ` }, 'label2023.A.1'));
    expect(added).toEqual({
      ...project,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      campaignId: campaign.id,
      kind: 'reference',
      file: null,
      links: ['label2023.A.1'],
      toReview: false,
      createdAt: expect.toSatisfy((ms: number) => ms >= before && ms <= Date.now()),
      updatedAt: added.createdAt,
      schemaVersion: RECORD_SCHEMA_VERSION,
    });
    expect((await readSnapshot()).evidence).toEqual([added]);
    // The bundle a deletion keeps holds it as well.
    const bundle = ok(await deleteCampaign(campaign.id));
    expect(bundle.evidence).toEqual([added]);
  });

  it('refuses an input with no title, writing nothing', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const before = await snapshot(db);
    expect(await addEvidence(campaign.id, { ...project, title: ' ' }, 'label2023.A.1')).toEqual({
      ok: false,
      message: 'Titre : ce champ est obligatoire.',
      field: 'title',
    });
    expect(await addEvidence(campaign.id, { ...project, date: '2025-02-30' }, 'label2023.A.1')).toMatchObject({
      ok: false,
      message: 'Date : cette date n’existe pas.',
    });
    expect(await snapshot(db)).toBe(before);
  });

  it('is linked to a second item, never twice, then unlinked, its description untouched', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    const added = ok(await addEvidence(campaign.id, project, 'label2023.A.1'));
    expect(await linkEvidence(added.id, 'dgesco2010.3.3.1.1', true)).toEqual({ ok: true, value: true });
    expect((await storedEvidence(added.id))?.links).toEqual(['label2023.A.1', 'dgesco2010.3.3.1.1']);
    ok(await linkEvidence(added.id, 'dgesco2010.3.3.1.1', true));
    expect((await storedEvidence(added.id))?.links).toEqual(['label2023.A.1', 'dgesco2010.3.3.1.1']);
    ok(await linkEvidence(added.id, 'dgesco2010.s3.2', true));
    expect(await linkEvidence(added.id, 'label2023.A.1', false)).toEqual({ ok: true, value: true });
    const stored = await storedEvidence(added.id);
    expect(stored).toEqual({ ...added, links: ['dgesco2010.3.3.1.1', 'dgesco2010.s3.2'], updatedAt: expect.any(Number) });
    expect(stored!.updatedAt).toBeGreaterThanOrEqual(added.updatedAt);
  });

  it('is described again (trimmed), keeping its id, links and creation', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    const added = ok(await addEvidence(campaign.id, project, 'label2023.A.1'));
    ok(await linkEvidence(added.id, 'dgesco2010.3.3.1.1', true));
    expect(await updateEvidence(added.id, { title: ' Projet d’établissement 2026-2029 ', date: null, shows: 'Adopté', where: ' Salle des professeurs ' })).toEqual({
      ok: true,
      value: true,
    });
    expect(await storedEvidence(added.id)).toEqual({
      ...added,
      title: 'Projet d’établissement 2026-2029',
      date: null,
      shows: 'Adopté',
      where: 'Salle des professeurs',
      links: ['label2023.A.1', 'dgesco2010.3.3.1.1'],
      updatedAt: expect.toSatisfy((ms: number) => ms >= added.updatedAt),
    });
    // An invalid description is refused whole.
    const stored = await storedEvidence(added.id);
    expect(await updateEvidence(added.id, { ...project, title: '' })).toMatchObject({ ok: false, message: 'Titre : ce champ est obligatoire.' });
    expect(await storedEvidence(added.id)).toEqual(stored);
  });

  it('once deleted, is gone: a change or a second deletion says so and writes nothing', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const kept = ok(await addEvidence(campaign.id, binder, 'dgesco2010.s3.2'));
    const added = ok(await addEvidence(campaign.id, project, 'label2023.A.1'));
    expect(await deleteEvidence(added.id)).toEqual({ ok: true, value: true });
    expect((await readSnapshot()).evidence).toEqual([kept]);
    const before = await snapshot(db);
    expect(await deleteEvidence(added.id)).toEqual({ ok: false, message: GONE });
    expect(await updateEvidence(added.id, binder)).toEqual({ ok: false, message: GONE });
    expect(await linkEvidence(added.id, 'dgesco2010.3.3.1.1', true)).toEqual({ ok: false, message: GONE });
    expect(await confirmEvidence(added.id)).toEqual({ ok: false, message: GONE });
    expect(await snapshot(db)).toBe(before);
  });

  it('cannot be added to a campaign that no longer exists', async () => {
    const db = freshDatabase();
    const before = await snapshot(db);
    expect(await addEvidence('00000000-0000-4000-8000-000000000000', project, 'label2023.A.1')).toEqual({ ok: false, message: fr.storage.notFound });
    expect(await saveDossierText('00000000-0000-4000-8000-000000000000', 'a7-argumentaire', 'Texte')).toEqual({ ok: false, message: fr.storage.notFound });
    expect(await snapshot(db)).toBe(before);
  });
});

describe('the texts of the label dossier', () => {
  it('are saved per campaign and text, a second save replacing the first', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    const other = await aCampaign('Autre campagne', '2025-11-01');
    ok(await saveDossierText(campaign.id, 'a7-argumentaire', 'Première version.'));
    ok(await saveDossierText(campaign.id, 'c23-projets', 'Projet 1 : la webradio.'));
    ok(await saveDossierText(other.id, 'a7-argumentaire', 'Celle de l’autre campagne.'));
    expect(await saveDossierText(campaign.id, 'a7-argumentaire', 'Argumentaire :\n« loRdi » en classe.')).toEqual({ ok: true, value: true });
    const texts = await textsOfCampaign(campaign.id);
    expect(texts.map(({ textId, text }) => [textId, text])).toEqual([
      ['a7-argumentaire', 'Argumentaire :\n« loRdi » en classe.'],
      ['c23-projets', 'Projet 1 : la webradio.'],
    ]);
    expect(texts[0]).toEqual({ campaignId: campaign.id, textId: 'a7-argumentaire', text: 'Argumentaire :\n« loRdi » en classe.', updatedAt: expect.any(Number), schemaVersion: RECORD_SCHEMA_VERSION });
    expect((await textsOfCampaign(other.id)).map((t) => t.text)).toEqual(['Celle de l’autre campagne.']);
  });

  it('take 8,000 characters, and refuse one more, keeping the text stored before', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    expect(MAX_DOSSIER_TEXT).toBe(8000);
    ok(await saveDossierText(campaign.id, 'c23-projets', 'Projet 1 : la webradio.'));
    const before = await snapshot(db);
    const result = await saveDossierText(campaign.id, 'c23-projets', 'é'.repeat(8001));
    // 8 000 written the French way, with a narrow no-break space.
    expect(result).toMatchObject({ ok: false, message: 'Texte du dossier : 8\u202f000 caractères au plus.' });
    expect(await saveDossierText(campaign.id, 'inr-proposition', 'x'.repeat(8001))).toMatchObject({ ok: false });
    expect(await snapshot(db)).toBe(before);
    expect((await textsOfCampaign(campaign.id)).map((t) => t.text)).toEqual(['Projet 1 : la webradio.']);

    expect(await saveDossierText(campaign.id, 'c23-projets', 'é'.repeat(8000))).toEqual({ ok: true, value: true });
    expect((await textsOfCampaign(campaign.id)).map((t) => t.text.length)).toEqual([8000]);
  });
});

/**
 * A campaign started from a previous one (whose two pieces of evidence it took over "à revoir"),
 * with a piece of its own and two texts, then closed.
 */
async function aClosedCampaign() {
  const db = freshDatabase();
  const previous = await aCampaign();
  const planned = ok(await addEvidence(previous.id, project, 'label2023.A.1'));
  ok(await linkEvidence(planned.id, 'dgesco2010.3.3.1.1', true));
  ok(await addEvidence(previous.id, binder, 'dgesco2010.s3.2'));
  const campaign = ok(await startFromPrevious(previous.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents: [...DOCUMENTS] }));
  const [carried] = await evidenceOfCampaign(campaign.id);
  expect(carried?.toReview).toBe(true);
  const own = ok(await addEvidence(campaign.id, { ...binder, title: 'Statistiques ENT' }, 'dgesco2010.3.3.1.1'));
  ok(await saveDossierText(campaign.id, 'a7-argumentaire', 'Argumentaire'));
  ok(await setCampaignStatus(campaign.id, 'closed'));
  return { db, id: campaign.id, carriedId: carried!.id, ownId: own.id };
}

type Case = [string, (c: { id: string; carriedId: string; ownId: string }) => Promise<Checked<unknown>>];

const writes: Case[] = [
  ['addEvidence', ({ id }) => addEvidence(id, { ...project, title: 'Charte' }, 'label2023.A.1')],
  ['updateEvidence', ({ ownId }) => updateEvidence(ownId, { ...binder, title: 'Statistiques ENT, mars' })],
  ['linkEvidence (link)', ({ ownId }) => linkEvidence(ownId, 'label2023.A.1', true)],
  ['linkEvidence (unlink)', ({ carriedId }) => linkEvidence(carriedId, 'label2023.A.1', false)],
  ['confirmEvidence', ({ carriedId }) => confirmEvidence(carriedId)],
  ['deleteEvidence', ({ ownId }) => deleteEvidence(ownId)],
  ['saveDossierText', ({ id }) => saveDossierText(id, 'a7-argumentaire', 'Autre argumentaire')],
];

describe('a closed campaign’s evidence and texts', () => {
  it.each(writes)('refuse %s, writing nothing, and take it once reopened', async (_name, write) => {
    const { db, ...campaign } = await aClosedCampaign();
    const before = await snapshot(db);
    expect(await write(campaign)).toEqual({ ok: false, message: fr.storage.closed });
    expect(await snapshot(db)).toBe(before);

    ok(await setCampaignStatus(campaign.id, 'open'));
    const reopened = await snapshot(db);
    expect(await write(campaign)).toMatchObject({ ok: true });
    expect(await snapshot(db)).not.toBe(reopened);
  });
});

describe('evidence backs only what its campaign covers', () => {
  it('refuses a link to an item outside the campaign’s documents or unknown, writing nothing', async () => {
    const db = freshDatabase();
    const dgescoOnly = ok(await createCampaign({ name: 'DGESCO seul', date: '2025-10-01', documents: ['dgesco-2010'] }));
    const before = await snapshot(db);
    expect(await addEvidence(dgescoOnly.id, project, 'label2023.A.1')).toEqual({ ok: false, message: 'Cette question n’est pas dans les référentiels de la campagne.' });
    expect(await snapshot(db)).toBe(before);
    const added = ok(await addEvidence(dgescoOnly.id, project, 'dgesco2010.3.3.1.1'));
    const stored = await snapshot(db);
    expect(await linkEvidence(added.id, 'label2023.A.1', true)).toEqual({ ok: false, message: 'Cette question n’est pas dans les référentiels de la campagne.' });
    expect(await linkEvidence(added.id, 'zz.nope', true)).toEqual({ ok: false, message: 'Question ou section inconnue : zz.nope.' });
    expect(await snapshot(db)).toBe(stored);
  });

  it('a re-assessment with fewer documents leaves their links behind, and the school’s backup still imports', async () => {
    freshDatabase();
    const previous = await aCampaign();
    const planned = ok(await addEvidence(previous.id, project, 'label2023.A.1'));
    ok(await linkEvidence(planned.id, 'dgesco2010.3.3.1.1', true));
    ok(await addEvidence(previous.id, binder, 'label2023.A.2'));
    const next = ok(await startFromPrevious(previous.id, { name: 'DGESCO 2026', date: '2026-10-01', documents: ['dgesco-2010'] }));
    const carried = await evidenceOfCampaign(next.id);
    expect(carried.map((e) => [e.title, e.links])).toEqual([[project.title, ['dgesco2010.3.3.1.1']]]);
    const file = backupFile(await readSnapshot(), { exportId: 'export-2026-0001', exportedAt: '2026-10-05T09:00:00.000Z', appVersion: 'test' });
    expect(parseFileBytes(new TextEncoder().encode(serializeFile(file))).ok).toBe(true);
  });
});

describe('evidence and texts from one campaign to the next', () => {
  it('start from the previous campaign: the evidence is taken over "à revoir" with new ids, the texts are not', async () => {
    freshDatabase();
    const previous = await aCampaign();
    const planned = ok(await addEvidence(previous.id, project, 'label2023.A.1'));
    ok(await linkEvidence(planned.id, 'dgesco2010.3.3.1.1', true));
    ok(await addEvidence(previous.id, binder, 'dgesco2010.s3.2'));
    ok(await saveDossierText(previous.id, 'a7-argumentaire', 'Argumentaire 2025'));
    ok(await setCampaignStatus(previous.id, 'closed'));
    const last = await evidenceOfCampaign(previous.id);

    const next = ok(await startFromPrevious(previous.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents: [...DOCUMENTS] }));
    const carried = (await evidenceOfCampaign(next.id)).sort((a, b) => a.title.localeCompare(b.title, 'fr'));
    expect(carried).toHaveLength(2);
    const byTitle = (list: EvidenceRecord[], title: string) => list.find((e) => e.title === title)!;
    for (const title of [project.title, binder.title]) {
      const old = byTitle(last, title);
      const taken = byTitle(carried, title);
      expect(taken).toEqual({ ...old, id: expect.any(String), campaignId: next.id, toReview: true, createdAt: next.createdAt, updatedAt: next.createdAt });
      expect(taken.id).not.toBe(old.id);
    }
    expect(byTitle(carried, project.title).links).toEqual(['label2023.A.1', 'dgesco2010.3.3.1.1']);
    // The texts stay with their campaign; last year's evidence is left as it was.
    expect(await textsOfCampaign(next.id)).toEqual([]);
    expect((await textsOfCampaign(previous.id)).map((t) => t.text)).toEqual(['Argumentaire 2025']);
    expect(await evidenceOfCampaign(previous.id)).toEqual(last);

    // "Toujours valable": the mark goes, on that piece only, nothing else moves.
    const taken = byTitle(carried, project.title);
    expect(await confirmEvidence(taken.id)).toEqual({ ok: true, value: true });
    expect(await storedEvidence(taken.id)).toEqual({ ...taken, toReview: false, updatedAt: expect.toSatisfy((ms: number) => ms >= taken.updatedAt) });
    expect((await storedEvidence(byTitle(carried, binder.title).id))?.toReview).toBe(true);
  });

  it('duplicate the campaign: evidence copied with new ids and its marks, texts copied', async () => {
    const { id } = await aClosedCampaign();
    const source = await evidenceOfCampaign(id);
    const copy = ok(await duplicateCampaign(id, 'Copie de travail'));
    const copied = await evidenceOfCampaign(copy.id);
    const strip = ({ id: _id, campaignId: _c, ...rest }: EvidenceRecord) => rest;
    expect(copied.map(strip).sort((a, b) => a.createdAt - b.createdAt || a.title.localeCompare(b.title))).toEqual(
      source.map(strip).sort((a, b) => a.createdAt - b.createdAt || a.title.localeCompare(b.title)),
    );
    expect(copied.filter((e) => e.toReview)).toHaveLength(2);
    for (const e of copied) expect(source.map((s) => s.id)).not.toContain(e.id);
    expect((await textsOfCampaign(copy.id)).map(({ textId, text }) => [textId, text])).toEqual([['a7-argumentaire', 'Argumentaire']]);
  });

  it('delete the campaign with its evidence and texts, and undo puts them back exactly', async () => {
    const { db, id } = await aClosedCampaign();
    // Another campaign's records are left alone.
    const other = await aCampaign('Autre campagne', '2027-10-01');
    const otherEvidence = ok(await addEvidence(other.id, binder, 'dgesco2010.s3.2'));
    ok(await saveDossierText(other.id, 'inr-proposition', 'La webradio'));
    ok(await saveDossierText(other.id, 'c23-projets', 'Projet'));
    const before = await snapshot(db);
    const stored = await evidenceOfCampaign(id);
    const texts = await textsOfCampaign(id);
    expect(stored).toHaveLength(3);

    const bundle = ok(await deleteCampaign(id));
    expect(bundle.evidence).toEqual(expect.arrayContaining(stored));
    expect(bundle.evidence).toHaveLength(3);
    expect(bundle.texts).toEqual(texts);
    expect(await evidenceOfCampaign(id)).toEqual([]);
    expect(await textsOfCampaign(id)).toEqual([]);
    expect((await readSnapshot()).evidence).toEqual(expect.arrayContaining([otherEvidence]));
    expect(await textsOfCampaign(other.id)).toHaveLength(2);

    expect(await restoreCampaign(bundle)).toEqual({ ok: true, value: true });
    expect(await snapshot(db)).toBe(before);
  });
});
