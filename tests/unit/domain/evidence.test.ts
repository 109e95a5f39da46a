// Evidence and the label dossier's texts, in the domain: the input a person types, the links of a
// piece of evidence, its carry-over to the next campaign, and every check a file's evidence and
// texts go through before anything is written (format 4).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  carryOverEvidence,
  checkEvidenceInput,
  evidenceOf,
  withLink,
  EvidenceRecordSchema,
  type EvidenceRecord,
} from '../../../src/domain/evidence';
import { sectionOfTarget, targetProblem } from '../../../src/domain/evidence-targets';
import { DOSSIER_TEXTS, DossierTextRecordSchema, MAX_DOSSIER_TEXT } from '../../../src/domain/dossier-texts';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { parseFileBytes } from '../../../src/domain/transfer/read-file';
import { serializeFile } from '../../../src/domain/transfer/build';
import { FORMAT_VERSION, type DiagnumFile } from '../../../src/domain/transfer/format';
import { backupOf, buildHistory, contributionOf } from '../../fixtures/history';

const encoder = new TextEncoder();
const history = buildHistory({ campaigns: 2 });
const [first, second] = history.campaigns as [(typeof history.campaigns)[0], (typeof history.campaigns)[0]];

const evidence = (id: string, createdAt: number, links: string[]): EvidenceRecord => ({
  id,
  campaignId: 'campagne-2025-0001',
  kind: 'reference',
  file: null,
  title: `Preuve ${id}`,
  date: null,
  shows: '',
  where: '',
  links,
  toReview: false,
  createdAt,
  updatedAt: createdAt,
  schemaVersion: RECORD_SCHEMA_VERSION,
});

describe('the evidence a person describes', () => {
  it('is trimmed, an empty date becoming none', () => {
    expect(
      checkEvidenceInput({ title: '  Charte d’usage du numérique  ', date: '', shows: ' Signée par les élèves \n', where: '\tSecrétariat ' }),
    ).toEqual({ ok: true, value: { title: 'Charte d’usage du numérique', date: null, shows: 'Signée par les élèves', where: 'Secrétariat' } });
    expect(checkEvidenceInput({ title: 'Projet', date: '2025-06-20', shows: '', where: '' })).toEqual({
      ok: true,
      value: { title: 'Projet', date: '2025-06-20', shows: '', where: '' },
    });
  });

  it('refuses an empty (or blank) title, in French, on the title field', () => {
    expect(checkEvidenceInput({ title: '   ', date: null, shows: 'Quelque chose', where: 'ENT' })).toEqual({
      ok: false,
      message: 'Titre : ce champ est obligatoire.',
      field: 'title',
    });
  });

  it('refuses a date that does not exist, and one not typed as a date', () => {
    expect(checkEvidenceInput({ title: 'Statistiques ENT', date: '2025-02-30', shows: '', where: '' })).toEqual({
      ok: false,
      message: 'Date : cette date n’existe pas.',
      field: 'date',
    });
    expect(checkEvidenceInput({ title: 'Statistiques ENT', date: '30/01/2025', shows: '', where: '' })).toMatchObject({
      ok: false,
      message: 'Date : format attendu AAAA-MM-JJ.',
    });
    // 29 February exists in a leap year only.
    expect(checkEvidenceInput({ title: 'Statistiques ENT', date: '2024-02-29', shows: '', where: '' }).ok).toBe(true);
  });

  it('refuses a title over 200 characters', () => {
    const result = checkEvidenceInput({ title: 'x'.repeat(201), date: null, shows: '', where: '' });
    expect(result).toMatchObject({ ok: false, message: 'Titre : 200 caractères au plus.', field: 'title' });
  });
});

describe('the links of a piece of evidence', () => {
  const older = evidence('evidence-older-1', Date.UTC(2025, 8, 1), ['label2023.A.1', 'dgesco2010.3.3.1.1']);
  const newer = evidence('evidence-newer-1', Date.UTC(2025, 9, 1), ['dgesco2010.3.3.1.1']);
  const other = evidence('evidence-other-1', Date.UTC(2025, 7, 1), ['dgesco2010.s3.2']);

  it('evidenceOf gives the evidence linked to the target only, oldest first', () => {
    const list = [newer, other, older];
    expect(evidenceOf('dgesco2010.3.3.1.1', list).map((e) => e.id)).toEqual(['evidence-older-1', 'evidence-newer-1']);
    expect(evidenceOf('label2023.A.1', list).map((e) => e.id)).toEqual(['evidence-older-1']);
    expect(evidenceOf('dgesco2010.s3.2', list).map((e) => e.id)).toEqual(['evidence-other-1']);
    // A prefix of a linked id is not a link.
    expect(evidenceOf('dgesco2010.3.3.1', list)).toEqual([]);
    // The list given is left in its order.
    expect(list.map((e) => e.id)).toEqual(['evidence-newer-1', 'evidence-other-1', 'evidence-older-1']);
  });

  it('withLink adds a link at the end, never twice, and removes it', () => {
    const links = ['label2023.A.1'];
    expect(withLink(links, 'dgesco2010.3.3.1.1', true)).toEqual(['label2023.A.1', 'dgesco2010.3.3.1.1']);
    expect(withLink(['label2023.A.1', 'dgesco2010.3.3.1.1'], 'label2023.A.1', true)).toHaveLength(2);
    expect(new Set(withLink(['label2023.A.1', 'dgesco2010.3.3.1.1'], 'label2023.A.1', true)).size).toBe(2);
    expect(withLink(['label2023.A.1', 'dgesco2010.3.3.1.1'], 'label2023.A.1', false)).toEqual(['dgesco2010.3.3.1.1']);
    expect(withLink(['label2023.A.1'], 'dgesco2010.s3.2', false)).toEqual(['label2023.A.1']);
    expect(withLink([], 'dgesco2010.s3.2', false)).toEqual([]);
    // The list given is not changed.
    expect(links).toEqual(['label2023.A.1']);
  });

  it('sectionOfTarget gives an item’s section, and a section itself', () => {
    expect(sectionOfTarget('dgesco2010.3.3.1.1')).toBe('dgesco2010.s3.3.1');
    expect(sectionOfTarget('label2023.A.1')).toBe('label2023.sA');
    expect(sectionOfTarget('occitanie.1.1')).toBe('occitanie.s1');
    expect(sectionOfTarget('dgesco2010.s3.2')).toBe('dgesco2010.s3.2');
    expect(sectionOfTarget('dgesco2010.9.9.9')).toBeUndefined();
  });
});

describe('evidence carried over to the next campaign', () => {
  it('gets new ids and the new campaign, "à revoir", with the same description and links', () => {
    const previous = [
      { ...evidence('evidence-older-1', Date.UTC(2025, 8, 1), ['label2023.A.1', 'dgesco2010.3.3.1.1']), date: '2025-06-20', shows: 'Voté en CA', where: 'ENT' },
      evidence('evidence-other-1', Date.UTC(2025, 7, 1), ['dgesco2010.s3.2']),
    ];
    const copy = structuredClone(previous);
    let n = 0;
    const now = Date.UTC(2026, 9, 1, 8);
    const all = ['dgesco-2010', 'occitanie-grille', 'label-lycee-2023'];
    const carried = carryOverEvidence(previous, { campaignId: 'campagne-2026-0001', documents: all, now, newId: () => `evidence-new-${++n}` });
    expect(carried).toEqual([
      {
        ...previous[0],
        id: 'evidence-new-1',
        campaignId: 'campagne-2026-0001',
        toReview: true,
        createdAt: now,
        updatedAt: now,
      },
      { ...previous[1], id: 'evidence-new-2', campaignId: 'campagne-2026-0001', toReview: true, createdAt: now, updatedAt: now },
    ]);
    expect(carried[0]).toMatchObject({ title: 'Preuve evidence-older-1', date: '2025-06-20', shows: 'Voté en CA', where: 'ENT', links: ['label2023.A.1', 'dgesco2010.3.3.1.1'] });
    for (const record of carried) expect(EvidenceRecordSchema.safeParse(record).success).toBe(true);
    // Last year's evidence is left as it was.
    expect(previous).toEqual(copy);
    expect(carryOverEvidence([], { campaignId: 'campagne-2026-0001', documents: all, now, newId: () => 'never-used' })).toEqual([]);
    // A next campaign without the label: the label links stay behind, a piece with no link left too.
    const dgescoOnly = carryOverEvidence(previous, { campaignId: 'campagne-2026-0001', documents: ['dgesco-2010'], now, newId: () => 'evidence-new-9' });
    expect(dgescoOnly.map((e) => e.links)).toEqual([['dgesco2010.3.3.1.1'], ['dgesco2010.s3.2']]);
    expect(carryOverEvidence(previous, { campaignId: 'campagne-2026-0001', documents: ['occitanie-grille'], now, newId: () => 'x-never-used' })).toEqual([]);
  });

  it('refuses a link outside the campaign’s documents or to nothing known (targetProblem)', () => {
    expect(targetProblem('label2023.A.1', ['label-lycee-2023'])).toBeUndefined();
    expect(targetProblem('dgesco2010.s3.2', ['dgesco-2010'])).toBeUndefined();
    expect(targetProblem('label2023.A.1', ['dgesco-2010'])).toBe('Cette question n’est pas dans les référentiels de la campagne.');
    expect(targetProblem('zz.nope', ['dgesco-2010'])).toBe('Question ou section inconnue : zz.nope.');
  });
});

describe('the label dossier’s texts', () => {
  it('are the three the call asks for, each bounded at 8,000 characters', () => {
    expect(DOSSIER_TEXTS.map((t) => t.id)).toEqual(['a7-argumentaire', 'c23-projets', 'inr-proposition']);
    expect(MAX_DOSSIER_TEXT).toBe(8000);
    const text = { campaignId: 'campagne-2026-0001', textId: 'c23-projets', text: 'x'.repeat(8000), updatedAt: Date.UTC(2026, 9, 1), schemaVersion: RECORD_SCHEMA_VERSION };
    expect(DossierTextRecordSchema.safeParse(text).success).toBe(true);
    expect(DossierTextRecordSchema.safeParse({ ...text, text: 'x'.repeat(8001) }).success).toBe(false);
    expect(DossierTextRecordSchema.safeParse({ ...text, textId: 'b1-autre' }).success).toBe(false);
  });
});

/** A fresh copy of a valid backup of the two-campaign history, to change before reading it. */
const backup = (): DiagnumFile => structuredClone(backupOf(history, 1));
const read = (file: DiagnumFile) => parseFileBytes(encoder.encode(serializeFile(file)));
const refusal = (file: DiagnumFile): string => {
  const result = read(file);
  if (result.ok) throw new Error('The file was accepted');
  return result.message;
};

describe('the evidence and texts of a file', () => {
  it('are read as they were written (the control: the file below, unchanged, is accepted)', () => {
    const result = read(backup());
    if (!result.ok) throw new Error(result.message);
    expect(result.value.data.evidence).toEqual(history.evidence);
    expect(result.value.data.dossierTexts).toEqual(history.dossierTexts);
    expect(result.value.data.evidence.map((e) => e.id)).toEqual(['evidence-2017-1-0001', 'evidence-2017-2-0001', 'evidence-2018-1-0001', 'evidence-2018-2-0001']);
  });

  it('refuses the same evidence twice', () => {
    const file = backup();
    file.data.evidence.push({ ...file.data.evidence[1]!, title: 'Autre titre' });
    expect(refusal(file)).toBe('Ce fichier est refusé : une même preuve y figure deux fois.');
  });

  it('refuses evidence whose campaign is not in the file', () => {
    const file = backup();
    file.data.evidence[1]!.campaignId = 'campagne-absente-0000';
    expect(refusal(file)).toBe('Ce fichier est refusé : la preuve n° 2 n’est pas valide (campagne absente du fichier).');
  });

  it('refuses a link to an unknown question or section', () => {
    const file = backup();
    file.data.evidence[2]!.links = ['label2023.A.1', 'dgesco2010.9.9.9'];
    expect(refusal(file)).toBe('Ce fichier est refusé : la preuve n° 3 n’est pas valide (question ou partie inconnue : dgesco2010.9.9.9).');
  });

  it('refuses a link to a question outside the campaign’s documents, and takes it within them', () => {
    // The first campaign covers the DGESCO document only: its answers and notes to the others are left out.
    const file = backup();
    const dgesco = (id: string) => id.startsWith('dgesco2010.');
    file.data.campaigns[0]!.documents = ['dgesco-2010'];
    file.data.answers = file.data.answers.filter((a) => a.campaignId !== first.id || dgesco(a.itemId));
    file.data.sectionNotes = file.data.sectionNotes.filter((n) => n.campaignId !== first.id || dgesco(n.sectionId));
    file.data.positions = file.data.positions.filter((p) => p.campaignId !== first.id || dgesco(p.itemId));
    // Its first piece of evidence backs label2023.A.1 (and a DGESCO item).
    expect(file.data.evidence[0]!.links).toEqual(['label2023.A.1', 'dgesco2010.3.3.1.1']);
    expect(refusal(file)).toBe('Ce fichier est refusé : la preuve n° 1 n’est pas valide (question hors des référentiels de la campagne).');
    // A section of another document is just as much outside.
    file.data.evidence[0]!.links = ['dgesco2010.3.3.1.1', 'occitanie.s1'];
    expect(refusal(file)).toBe('Ce fichier est refusé : la preuve n° 1 n’est pas valide (question hors des référentiels de la campagne).');
    file.data.evidence[0]!.links = ['dgesco2010.3.3.1.1'];
    expect(read(file).ok).toBe(true);
  });

  it('refuses a question linked twice to the same evidence', () => {
    const file = backup();
    file.data.evidence[0]!.links = ['label2023.A.1', 'dgesco2010.3.3.1.1', 'label2023.A.1'];
    expect(refusal(file)).toBe('Ce fichier est refusé : la preuve n° 1 n’est pas valide (une question y est liée deux fois).');
  });

  it('refuses the same dossier text twice for a campaign, and takes it once for each campaign', () => {
    const file = backup();
    expect(file.data.dossierTexts.map((t) => [t.campaignId, t.textId])).toEqual([
      [first.id, 'a7-argumentaire'],
      [second.id, 'a7-argumentaire'],
    ]);
    file.data.dossierTexts.push({ ...file.data.dossierTexts[1]!, text: 'Une autre version.' });
    expect(refusal(file)).toBe('Ce fichier est refusé : le texte a7-argumentaire y figure deux fois.');
    file.data.dossierTexts[2]!.textId = 'c23-projets';
    expect(read(file).ok).toBe(true);
  });

  it('refuses a dossier text whose campaign is not in the file', () => {
    const file = backup();
    file.data.dossierTexts[0]!.campaignId = 'campagne-absente-0000';
    expect(refusal(file)).toBe('Ce fichier est refusé : le texte du dossier n° 1 n’est pas valide (campagne absente du fichier).');
  });

  it('names the evidence and its field when a record is not valid', () => {
    const file = backup();
    file.data.evidence[3]!.title = '  ';
    expect(refusal(file)).toBe('Ce fichier est refusé : la preuve n° 4 (title) n’est pas valide (Titre : ce champ est obligatoire.).');
  });

  it('reads a file of format 3 (before the dossier) with no evidence and no text', () => {
    const bytes = readFileSync(join(import.meta.dirname, '../../fixtures/files/format-v3.json'));
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ formatVersion: 3 });
    expect('evidence' in JSON.parse(bytes.toString('utf8')).data).toBe(false);
    const result = parseFileBytes(new Uint8Array(bytes));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.formatVersion).toBe(FORMAT_VERSION);
    expect(FORMAT_VERSION).toBe(5);
    expect(result.value.data.evidence).toEqual([]);
    expect(result.value.data.dossierTexts).toEqual([]);
    expect(result.value.data.campaigns).toHaveLength(2);
  });

  it('reads the sample of format 4 with its evidence and text', () => {
    const result = parseFileBytes(new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/files/format-v4.json'))));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.data.evidence).toHaveLength(2);
    expect(result.value.data.dossierTexts).toEqual([expect.objectContaining({ textId: 'a7-argumentaire' })]);
  });
});

describe('the evidence of a contribution', () => {
  const contribution = () => contributionOf(history, { campaignId: second.id, contributor: 'M. Durand', sections: ['dgesco2010.s3.2'], n: 7 });

  it('is accepted when every link is inside the sections it lists', () => {
    const file = contribution();
    // The binder backs section 3.2 itself; the carried-over projet d'établissement is not the member's.
    expect(file.data.evidence.map((e) => e.id)).toEqual(['evidence-2018-2-0001']);
    file.data.evidence[0]!.links = ['dgesco2010.s3.2', 'dgesco2010.3.2.1'];
    const result = read(file);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.kind).toBe('contribution');
    expect(result.value.data.evidence).toEqual([expect.objectContaining({ id: 'evidence-2018-2-0001', links: ['dgesco2010.s3.2', 'dgesco2010.3.2.1'] })]);
  });

  it('is refused when one link is outside its sections (an item or a section)', () => {
    const file = contribution();
    file.data.evidence[0]!.links = ['dgesco2010.s3.2', 'dgesco2010.3.3.1.1'];
    expect(refusal(file)).toBe('Ce fichier est refusé : son contenu ne correspond pas à son type.');
    file.data.evidence[0]!.links = ['dgesco2010.s3.3.1'];
    expect(refusal(file)).toBe('Ce fichier est refusé : son contenu ne correspond pas à son type.');
  });

  it('is refused when it carries a dossier text (the texts are the RUPN’s)', () => {
    const file = contribution();
    expect(file.data.dossierTexts).toEqual([]);
    file.data.dossierTexts.push(history.dossierTexts.find((t) => t.campaignId === second.id)!);
    expect(refusal(file)).toBe('Ce fichier est refusé : son contenu ne correspond pas à son type.');
  });
});
