// The evidence of a campaign and the texts of its label dossier: add, describe, link to items and
// sections, confirm after a carry-over, delete. A closed campaign refuses each of them, checked in
// the write's transaction.
import {
  EvidenceRecordSchema,
  checkEvidenceInput,
  withLink,
  type EvidenceInput,
  type EvidenceRecord,
} from '../domain/evidence';
import { targetProblem } from '../domain/evidence-targets';
import { MAX_NAME } from '../domain/text-limits';
import { DossierTextRecordSchema, type DossierTextId } from '../domain/dossier-texts';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import { commitDecided, database } from './connection';
import { evidenceFilesSize, readStorageState, requestPersistence } from './persistence';
import {
  fileMessages,
  fileProblem,
  MAX_EVIDENCE_FILES_BYTES,
  sha256Of,
  typeOfName,
  type EvidenceFileMeta,
  type StoredEvidenceFile,
} from '../domain/evidence-files';
import type { DiagnumDB } from './db';
import { campaignLocked, openCampaign } from './campaign-lock';
import type { CampaignRecord } from '../domain/campaigns';

const EVIDENCE_GONE = 'Cette preuve n’existe plus.';
const INVALID = 'Preuve non valide.';

/** The stored evidence, or why there is none. Inside a transaction. */
async function storedEvidence(db: DiagnumDB, id: string): Promise<Checked<EvidenceRecord>> {
  const row = await db.evidence.get(id);
  if (row === undefined) return refused(EVIDENCE_GONE);
  const stored = EvidenceRecordSchema.safeParse(row).data;
  return stored ? accepted(stored) : refused(fr.storage.unreadable);
}

// Each read of a write is awaited from the transaction's own function: a read awaited two async
// calls deep let the transaction commit before the write (PrematureCommitError, seen in the tests).

/** A new reference, linked to the item or section it was added from. */
export async function addEvidence(campaignId: string, input: EvidenceInput, linkTo: string): Promise<Checked<EvidenceRecord>> {
  const checked = checkEvidenceInput(input);
  if (!checked.ok) return checked;
  const now = Date.now();
  const record = checkWith(
    EvidenceRecordSchema,
    { ...checked.value, id: crypto.randomUUID(), campaignId, kind: 'reference', file: null, links: [linkTo], toReview: false, createdAt: now, updatedAt: now, schemaVersion: RECORD_SCHEMA_VERSION },
    INVALID,
  );
  if (!record.ok) return record;
  return commitDecided<EvidenceRecord>(['campaigns', 'evidence'], async (db) => {
    const campaign = await openCampaign(db, campaignId);
    if (!campaign.ok) return campaign;
    const problem = targetProblem(linkTo, campaign.value.documents);
    if (problem) return refused(problem);
    await db.evidence.add(record.value);
    return record;
  });
}

/** A file chosen by the person, read once: its name, its bytes, and their kind. */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A new piece of evidence with its file, linked where it was added from. The file is checked (kind,
 * size, content), its space asked of the browser first, and kept once by content: the same file
 * attached twice is stored once. Persistent storage is asked for (never waited on).
 */
export async function addFileEvidence(campaignId: string, input: EvidenceInput, chosen: ChosenFile, linkTo: string): Promise<Checked<EvidenceRecord>> {
  const problem = fileProblem(chosen.name, chosen.bytes.length, chosen.bytes.subarray(0, 65_536));
  if (problem) return refused(problem);
  // No title typed: the file's name, cut to a title's length (names may be longer).
  const checked = checkEvidenceInput({ ...input, title: input.title.trim() || [...chosen.name].slice(0, MAX_NAME).join('') });
  if (!checked.ok) return checked;
  const type = typeOfName(chosen.name)!;
  const sha256 = await sha256Of(chosen.bytes);
  const meta: EvidenceFileMeta = { name: chosen.name, type, size: chosen.bytes.length, sha256 };
  const space = await spaceProblem(meta.size);
  if (space) return refused(space);
  const now = Date.now();
  const record = checkWith(
    EvidenceRecordSchema,
    { ...checked.value, id: crypto.randomUUID(), campaignId, kind: 'file', file: meta, links: [linkTo], toReview: false, createdAt: now, updatedAt: now, schemaVersion: RECORD_SCHEMA_VERSION },
    INVALID,
  );
  if (!record.ok) return record;
  const stored: StoredEvidenceFile = { sha256, type, size: meta.size, blob: new Blob([chosen.bytes], { type }) };
  const done = await commitDecided<EvidenceRecord>(['campaigns', 'evidence', 'evidenceFiles'], async (db) => {
    const campaign = await openCampaign(db, campaignId);
    if (!campaign.ok) return campaign;
    const target = targetProblem(linkTo, campaign.value.documents);
    if (target) return refused(target);
    const known = await db.evidenceFiles.get(sha256);
    if (known === undefined) {
      const total = (await evidenceFilesSize(db)) + meta.size;
      if (total > MAX_EVIDENCE_FILES_BYTES) return refused(fileMessages.total(total));
      await db.evidenceFiles.add(stored);
    }
    await db.evidence.add(record.value);
    return record;
  });
  if (done.ok) requestPersistence();
  return done;
}

/** Why the browser has no room for `size` more bytes (with 10 MB to spare), or undefined (also when it cannot say). */
async function spaceProblem(size: number): Promise<string | undefined> {
  const state = await readStorageState();
  if (state.quota === undefined || state.usage === undefined) return undefined;
  const free = state.quota - state.usage;
  return size + 10 * 1024 * 1024 > free ? fileMessages.space(size, Math.max(0, free)) : undefined;
}

/** The bytes of a piece of evidence's file, or undefined when this browser does not hold them. */
export async function readEvidenceFile(sha256: string): Promise<StoredEvidenceFile | undefined> {
  return database().evidenceFiles.get(sha256);
}

/** Changes the stored evidence with `change` (its description, its links, its review mark), checked whole. */
async function changeEvidence(
  id: string,
  change: (stored: EvidenceRecord, campaign: CampaignRecord) => Checked<Partial<EvidenceRecord>>,
): Promise<Checked<true>> {
  return commitDecided<true>(['campaigns', 'evidence'], async (db) => {
    const stored = await storedEvidence(db, id);
    if (!stored.ok) return stored;
    const campaign = await openCampaign(db, stored.value.campaignId);
    if (!campaign.ok) return campaign;
    const changes = change(stored.value, campaign.value);
    if (!changes.ok) return changes;
    const record = checkWith(EvidenceRecordSchema, { ...stored.value, ...changes.value, updatedAt: Date.now() }, INVALID);
    if (!record.ok) return record;
    await db.evidence.put(record.value);
    return accepted(true);
  });
}

export function updateEvidence(id: string, input: EvidenceInput): Promise<Checked<true>> {
  return changeEvidence(id, () => checkEvidenceInput(input));
}

/** Links the evidence to one more item or section, or unlinks it. */
export function linkEvidence(id: string, targetId: string, linked: boolean): Promise<Checked<true>> {
  return changeEvidence(id, (stored, campaign) => {
    const problem = linked ? targetProblem(targetId, campaign.documents) : undefined;
    return problem ? refused(problem) : accepted({ links: withLink(stored.links, targetId, linked) });
  });
}

/** "Toujours valable": carried-over evidence the group has looked at again. */
export function confirmEvidence(id: string): Promise<Checked<true>> {
  return changeEvidence(id, () => accepted({ toReview: false }));
}

export async function deleteEvidence(id: string): Promise<Checked<true>> {
  return commitDecided<true>(['campaigns', 'evidence', 'evidenceFiles'], async (db) => {
    const stored = await storedEvidence(db, id);
    if (!stored.ok) return stored;
    const locked = await campaignLocked(db, stored.value.campaignId);
    if (locked) return locked;
    await db.evidence.delete(id);
    // The file goes with its last piece of evidence (another campaign may share it).
    const sha256 = stored.value.file?.sha256;
    if (sha256 && (await db.evidence.where('file.sha256').equals(sha256).count()) === 0) await db.evidenceFiles.delete(sha256);
    return accepted(true);
  });
}

export async function saveDossierText(campaignId: string, textId: DossierTextId, text: string): Promise<Checked<true>> {
  const checked = checkWith(
    DossierTextRecordSchema,
    { campaignId, textId, text, updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION },
    'Texte non valide.',
  );
  if (!checked.ok) return checked;
  return commitDecided<true>(['campaigns', 'dossierTexts'], async (db) => {
    const locked = await campaignLocked(db, campaignId);
    if (locked) return locked;
    await db.dossierTexts.put(checked.value);
    return accepted(true);
  });
}
