// @vitest-environment node
// Evidence files in a real (fake-indexeddb) database: a file is stored once by its content, shared
// by every piece of evidence (of any campaign) that names it, and removed with the last of them; a
// closed campaign, a link outside its documents, a file that is not what it says or one too many
// for the 500 MB all files may take are refused, writing nothing; deleting a campaign takes the
// files only it used (undo puts them back), the next campaign shares them; a container exported
// from one database imports its files, byte for byte, into another.
import { describe, expect, it, vi } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import type { DiagnumDB } from '../../../src/storage/db';
import { createCampaign, deleteCampaign, duplicateCampaign, restoreCampaign, setCampaignStatus, startFromPrevious } from '../../../src/storage/campaigns';
import { addEvidence, addFileEvidence, deleteEvidence, readEvidenceFile } from '../../../src/storage/evidence';
import { evidenceFilesSize } from '../../../src/storage/persistence';
import { applyImport, readSnapshot } from '../../../src/storage/transfer';
import { fileMessages, MAX_EVIDENCE_FILES_BYTES, sha256Of, type StoredEvidenceFile } from '../../../src/domain/evidence-files';
import type { EvidenceInput } from '../../../src/domain/evidence';
import { backupFile, type ExportStamp } from '../../../src/domain/transfer/build';
import { readContainer, writeContainer } from '../../../src/domain/transfer/container';
import { planImport, resolveImport } from '../../../src/domain/transfer/merge';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import type { Checked } from '../../../src/domain/result';
import { fr } from '../../../src/text/fr';

const encoder = new TextEncoder();
const DOCUMENTS = ['dgesco-2010', 'label-lycee-2023'] as const;
const OUTSIDE = 'Cette question n’est pas dans les référentiels de la campagne.';

const bytes = (...parts: Array<string | number[]>): Uint8Array<ArrayBuffer> =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PDF = bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const WEBP = bytes('RIFF', [0x1a, 0, 0, 0], 'WEBPVP8 ', [0x0e, 0, 0, 0, 0x30, 0x01, 0, 0x9d, 0x01, 0x2a, 1, 0, 1, 0]);
const TXT = new Uint8Array(encoder.encode('Compte rendu du conseil pédagogique : « loRdi » en classe 🎉\n'));
const XLSX = bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], '[Content_Types].xml');

function ok<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const charter: EvidenceInput = { title: 'Charte d’usage signée', date: '2025-06-20', shows: 'Signée par les élèves', where: 'ENT > Documents' };
const untitled: EvidenceInput = { title: '  ', date: null, shows: '', where: '' };

async function aCampaign(name = 'État initial 2025', date = '2025-10-01') {
  return ok(await createCampaign({ name, date, documents: [...DOCUMENTS] }));
}

/** The bytes this browser holds for a file, or undefined. */
async function storedBytes(sha256: string): Promise<Uint8Array | undefined> {
  const stored = await readEvidenceFile(sha256);
  return stored && new Uint8Array(await stored.blob.arrayBuffer());
}

const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));
const storedShas = async (db: DiagnumDB) => (await db.evidenceFiles.toArray()).map((f) => f.sha256).sort();

describe('a piece of evidence with its file', () => {
  it('is stored with its description, and its bytes apart, by content', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    const sha256 = await sha256Of(PDF);
    const before = Date.now();
    const added = ok(await addFileEvidence(campaign.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2'));
    expect(added).toEqual({
      ...charter,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      campaignId: campaign.id,
      kind: 'file',
      file: { name: 'Charte signée.pdf', type: 'application/pdf', size: PDF.length, sha256 },
      links: ['label2023.A.2'],
      toReview: false,
      createdAt: expect.toSatisfy((ms: number) => ms >= before && ms <= Date.now()),
      updatedAt: added.createdAt,
      schemaVersion: RECORD_SCHEMA_VERSION,
    });
    expect((await readSnapshot()).evidence).toEqual([added]);
    const stored = await readEvidenceFile(sha256);
    expect(stored).toMatchObject({ sha256, type: 'application/pdf', size: PDF.length });
    expect(stored!.blob.size).toBe(PDF.length);
    expect(stored!.blob.type).toBe('application/pdf');
    expect(same(await storedBytes(sha256), PDF)).toBe(true);
    expect(await evidenceFilesSize()).toBe(PDF.length);
    expect(await readEvidenceFile(await sha256Of(PNG))).toBeUndefined();
  });

  it('takes the file’s name as its title when none is typed, and keeps every kind', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const files: Array<[string, Uint8Array<ArrayBuffer>, string]> = [
      ['Salle équipée.PNG', PNG, 'image/png'],
      ['photo.jpg', JPEG, 'image/jpeg'],
      ['capture.webp', WEBP, 'image/webp'],
      ['compte-rendu.txt', TXT, 'text/plain'],
      ['statistiques ENT.xlsx', XLSX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ];
    for (const [name, data, type] of files) {
      const added = ok(await addFileEvidence(campaign.id, untitled, { name, bytes: data }, 'dgesco2010.s3.2'));
      expect(added.title).toBe(name);
      expect(added.file).toEqual({ name, type, size: data.length, sha256: await sha256Of(data) });
      expect(same(await storedBytes(added.file!.sha256), data), name).toBe(true);
      expect((await readEvidenceFile(added.file!.sha256))?.type).toBe(type);
    }
    expect(await db.evidenceFiles.count()).toBe(files.length);
    expect(await evidenceFilesSize()).toBe(files.reduce((sum, [, data]) => sum + data.length, 0));
  });

  it('refuses a file name over 255 characters, writing nothing', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const before = await snapshot(db);
    expect(await addFileEvidence(campaign.id, charter, { name: `${'a'.repeat(252)}.pdf`, bytes: PDF }, 'label2023.A.2')).toMatchObject({
      ok: false,
      message: 'Nom du fichier : 255 caractères au plus.',
    });
    expect(await snapshot(db)).toBe(before);
    ok(await addFileEvidence(campaign.id, charter, { name: `${'a'.repeat(251)}.pdf`, bytes: PDF }, 'label2023.A.2'));
  });

  // No title typed: the file's name, cut to a title's 200 characters (a name may have 255).
  it('takes a long file name (201 to 255 characters) when no title is typed', async () => {
    freshDatabase();
    const campaign = await aCampaign();
    const name = `${'a'.repeat(216)}.pdf`;
    expect(await addFileEvidence(campaign.id, untitled, { name, bytes: PDF }, 'label2023.A.2')).toMatchObject({ ok: true });
  });

  it('is refused when the file is not accepted, empty, or not what its name says, writing nothing', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const before = await snapshot(db);
    const svg = new Uint8Array(encoder.encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'));
    expect(await addFileEvidence(campaign.id, charter, { name: 'logo.svg', bytes: svg }, 'label2023.A.2')).toEqual({
      ok: false,
      message: fileMessages.type('logo.svg'),
    });
    expect(await addFileEvidence(campaign.id, charter, { name: 'vide.pdf', bytes: new Uint8Array() }, 'label2023.A.2')).toEqual({
      ok: false,
      message: '« vide.pdf » est vide.',
    });
    expect(await addFileEvidence(campaign.id, charter, { name: 'rapport.pdf', bytes: PNG }, 'label2023.A.2')).toEqual({
      ok: false,
      message: '« rapport.pdf » est refusé : son contenu ne correspond pas à son extension.',
    });
    expect(await snapshot(db)).toBe(before);
    expect(await db.evidenceFiles.count()).toBe(0);
  });

  it('is refused in a closed campaign, and outside the campaign’s documents, writing nothing', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const dgescoOnly = ok(await createCampaign({ name: 'DGESCO seul', date: '2025-11-01', documents: ['dgesco-2010'] }));
    ok(await setCampaignStatus(campaign.id, 'closed'));
    const before = await snapshot(db);
    expect(await addFileEvidence(campaign.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2')).toEqual({
      ok: false,
      message: fr.storage.closed,
    });
    expect(await addFileEvidence(dgescoOnly.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2')).toEqual({ ok: false, message: OUTSIDE });
    expect(await addFileEvidence('00000000-0000-4000-8000-000000000000', charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2')).toEqual({
      ok: false,
      message: fr.storage.notFound,
    });
    expect(await snapshot(db)).toBe(before);
    expect(await db.evidenceFiles.count()).toBe(0);
    expect(await readEvidenceFile(await sha256Of(PDF))).toBeUndefined();

    // Reopened, the same file is taken.
    ok(await setCampaignStatus(campaign.id, 'open'));
    ok(await addFileEvidence(campaign.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2'));
    expect(same(await storedBytes(await sha256Of(PDF)), PDF)).toBe(true);
  });
});

describe('a file attached twice', () => {
  it('is stored once, kept while one piece names it, and removed with the last', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const sha256 = await sha256Of(PDF);
    const first = ok(await addFileEvidence(campaign.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2'));
    // The same bytes under another name.
    const second = ok(await addFileEvidence(campaign.id, untitled, { name: 'copie.PDF', bytes: PDF.slice() }, 'dgesco2010.s3.2'));
    expect(second.file).toEqual({ name: 'copie.PDF', type: 'application/pdf', size: PDF.length, sha256 });
    expect(await storedShas(db)).toEqual([sha256]);
    expect(await evidenceFilesSize()).toBe(PDF.length);
    // A reference (no file) deleted leaves the file alone.
    const reference = ok(await addEvidence(campaign.id, charter, 'label2023.A.1'));
    ok(await deleteEvidence(reference.id));
    expect(await storedShas(db)).toEqual([sha256]);

    expect(await deleteEvidence(first.id)).toEqual({ ok: true, value: true });
    expect(same(await storedBytes(sha256), PDF)).toBe(true);
    expect(await deleteEvidence(second.id)).toEqual({ ok: true, value: true });
    expect(await readEvidenceFile(sha256)).toBeUndefined();
    expect(await db.evidenceFiles.count()).toBe(0);
    expect(await evidenceFilesSize()).toBe(0);
  });

  it('in two campaigns, is kept while the other campaign’s piece names it', async () => {
    const db = freshDatabase();
    const one = await aCampaign();
    const other = await aCampaign('Autre campagne', '2025-11-01');
    const sha256 = await sha256Of(PNG);
    const mine = ok(await addFileEvidence(one.id, untitled, { name: 'salle.png', bytes: PNG }, 'dgesco2010.s3.2'));
    const theirs = ok(await addFileEvidence(other.id, untitled, { name: 'salle 2.png', bytes: PNG }, 'dgesco2010.s3.2'));
    expect(await db.evidenceFiles.count()).toBe(1);
    ok(await deleteEvidence(mine.id));
    expect(same(await storedBytes(sha256), PNG)).toBe(true);
    ok(await deleteEvidence(theirs.id));
    expect(await readEvidenceFile(sha256)).toBeUndefined();
  });

  it('cannot be deleted from a closed campaign: the piece and its file stay', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const added = ok(await addFileEvidence(campaign.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2'));
    ok(await setCampaignStatus(campaign.id, 'closed'));
    const before = await snapshot(db);
    expect(await deleteEvidence(added.id)).toEqual({ ok: false, message: fr.storage.closed });
    expect(await snapshot(db)).toBe(before);
    expect(same(await storedBytes(added.file!.sha256), PDF)).toBe(true);
  });
});

describe('the 500 MB all files may take', () => {
  // Half a gigabyte of real bytes is too heavy for a unit test: the files already stored are rows
  // that declare their size (what the check adds up), each with a small blob.
  async function filledTo(db: DiagnumDB, total: number) {
    const rows: StoredEvidenceFile[] = [];
    for (let i = 0, left = total; left > 0; i++, left -= 50 * 1024 * 1024) {
      rows.push({ sha256: i.toString(16).padStart(64, 'f'), type: 'application/pdf', size: Math.min(left, 50 * 1024 * 1024), blob: new Blob([PDF]) });
    }
    await db.evidenceFiles.bulkAdd(rows);
  }

  it('refuses a new file past it, writing nothing, and takes one that just fits', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    await filledTo(db, MAX_EVIDENCE_FILES_BYTES - PNG.length);
    expect(await evidenceFilesSize()).toBe(MAX_EVIDENCE_FILES_BYTES - PNG.length);
    const before = await snapshot(db);
    expect(await addFileEvidence(campaign.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2')).toEqual({
      ok: false,
      message: 'Les preuves occuperaient 500 Mo : 500 Mo au plus pour toutes. Supprimez-en ou allégez les fichiers.',
    });
    expect(fileMessages.total(MAX_EVIDENCE_FILES_BYTES - PNG.length + PDF.length)).toBe(
      'Les preuves occuperaient 500 Mo : 500 Mo au plus pour toutes. Supprimez-en ou allégez les fichiers.',
    );
    expect(await snapshot(db)).toBe(before);
    // Exactly 500 MB is allowed.
    expect(PNG.length).toBeLessThan(PDF.length);
    ok(await addFileEvidence(campaign.id, charter, { name: 'salle.png', bytes: PNG }, 'label2023.A.2'));
    expect(await evidenceFilesSize()).toBe(MAX_EVIDENCE_FILES_BYTES);
    // Full: a file already stored is attached again (it takes no more room), a new one is not.
    ok(await addFileEvidence(campaign.id, untitled, { name: 'salle (copie).png', bytes: PNG }, 'dgesco2010.s3.2'));
    expect(await addFileEvidence(campaign.id, untitled, { name: 'photo.jpg', bytes: JPEG }, 'dgesco2010.s3.2')).toMatchObject({ ok: false });
    expect(await evidenceFilesSize()).toBe(MAX_EVIDENCE_FILES_BYTES);
  });
});

describe('the files of a campaign', () => {
  it('are removed with it when no other campaign uses them, and undo puts them back byte for byte', async () => {
    const db = freshDatabase();
    const campaign = await aCampaign();
    const other = await aCampaign('Autre campagne', '2026-10-01');
    const pdf = ok(await addFileEvidence(campaign.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2'));
    const png = ok(await addFileEvidence(campaign.id, untitled, { name: 'salle.png', bytes: PNG }, 'dgesco2010.s3.2'));
    // The PDF twice in the deleted campaign; the PNG in the other campaign too.
    ok(await addFileEvidence(campaign.id, untitled, { name: 'Charte (copie).pdf', bytes: PDF }, 'label2023.A.1'));
    ok(await addFileEvidence(other.id, untitled, { name: 'salle.png', bytes: PNG }, 'dgesco2010.s3.2'));
    const before = await snapshot(db);
    const storedBefore = await db.evidenceFiles.toArray();
    expect(storedBefore).toHaveLength(2);

    const bundle = ok(await deleteCampaign(campaign.id));
    expect(bundle.files?.map(({ sha256, type, size }) => ({ sha256, type, size }))).toEqual([{ sha256: pdf.file!.sha256, type: 'application/pdf', size: PDF.length }]);
    expect(await readEvidenceFile(pdf.file!.sha256)).toBeUndefined();
    expect(same(await storedBytes(png.file!.sha256), PNG)).toBe(true);
    expect(await storedShas(db)).toEqual([png.file!.sha256]);

    expect(await restoreCampaign(bundle)).toEqual({ ok: true, value: true });
    expect(await snapshot(db)).toBe(before);
    expect(same(await storedBytes(pdf.file!.sha256), PDF)).toBe(true);
    expect(same(await storedBytes(png.file!.sha256), PNG)).toBe(true);
    expect(await readEvidenceFile(pdf.file!.sha256)).toMatchObject({ sha256: pdf.file!.sha256, type: 'application/pdf', size: PDF.length });
    expect(await evidenceFilesSize()).toBe(PDF.length + PNG.length);
  });

  it('are shared, not copied, by the next campaign (and by a duplicate)', async () => {
    const db = freshDatabase();
    const previous = await aCampaign();
    const added = ok(await addFileEvidence(previous.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2'));
    ok(await setCampaignStatus(previous.id, 'closed'));
    const next = ok(await startFromPrevious(previous.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents: [...DOCUMENTS] }));
    const evidence = (await readSnapshot()).evidence;
    expect(evidence).toHaveLength(2);
    const carried = evidence.find((e) => e.campaignId === next.id)!;
    expect(carried).toEqual({ ...added, id: expect.any(String), campaignId: next.id, toReview: true, createdAt: next.createdAt, updatedAt: next.createdAt });
    expect(carried.id).not.toBe(added.id);
    expect(carried.file).toEqual(added.file);
    expect(await storedShas(db)).toEqual([added.file!.sha256]);
    expect(await evidenceFilesSize()).toBe(PDF.length);

    const copy = ok(await duplicateCampaign(next.id, 'Copie de travail'));
    expect((await readSnapshot()).evidence.filter((e) => e.campaignId === copy.id).map((e) => e.file)).toEqual([added.file]);
    expect(await db.evidenceFiles.count()).toBe(1);

    // The carried piece deleted, last year's still names the file: it stays. Last year's campaign
    // deleted, the others still name it: it stays, and the bundle holds no file.
    ok(await deleteEvidence(carried.id));
    expect(same(await storedBytes(added.file!.sha256), PDF)).toBe(true);
    expect(ok(await deleteCampaign(previous.id)).files).toEqual([]);
    expect(same(await storedBytes(added.file!.sha256), PDF)).toBe(true);
    // The last campaign naming it goes: the file goes too.
    expect(ok(await deleteCampaign(copy.id)).files?.map((f) => f.sha256)).toEqual([added.file!.sha256]);
    expect(await db.evidenceFiles.count()).toBe(0);
  });
});

describe('a container from one database into another', () => {
  let exports = 0;
  const stamp = (): ExportStamp => ({ exportId: `export-files-${++exports}-${crypto.randomUUID()}`, exportedAt: new Date().toISOString(), appVersion: '0.1.0' });

  /** The backup as the app exports it (components/backups/exporting.ts): the JSON, then each file once, read from the database. */
  async function exportContainer(): Promise<Uint8Array> {
    const file = backupFile(await readSnapshot(), stamp());
    const blob = await writeContainer(file, async (sha256) => {
      const stored = await readEvidenceFile(sha256);
      if (!stored) throw new Error(`Evidence file ${sha256} missing`);
      return new Uint8Array(await stored.blob.arrayBuffer());
    });
    return new Uint8Array(await blob.arrayBuffer());
  }

  /** The import as the app runs it (ImportPanel): read, plan against this database, resolve, write with the files. */
  async function importContainer(zip: Uint8Array, files?: Map<string, Uint8Array>) {
    const read = ok(await readContainer(zip));
    const plan = planImport([{ file: read.file, name: 'diagnum-sauvegarde.zip' }], await readSnapshot());
    const writes = ok(resolveImport(plan, new Map(), Date.now()));
    return { read, writes, result: await applyImport(writes, plan.expected, files ?? read.files) };
  }

  /** Every stored file, its blob read: what two databases must hold alike. */
  const rowsOf = async (db: DiagnumDB) =>
    Promise.all(
      (await db.evidenceFiles.toArray()).map(async (f) => ({ sha256: f.sha256, type: f.type, size: f.size, blobType: f.blob.type, bytes: [...new Uint8Array(await f.blob.arrayBuffer())] })),
    );

  /** Database A (closed once the next one is used): two campaigns, the PDF shared by both, a PNG in the first, a reference. */
  async function fillA() {
    const a = freshDatabase();
    const first = await aCampaign();
    ok(await addFileEvidence(first.id, charter, { name: 'Charte signée.pdf', bytes: PDF }, 'label2023.A.2'));
    ok(await addFileEvidence(first.id, untitled, { name: 'salle.png', bytes: PNG }, 'dgesco2010.s3.2'));
    ok(await addEvidence(first.id, { ...charter, title: 'Classeur' }, 'dgesco2010.s3.2'));
    ok(await setCampaignStatus(first.id, 'closed'));
    ok(await startFromPrevious(first.id, { name: 'Réévaluation 2026', date: '2026-10-01', documents: [...DOCUMENTS] }));
    const files = new Map<string, Uint8Array>();
    for (const f of await a.evidenceFiles.toArray()) files.set(f.sha256, new Uint8Array(await f.blob.arrayBuffer()));
    expect(files.size).toBe(2);
    return { rows: await rowsOf(a), snapshot: await readSnapshot(), files, zip: await exportContainer() };
  }

  it('brings its files, byte for byte, with its evidence', async () => {
    const from = await fillA();
    expect(from.snapshot.evidence.filter((e) => e.kind === 'file')).toHaveLength(4);

    const b = freshDatabase();
    const { read, writes, result } = await importContainer(from.zip);
    expect(read.files).toEqual(from.files);
    expect(writes.evidence).toHaveLength(from.snapshot.evidence.length);
    expect(result).toEqual({ ok: true, value: true });
    const imported = await readSnapshot();
    expect(imported.evidence).toEqual(from.snapshot.evidence);
    expect(imported.campaigns).toEqual(from.snapshot.campaigns);
    // The same rows in B's table, the same bytes.
    expect(await rowsOf(b)).toEqual(from.rows);
    expect(same(await storedBytes(await sha256Of(PDF)), PDF)).toBe(true);
    expect(same(await storedBytes(await sha256Of(PNG)), PNG)).toBe(true);
  });

  it('stores a file this database already holds once (its own evidence and the imported share it)', async () => {
    const from = await fillA();
    const b = freshDatabase();
    const own = await aCampaign('Campagne de B', '2027-10-01');
    ok(await addFileEvidence(own.id, untitled, { name: 'ma charte.pdf', bytes: PDF }, 'label2023.A.2'));
    expect(await b.evidenceFiles.count()).toBe(1);
    expect((await importContainer(from.zip)).result).toEqual({ ok: true, value: true });
    expect(await storedShas(b)).toEqual([...from.files.keys()].sort());
    expect(same(await storedBytes(await sha256Of(PDF)), PDF)).toBe(true);
    expect((await readSnapshot()).evidence.filter((e) => e.kind === 'file')).toHaveLength(5);
  });

  it('needs no bytes for a file this database already holds', async () => {
    const from = await fillA();
    const b = freshDatabase();
    const own = await aCampaign('Campagne de B', '2027-10-01');
    ok(await addFileEvidence(own.id, untitled, { name: 'ma charte.pdf', bytes: PDF }, 'label2023.A.2'));
    const pdf = await sha256Of(PDF);
    const withoutPdf = new Map([...from.files].filter(([sha256]) => sha256 !== pdf));
    expect((await importContainer(from.zip, withoutPdf)).result).toEqual({ ok: true, value: true });
    expect(await storedShas(b)).toEqual([...from.files.keys()].sort());
  });

  it('is refused when its files would take the evidence past 500 MB, writing nothing', async () => {
    const from = await fillA();
    const b = freshDatabase();
    // A row that declares 500 MB (its blob small): the limit adds the declared sizes.
    await b.evidenceFiles.add({ sha256: 'f'.repeat(64), type: 'application/pdf', size: 500 * 1024 * 1024, blob: new Blob([PDF]) });
    const before = await snapshot(b);
    const { result } = await importContainer(from.zip);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^Les preuves occuperaient 500 Mo : 500 Mo au plus pour toutes\./) });
    expect(await snapshot(b)).toBe(before);
  });

  it('is refused whole when a file the written evidence names is missing: nothing is written', async () => {
    const from = await fillA();
    const b = freshDatabase();
    const before = await snapshot(b);
    const png = await sha256Of(PNG);
    const withoutPng = new Map([...from.files].filter(([sha256]) => sha256 !== png));
    expect(withoutPng.size).toBe(1);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { result } = await importContainer(from.zip, withoutPng);
      expect(result).toEqual({ ok: false, message: fr.storage.failed });
      expect(error).toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
    expect(await snapshot(b)).toBe(before);
    expect(await b.evidenceFiles.count()).toBe(0);
    // The whole container then imports.
    expect((await importContainer(from.zip)).result).toEqual({ ok: true, value: true });
    expect(await b.evidenceFiles.count()).toBe(2);
  });
});
