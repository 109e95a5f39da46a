// Files in and out of a real (fake-indexeddb) database: a backup restores every table as it was,
// an import is written whole or not at all, and every format version ever released still imports.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import type { DiagnumDB } from '../../../src/storage/db';
import { applyImport, readSnapshot } from '../../../src/storage/transfer';
import { saveSchool } from '../../../src/storage/school';
import {
  addMember,
  assignSection,
  createCampaign,
  renameCampaign,
  setCampaignStatus,
  setNextAssessment,
  setTarget,
  startFromPrevious,
} from '../../../src/storage/campaigns';
import { confirmCarriedOver, saveAnswer } from '../../../src/storage/answers';
import { saveSectionNote } from '../../../src/storage/section-notes';
import { addAction, updateAction } from '../../../src/storage/actions';
import { addEvidence, confirmEvidence, linkEvidence, saveDossierText } from '../../../src/storage/evidence';
import { savePositions } from '../../../src/storage/positions';
import { addResponse, importResponseFiles, setKioskCode, setSurveyThreshold, startSurvey } from '../../../src/storage/survey';
import { newResponse, serializeResponseFile, type SurveyRecord } from '../../../src/domain/survey/responses';
import { backupFile, contributionFile, serializeFile, type ExportStamp } from '../../../src/domain/transfer/build';
import { parseFileBytes } from '../../../src/domain/transfer/read-file';
import { canonicalJson, planImport, resolveImport, type ImportPlan } from '../../../src/domain/transfer/merge';
import { FORMAT_VERSION, emptySnapshot, type DiagnumFile } from '../../../src/domain/transfer/format';
import { OLDEST_FILE_RECORD_VERSION, recordUpgrades } from '../../../src/domain/transfer/record-upgrades';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import type { Checked } from '../../../src/domain/result';
import type { AnswerValue } from '../../../src/domain/answers';
import { fr } from '../../../src/text/fr';
import { EARLIEST_INSTANT } from '../../../src/domain/instants';
import { allItems, backupOf, buildHistory, campaignFileOf, COMMENTS, countsOf, figuresOf, prng, valueFor } from '../../fixtures/history';

const encoder = new TextEncoder();
const CHANGED_MEANWHILE =
  'Les données ont été modifiées pendant la préparation de l’import (dans un autre onglet ?) : rien n’a été importé. Choisissez à nouveau le fichier.';

function ok<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

let exports = 0;
const stamp = (exportedAt = new Date().toISOString()): ExportStamp => ({
  exportId: `export-${++exports}-${crypto.randomUUID()}`,
  exportedAt,
  appVersion: '0.1.0',
});

/** Every table, each record as canonical JSON (keys sorted), in a stable order: equal means same content. */
async function tables(db: DiagnumDB): Promise<Record<string, string[]>> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, (await t.toArray()).map(canonicalJson).sort()] as const));
  return Object.fromEntries(entries);
}

const EMPTY = {
  school: 0,
  campaigns: 0,
  answers: 0,
  sectionNotes: 0,
  actions: 0,
  imports: 0,
  evidence: 0,
  dossierTexts: 0,
  positions: 0,
  surveys: 0,
  surveyResponses: 0,
};

/** Records per table; the evidence files (bytes, not records of the JSON) are counted apart. */
async function counts(db: DiagnumDB): Promise<Record<string, number>> {
  const tables = db.tables.filter((t) => t.name !== 'evidenceFiles');
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t.name, await t.count()] as const)));
}

/** The import as the app runs it: read, check, plan against this database, resolve, write. */
async function importText(text: string, choose: (plan: ImportPlan) => Map<string, number> = () => new Map()) {
  const file = ok(parseFileBytes(encoder.encode(text)));
  const plan = planImport([{ file, name: 'fichier.json' }], await readSnapshot());
  const writes = ok(resolveImport(plan, choose(plan), Date.now()));
  return { plan, writes, result: await applyImport(writes, plan.expected) };
}

/** Puts a snapshot into the current database through the import itself (a backup file into an empty base). */
async function restore(file: DiagnumFile) {
  const { result } = await importText(serializeFile(file));
  ok(result);
}

/**
 * A school's database filled the way the app fills it: the storage functions the screens call.
 * Two campaigns (the second started from the first, some answers confirmed or changed), every
 * item answered, comments with accents, quotes, emoji and `<script>`, notes, actions, members,
 * assignments, targets, and an imported contribution (a row of the import log).
 */
async function fillThroughApp() {
  ok(await saveSchool({ name: 'Lycée polyvalent Jean-Jaurès', uai: '0341234a', academie: 'Montpellier' }));
  const documents = ['dgesco-2010', 'occitanie-grille', 'label-lycee-2023'] as const;
  const first = ok(await createCampaign({ name: 'État initial 2025', date: '2025-10-01', documents: [...documents] }));
  for (const member of ['Mme Martin', 'M. Durand', 'Mme N’Diaye']) ok(await addMember(first.id, member));
  ok(await assignSection(first.id, 'dgesco2010.s3.1', 'Mme Martin'));
  ok(await assignSection(first.id, 'occitanie.s1', 'M. Durand'));
  const random = prng(7);
  const figures = figuresOf(2025, random);
  for (const [i, item] of allItems().entries()) {
    ok(
      await saveAnswer(first.id, item.id, {
        value: valueFor(item, figures, '2025-10-01', random, 0.4),
        ...(i % 9 === 0 ? { comment: COMMENTS[i % COMMENTS.length] } : {}),
        ...(i % 11 === 0 ? { toCheck: true } : {}),
        ...(i % 13 === 0 ? { source: 'statistiques ENT' } : {}),
      }),
    );
  }
  ok(await saveAnswer(first.id, 'label2023.A.4', { value: { kind: 'not-applicable' } }));
  ok(await saveSectionNote(first.id, 'dgesco2010.s3.1', 'Forces : « chiffres fiables » 👍 <script>alert(1)</script>'));
  ok(await saveSectionNote(first.id, 'occitanie.s2', 'Analyse du groupe.\nDeuxième ligne.'));
  const action = ok(
    await addAction(first.id, { axis: 'dgesco2010.3.5', objective: 'Former à l’ENT', action: 'Deux demi-journées', owner: 'Mme Martin', due: '2026-03-15', status: 'prevue' }),
  );
  ok(await updateAction(action.id, { status: 'en-cours' }));
  ok(await setTarget(first.id, 'dgesco2010.3.3', 70));
  ok(await setNextAssessment(first.id, '2026-10-01'));
  const charter = ok(
    await addEvidence(first.id, { title: 'Projet d’établissement, volet « numérique »', date: '2025-06-20', shows: 'Voté en CA 🎉', where: 'ENT > Documents' }, 'label2023.A.1'),
  );
  ok(await linkEvidence(charter.id, 'dgesco2010.3.3.1.1', true));
  ok(await addEvidence(first.id, { title: 'Classeur <b>chartes</b>', date: null, shows: '', where: 'Secrétariat' }, 'dgesco2010.s3.2'));
  ok(await saveDossierText(first.id, 'a7-argumentaire', 'Argumentaire :\n« loRdi » en classe.'));
  ok(await savePositions(first.id, 'dgesco2010.3.2.1', [{ member: 'Mme N’Diaye', value: { kind: 'yes-no', value: true } }, { member: null, value: { kind: 'not-applicable' } }]));
  ok(await setCampaignStatus(first.id, 'closed'));

  const second = ok(await startFromPrevious(first.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents: [...documents] }));
  ok(await confirmCarriedOver(second.id, ['dgesco2010.3.1.students', 'dgesco2010.3.1.date']));
  ok(await saveAnswer(second.id, 'occitanie.1.1', { value: { kind: 'level', value: 3 }, comment: 'Net progrès 🎉' }));
  ok(await saveAnswer(second.id, 'dgesco2010.3.2.1', { comment: 'Commentaire seul, « réponse » inchangée' }));
  ok(await renameCampaign(second.id, 'Réévaluation 2026 – bilan'));
  // Blank records, as the app leaves them: an answer cleared, a note written then emptied.
  ok(await saveAnswer(second.id, 'dgesco2010.3.1.teachers', { value: null }));
  ok(await saveSectionNote(second.id, 'occitanie.s3', 'Brouillon'));
  ok(await saveSectionNote(second.id, 'occitanie.s3', ''));
  ok(await addAction(second.id, { axis: 'occitanie.2', objective: 'Équiper le 2ᵉ étage', action: '', owner: '', due: null, status: 'prevue' }));
  // Evidence carried over "à revoir": one confirmed, the other left to review.
  const [carried] = (await readSnapshot()).evidence.filter((e) => e.campaignId === second.id && e.title.startsWith('Projet'));
  ok(await confirmEvidence(carried!.id));
  ok(await saveDossierText(second.id, 'c23-projets', 'Projet 1 : la webradio.'));
  // Several voices: a tour de table, the teachers' questionnaire with its kiosk code, responses
  // typed at the kiosk and collected as files.
  ok(
    await savePositions(second.id, 'occitanie.1.1', [
      { member: 'Mme Martin', value: { kind: 'level', value: 2 } },
      { member: 'M. Durand', value: { kind: 'level', value: 3 } },
      { member: null, value: { kind: 'level', value: 1 } },
    ]),
  );
  const survey = ok(await startSurvey(second.id, 'teachers'));
  ok(await setSurveyThreshold(survey.id, 8));
  ok(await setKioskCode(survey.id, '2468'));
  for (const [day, answer] of [['2026-11-03', 'regularly'], ['2026-11-04', 'never'], ['2026-11-04', 'unknown']] as const) {
    ok(await addResponse(survey.id, newResponse(survey, [{ itemId: 'dgesco2010.3.6.1.h1', answer }], day)));
  }
  const files = ['occasionally', 'regularly'].map((answer, i) => ({
    name: `reponse-${i}.json`,
    text: serializeResponseFile(newResponse(survey, [{ itemId: 'dgesco2010.3.6.1.h1', answer: answer as 'occasionally' | 'regularly' }], '2026-11-05')),
  }));
  expect(ok(await importResponseFiles(survey.id, files)).added).toHaveLength(2);

  // A member's contribution, merged: a row of the import log, and answers written by the import.
  const member = await readSnapshot();
  const typed = {
    ...member,
    answers: member.answers.map((a) =>
      a.campaignId === second.id && a.itemId === 'occitanie.1.2'
        ? { ...a, value: { kind: 'level', value: 2 } as AnswerValue, carriedOver: false, updatedAt: Date.now() + 1 }
        : a,
    ),
  };
  const contribution = contributionFile(typed, second.id, 'M. Durand', ['occitanie.s1'], stamp());
  ok((await importText(serializeFile(contribution), (plan) => new Map(plan.conflicts.map((c) => [c.id, c.options.length - 1])))).result);
  return { first, second };
}

describe('export and import through the database', () => {
  it('restores a backup into an empty database with every table equal to the original', async () => {
    const source = freshDatabase();
    await fillThroughApp();
    const original = await tables(source);
    const sizes = await counts(source);
    // Three actions: the second campaign took over the first one's open action, then added its own.
    // Four pieces of evidence: the second campaign took over the first one's two.
    expect(sizes).toEqual({
      school: 1,
      campaigns: 2,
      answers: 2 * allItems().length,
      sectionNotes: 3,
      actions: 3,
      imports: 1,
      evidence: 4,
      dossierTexts: 2,
      positions: 2,
      surveys: 1,
      surveyResponses: 5,
    });
    const text = serializeFile(backupFile(await readSnapshot(), stamp()));

    const target = freshDatabase();
    expect(await counts(target)).toEqual(EMPTY);
    const { plan, result } = await importText(text);
    expect(plan.conflicts).toEqual([]);
    expect(result).toEqual({ ok: true, value: true });
    expect(await tables(target)).toEqual(original);
    // A second import of the same backup finds nothing to do.
    const before = await snapshot(target);
    const again = await importText(text);
    expect(again.plan.conflicts).toEqual([]);
    // Every record that says something, the school, and the two blank records (a cleared answer, an emptied note).
    const { answers, sectionNotes, actions, evidence, dossierTexts, positions, surveys, surveyResponses } = plan.totals;
    expect([evidence, positions, surveys, surveyResponses]).toEqual([4, 2, 1, 5]);
    expect(again.plan.unchanged).toBe(answers + sectionNotes + actions + evidence + dossierTexts + positions + surveys + surveyResponses + 1 + 2);
    expect(await snapshot(target)).toBe(before);
  });

  it('imports a contribution once: the second import of the same file writes nothing', async () => {
    const db = freshDatabase();
    const history = buildHistory({ campaigns: 2 });
    await restore(campaignFileOf(history, history.campaigns[1]!.id));
    const campaign = history.campaigns[1]!;
    const contribution = contributionFile(
      { ...history, answers: history.answers.map((a) => (a.itemId === 'occitanie.1.1' ? { ...a, comment: 'autre avis', updatedAt: EARLIEST_INSTANT } : a)) },
      campaign.id,
      'M. Durand',
      ['occitanie.s1'],
      stamp(),
    );
    const text = serializeFile(contribution);
    const first = await importText(text, (plan) => new Map(plan.conflicts.map((c) => [c.id, 0])));
    expect(first.plan.conflicts).toHaveLength(1);
    ok(first.result);
    expect(await db.imports.toArray()).toContainEqual(expect.objectContaining({ id: contribution.exportId, contributor: 'M. Durand' }));
    const before = await snapshot(db);
    const second = await importText(text);
    expect(second.plan.files[0]!.alreadyImportedAt).toEqual(expect.any(Number));
    expect(second.plan.conflicts).toEqual([]);
    ok(second.result);
    expect(await snapshot(db)).toBe(before);
  });
  it('imports a backup of an empty database, or one holding only an import log, without a failure', async () => {
    // Found by these tests: with nothing to check, the transaction used to end before its writes
    // (PrematureCommitError), and the user read "L’enregistrement a échoué".
    const db = freshDatabase();
    const before = await snapshot(db);
    const empty = await importText(serializeFile(backupFile(emptySnapshot(), stamp())));
    expect(empty.plan.expected).toEqual([]);
    expect(empty.result).toEqual({ ok: true, value: true });
    expect(await snapshot(db)).toBe(before);
    const row = { id: 'export-ancien-0001', kind: 'contribution' as const, contributor: 'M. Durand', exportedAt: '2025-10-05T09:00:00.000Z', importedAt: EARLIEST_INSTANT, schemaVersion: RECORD_SCHEMA_VERSION as typeof RECORD_SCHEMA_VERSION };
    const logOnly = await importText(serializeFile(backupFile({ ...emptySnapshot(), imports: [row] }, stamp())));
    expect(logOnly.result).toEqual({ ok: true, value: true });
    expect(await db.imports.toArray()).toEqual([row]);
  });
});

describe('an import is written whole or not at all', () => {
  /** A database holding the first of three campaigns; the backup of all three adds 2 × 158 answers. */
  async function halfwayCase() {
    const db = freshDatabase();
    const history = buildHistory({ campaigns: 3 });
    await restore(campaignFileOf(history, history.campaigns[0]!.id));
    const text = serializeFile(backupOf(history));
    const file = ok(parseFileBytes(encoder.encode(text)));
    const plan = planImport([{ file, name: 'sauvegarde.json' }], await readSnapshot());
    const writes = ok(resolveImport(plan, new Map(), Date.now()));
    expect(writes.answers.length).toBeGreaterThan(300);
    return { db, plan, writes, before: await snapshot(db), sizes: await counts(db) };
  }

  it('leaves every table unchanged when a write fails half way (the 300th answer)', async () => {
    const { db, plan, writes, before } = await halfwayCase();
    let created = 0;
    db.answers.hook('creating', () => {
      if (++created === 300) throw new Error('disk error');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await applyImport(writes, plan.expected);
    error.mockRestore();
    expect(created).toBe(300);
    expect(result).toEqual({ ok: false, message: fr.storage.failed });
    expect(await snapshot(db)).toBe(before);
  });

  it('leaves every table unchanged when the database refuses a record half way (an invalid key)', async () => {
    const { db, plan, writes, before } = await halfwayCase();
    const half = Math.floor(writes.answers.length / 2);
    const broken = { ...writes, answers: [...writes.answers.slice(0, half), { ...writes.answers[half]!, itemId: null as never }, ...writes.answers.slice(half + 1)] };
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await applyImport(broken, plan.expected);
    error.mockRestore();
    expect(result).toEqual({ ok: false, message: fr.storage.failed });
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses a backup whose answer carries an impossible instant, naming the answer, and writes nothing', async () => {
    const { db, before } = await halfwayCase();
    const history = buildHistory({ campaigns: 3 });
    const index = history.answers.findIndex((a) => a.campaignId === history.campaigns[2]!.id);
    // 1e308, and 300000-01-01 in milliseconds (beyond what a Date holds: Date.UTC(300000, 0, 1) is NaN).
    for (const instant of [1e308, 9_404_918_380_800_000]) {
      const answers = history.answers.map((a, i) => (i === index ? { ...a, updatedAt: instant } : a));
      const read = parseFileBytes(encoder.encode(serializeFile(backupOf({ ...history, answers }))));
      expect(read).toEqual({
        ok: false,
        message: `Ce fichier est refusé : la réponse n° ${index + 1} (updatedAt) n’est pas valide (Horodatage hors des dates possibles, de 2000 à 2100.).`,
      });
      // The app stops at a refused file: nothing is planned, nothing applied.
      expect(await snapshot(db)).toBe(before);
    }
    // The same backup with the answer's own instant is written: the refusal above was the instant's alone.
    ok((await importText(serializeFile(backupOf(history)))).result);
    expect(await snapshot(db)).not.toBe(before);
  });

  it('turns a full disk into fr.storage.quota and writes 0 rows (quota raised by the write)', async () => {
    const { db, plan, writes, before, sizes } = await halfwayCase();
    let created = 0;
    db.answers.hook('creating', () => {
      if (++created === 300) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await applyImport(writes, plan.expected)).toEqual({ ok: false, message: fr.storage.quota });
    expect(await counts(db)).toEqual(sizes);
    expect(await snapshot(db)).toBe(before);
  });

  it('turns a full disk into fr.storage.quota and writes 0 rows (quota reported on one request of a bulk write, as Firefox does)', async () => {
    const { db, plan, writes, before, sizes } = await halfwayCase();
    // fake-indexeddb's object stores (tests/setup.ts makes them the global IDBObjectStore).
    const originals = { put: IDBObjectStore.prototype.put, add: IDBObjectStore.prototype.add };
    let puts = 0;
    // The 300th write request (an add for a new record, a put for a replaced one) fails with
    // QuotaExceededError: Dexie reports it inside a BulkError.
    for (const method of ['put', 'add'] as const) {
      const original = originals[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if (this.name === 'answers' && ++puts === 300) {
          const transaction = this.transaction as unknown as { _execRequestAsync(o: { operation: () => never; source: unknown }): IDBRequest };
          return transaction._execRequestAsync({
            operation: () => {
              throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            },
            source: this,
          });
        }
        return original.apply(this, args);
      };
    }
    try {
      expect(await applyImport(writes, plan.expected)).toEqual({ ok: false, message: fr.storage.quota });
    } finally {
      Object.assign(IDBObjectStore.prototype, originals);
    }
    expect(puts).toBeGreaterThanOrEqual(300);
    expect(await counts(db)).toEqual(sizes);
    expect(await snapshot(db)).toBe(before);
  });

  it('writes 0 rows into an empty database when the disk is full', async () => {
    const db = freshDatabase();
    db.campaigns.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const { result } = await importText(serializeFile(backupOf(buildHistory({ campaigns: 2 }))));
    expect(result).toEqual({ ok: false, message: fr.storage.quota });
    expect(await counts(db)).toEqual(EMPTY);
  });
});

describe('an import planned on data that changed before it was written', () => {
  async function plannedConflict() {
    const db = freshDatabase();
    const history = buildHistory({ campaigns: 2 });
    const campaign = history.campaigns[1]!;
    await restore(campaignFileOf(history, campaign.id));
    const theirs = {
      ...history,
      answers: history.answers.map((a) =>
        a.campaignId === campaign.id && a.itemId === 'dgesco2010.3.1.teachers' ? { ...a, value: { kind: 'number', value: 91 } as AnswerValue, carriedOver: false } : a,
      ),
    };
    const file = ok(parseFileBytes(encoder.encode(serializeFile(contributionFile(theirs, campaign.id, 'M. Durand', ['dgesco2010.s3.1'], stamp())))));
    const plan = planImport([{ file, name: 'contribution.json' }], await readSnapshot());
    expect(plan.conflicts).toHaveLength(1);
    const writes = ok(resolveImport(plan, new Map([[plan.conflicts[0]!.id, 1]]), Date.now()));
    return { db, campaign, plan, writes };
  }

  async function refusedMeanwhile(db: DiagnumDB, plan: ImportPlan, writes: Parameters<typeof applyImport>[0]) {
    const before = await snapshot(db);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await applyImport(writes, plan.expected);
    error.mockRestore();
    expect(result).toEqual({ ok: false, message: CHANGED_MEANWHILE });
    expect(await snapshot(db)).toBe(before);
  }

  it('refuses when an answer of the file was edited meanwhile (another tab), and writes nothing', async () => {
    const { db, campaign, plan, writes } = await plannedConflict();
    ok(await saveAnswer(campaign.id, 'dgesco2010.3.1.teachers', { comment: 'changé dans un autre onglet' }));
    await refusedMeanwhile(db, plan, writes);
  });

  it('refuses when a record the file brings was created meanwhile', async () => {
    const { db, campaign } = await plannedConflict();
    await db.answers.delete([campaign.id, 'dgesco2010.3.1.divisions']);
    const replanned = planImport([{ file: ok(parseFileBytes(encoder.encode(serializeFile(contributionFile(buildHistory({ campaigns: 2 }), campaign.id, 'M. Durand', ['dgesco2010.s3.1'], stamp()))))), name: 'c.json' }], await readSnapshot());
    const rewrites = ok(resolveImport(replanned, new Map(), Date.now()));
    ok(await saveAnswer(campaign.id, 'dgesco2010.3.1.divisions', { comment: 'créée entre-temps' }));
    await refusedMeanwhile(db, replanned, rewrites);

  });

  it('writes the import over what it does not touch: a campaign renamed meanwhile keeps its new name', async () => {
    const { db, campaign, plan, writes } = await plannedConflict();
    expect(writes.campaigns).toEqual([]);
    ok(await renameCampaign(campaign.id, 'Renommée entre-temps'));
    ok(await applyImport(writes, plan.expected));
    expect(await db.campaigns.get(campaign.id)).toMatchObject({ name: 'Renommée entre-temps' });
    expect(await db.answers.get([campaign.id, 'dgesco2010.3.1.teachers'])).toMatchObject({ value: { kind: 'number', value: 91 } });
  });

  it('writes the import when nothing moved', async () => {
    const { db, campaign, plan, writes } = await plannedConflict();
    ok(await applyImport(writes, plan.expected));
    expect(await db.answers.get([campaign.id, 'dgesco2010.3.1.teachers'])).toMatchObject({ value: { kind: 'number', value: 91 } });
  });
});

/*
 * One sample file per format version, written by the real exporter of that version, kept forever
 * in tests/fixtures/files/format-v<n>.json: Diagnum promises to import every file it ever wrote.
 *
 * When FORMAT_VERSION becomes n + 1:
 *   1. add the step n → n + 1 in src/domain/transfer/migrations.ts;
 *   2. write the new sample with the new exporter:
 *        DIAGNUM_WRITE_SAMPLE=1 npx vitest run tests/unit/storage/transfer.test.ts -t "writes the sample"
 *      (it writes format-v<n + 1>.json; never rewrite an older sample);
 *   3. add its counts to `sampleCounts` below (what an empty database holds after importing it);
 *   4. document the change in docs/format-fichier.md.
 *
 * When a database upgrade changes a record's shape (RECORD_SCHEMA_VERSION becomes m + 1), files
 * keep importing through the step m → m + 1 for their records (src/domain/transfer/record-upgrades.ts),
 * and the format gets a new version too (the four steps above; its migration only changes
 * `formatVersion`): docs/decisions/0006-format-and-database-versions.md.
 */
const SAMPLES = join(dirname(new URL(import.meta.url).pathname), '../../fixtures/files');
const noVoices = { positions: 0, surveys: 0, surveyResponses: 0 };
const sampleCounts: Record<number, Record<string, number>> = {
  1: { school: 1, campaigns: 2, answers: 22, sectionNotes: 2, actions: 1, imports: 1, evidence: 0, dossierTexts: 0, ...noVoices },
  2: { school: 1, campaigns: 2, answers: 22, sectionNotes: 2, actions: 1, imports: 1, evidence: 0, dossierTexts: 0, ...noVoices },
  // The open action goes on in the second campaign, with its lineage and history.
  3: { school: 1, campaigns: 2, answers: 22, sectionNotes: 2, actions: 2, imports: 1, evidence: 0, dossierTexts: 0, ...noVoices },
  // The evidence is taken over by the second campaign, "à revoir"; the texts stay with their campaign.
  4: { school: 1, campaigns: 2, answers: 22, sectionNotes: 2, actions: 2, imports: 1, evidence: 2, dossierTexts: 1, ...noVoices },
  // A tour de table in each campaign; the second one's teachers' questionnaire and its three responses.
  5: { school: 1, campaigns: 2, answers: 22, sectionNotes: 2, actions: 2, imports: 1, evidence: 2, dossierTexts: 1, positions: 2, surveys: 1, surveyResponses: 3 },
};

describe('files of every format version still import', () => {
  it('has a sample file for every format version from 1 to FORMAT_VERSION, and nothing else', () => {
    const versions = Array.from({ length: FORMAT_VERSION }, (_, i) => i + 1);
    expect(Object.keys(sampleCounts).map(Number)).toEqual(versions);
    const samples = readdirSync(SAMPLES).filter((name) => name.endsWith('.json')).sort();
    expect(samples).toEqual(versions.map((n) => `format-v${n}.json`).sort());
  });

  /** The record shapes (`schemaVersion`) a sample file holds. */
  const sampleShapes = (version: number) => {
    type Shaped = { schemaVersion: number };
    const json = JSON.parse(readFileSync(join(SAMPLES, `format-v${version}.json`), 'utf8')) as { data: Record<string, Shaped | Shaped[]> };
    return [...new Set(Object.values(json.data).flatMap((part) => (Array.isArray(part) ? part : [part])).map((r) => r.schemaVersion))];
  };

  it('upgrades the records of every shape a file ever held to the shape the database stores', () => {
    expect(sampleShapes(1)).toEqual([OLDEST_FILE_RECORD_VERSION]);
    const shapes = Array.from({ length: RECORD_SCHEMA_VERSION - OLDEST_FILE_RECORD_VERSION }, (_, i) => OLDEST_FILE_RECORD_VERSION + i);
    expect(shapes.filter((shape) => typeof recordUpgrades[shape] !== 'function'), 'shapes with no step in src/domain/transfer/record-upgrades.ts').toEqual([]);
  });

  it('exports records of the shape the database stores: a new record shape comes with a new format version', () => {
    expect(sampleShapes(FORMAT_VERSION), `records of format-v${FORMAT_VERSION}.json: bump FORMAT_VERSION and write its sample`).toEqual([RECORD_SCHEMA_VERSION]);
  });

  for (let version = 1; version <= FORMAT_VERSION; version++) {
    it(`imports the format ${version} sample into an empty database`, async () => {
      const raw = readFileSync(join(SAMPLES, `format-v${version}.json`));
      const json = JSON.parse(raw.toString('utf8')) as { format: string; formatVersion: number; kind: string };
      expect(json).toMatchObject({ format: 'diagnum', formatVersion: version, kind: 'sauvegarde' });
      const db = freshDatabase();
      const file = ok(parseFileBytes(new Uint8Array(raw)));
      expect(file.formatVersion).toBe(FORMAT_VERSION);
      const plan = planImport([{ file, name: `format-v${version}.json` }], await readSnapshot());
      expect(plan.problem).toBeNull();
      expect(plan.conflicts).toEqual([]);
      ok(await applyImport(ok(resolveImport(plan, new Map(), Date.now())), plan.expected));
      expect(await counts(db)).toEqual(sampleCounts[version]);
      // Every record reads back through the current schemas (readSnapshot validates each one).
      expect(countsOf(await readSnapshot())).toEqual(sampleCounts[version]);
    });
  }

  it.runIf(process.env.DIAGNUM_WRITE_SAMPLE === '1')('writes the sample file of the current format version', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-10-05T09:00:00.000Z') });
    try {
      freshDatabase();
      await fillSample();
      const file = backupFile(await readSnapshot(), stamp('2026-10-05T09:30:00.000Z'));
      writeFileSync(join(SAMPLES, `format-v${FORMAT_VERSION}.json`), serializeFile(file));
      expect(countsOf(file.data)).toEqual(sampleCounts[FORMAT_VERSION]);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Small but complete: two campaigns, answers of every kind, notes, an action, an imported contribution. */
async function fillSample() {
  ok(await saveSchool({ name: 'Lycée Jean-Jaurès', uai: '0341234A', academie: 'Montpellier' }));
  const documents = ['dgesco-2010', 'occitanie-grille', 'label-lycee-2023'] as const;
  const first = ok(await createCampaign({ name: 'État initial 2025', date: '2025-10-01', documents: [...documents] }));
  for (const member of ['Mme Martin', 'M. Durand']) ok(await addMember(first.id, member));
  ok(await assignSection(first.id, 'occitanie.s1', 'M. Durand'));
  const answers: Array<[string, AnswerValue, string?]> = [
    ['dgesco2010.3.1.students', { kind: 'number', value: 1012 }, 'STSWeb, rentrée 2025'],
    ['dgesco2010.3.1.teachers', { kind: 'number', value: 87 }],
    ['dgesco2010.3.1.date', { kind: 'date', value: '2025-10-01' }],
    ['dgesco2010.3.2.1', { kind: 'yes-no', value: true }],
    ['dgesco2010.3.3.4.matrix', { kind: 'service-matrix', cells: [{ service: 'ent', statement: 'regles', value: true }], absent: ['notes'] }],
    ['dgesco2010.3.6.1.h1', { kind: 'usage-counts', never: 20, occasionally: 40, regularly: 27 }, 'Enquête « papier » 📝'],
    ['dgesco2010.3.6.3.a13', { kind: 'percentage', value: 42.5 }],
    ['dgesco2010.3.6.4.a6', { kind: 'checklist', checked: ['actualite', 'cahier-de-textes'] }],
    ['occitanie.1.1', { kind: 'level', value: 2 }],
    ['label2023.A.1', { kind: 'band', band: 'oui' }],
    ['label2023.A.4', { kind: 'not-applicable' }, '<script>alert("non")</script> reste du texte'],
  ];
  for (const [itemId, value, comment] of answers) ok(await saveAnswer(first.id, itemId, { value, ...(comment ? { comment } : {}) }));
  ok(await saveSectionNote(first.id, 'dgesco2010.s3.1', 'Forces : des chiffres fiables.'));
  ok(await addAction(first.id, { axis: 'dgesco2010.3.5', objective: 'Former à l’ENT', action: 'Deux demi-journées', owner: 'Mme Martin', due: '2026-03-15', status: 'en-cours' }));
  ok(await setTarget(first.id, 'occitanie.1', 3));
  // Format 4: the label dossier. A reference backing A.1 and a DGESCO item, the A.7 argumentaire.
  const plan = ok(await addEvidence(first.id, { title: 'Projet d’établissement 2025-2028', date: '2025-06-20', shows: 'Le volet numérique, voté en CA.', where: 'ENT > Documents officiels' }, 'label2023.A.1'));
  ok(await linkEvidence(plan.id, 'dgesco2010.3.3.1.1', true));
  ok(await saveDossierText(first.id, 'a7-argumentaire', 'Chaque élève de seconde reçoit loRdi.'));
  // Format 5: several voices. The members' positions on a level before the group agreed on 2.
  ok(
    await savePositions(first.id, 'occitanie.1.1', [
      { member: 'Mme Martin', value: { kind: 'level', value: 2 } },
      { member: 'M. Durand', value: { kind: 'level', value: 3 } },
      { member: null, value: { kind: 'level', value: 2 } },
    ]),
  );
  ok(await setCampaignStatus(first.id, 'closed'));
  const proposals = () => [{ axis: 'label', value: 2, proposed: true as const }, { axis: 'occitanie.1', value: 3, proposed: true as const }];
  const second = ok(await startFromPrevious(first.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents: [...documents] }, proposals));
  ok(await saveSectionNote(second.id, 'occitanie.s1', 'Progrès nets.'));
  // Format 5: a yes-no item's positions, and the teachers' questionnaire, locked by a code, with three responses.
  ok(await savePositions(second.id, 'dgesco2010.3.2.1', [{ member: 'Mme Martin', value: { kind: 'yes-no', value: true } }, { member: null, value: { kind: 'not-applicable' } }]));
  const survey: SurveyRecord = ok(await startSurvey(second.id, 'teachers'));
  ok(await setKioskCode(survey.id, 'cdi-2026'));
  const questions = ['dgesco2010.3.6.1.h1', 'dgesco2010.3.6.3.h1'];
  for (const [k, answer] of (['regularly', 'occasionally', 'unknown'] as const).entries()) {
    ok(await addResponse(survey.id, newResponse(survey, questions.slice(0, 2 - (k % 2)).map((itemId) => ({ itemId, answer })), `2026-10-0${k + 1}`)));
  }
  // M. Durand's contribution: occitanie.1.1 at level 3, merged (the import log's row).
  const laptop = await readSnapshot();
  const typed = {
    ...laptop,
    answers: laptop.answers.map((a) =>
      a.campaignId === second.id && a.itemId === 'occitanie.1.1' ? { ...a, value: { kind: 'level', value: 3 } as AnswerValue, carriedOver: false } : a,
    ),
  };
  const contribution = contributionFile(typed, second.id, 'M. Durand', ['occitanie.s1'], stamp('2026-10-05T09:10:00.000Z'));
  ok((await importText(serializeFile(contribution))).result);
}
