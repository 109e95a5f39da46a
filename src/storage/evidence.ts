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
import { DossierTextRecordSchema, type DossierTextId } from '../domain/dossier-texts';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import { commit } from './connection';
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
    { ...checked.value, id: crypto.randomUUID(), campaignId, kind: 'reference', links: [linkTo], toReview: false, createdAt: now, updatedAt: now, schemaVersion: RECORD_SCHEMA_VERSION },
    INVALID,
  );
  if (!record.ok) return record;
  let outcome: Checked<EvidenceRecord> = record;
  const done = await commit(['campaigns', 'evidence'], async (db) => {
    const campaign = await openCampaign(db, campaignId);
    if (!campaign.ok) return void (outcome = campaign);
    const problem = targetProblem(linkTo, campaign.value.documents);
    if (problem) return void (outcome = refused(problem));
    await db.evidence.add(record.value);
  });
  return done.ok ? outcome : done;
}

/** Changes the stored evidence with `change` (its description, its links, its review mark), checked whole. */
async function changeEvidence(
  id: string,
  change: (stored: EvidenceRecord, campaign: CampaignRecord) => Checked<Partial<EvidenceRecord>>,
): Promise<Checked<true>> {
  let outcome: Checked<true> = accepted(true);
  const done = await commit(['campaigns', 'evidence'], async (db) => {
    const stored = await storedEvidence(db, id);
    if (!stored.ok) return void (outcome = stored);
    const campaign = await openCampaign(db, stored.value.campaignId);
    if (!campaign.ok) return void (outcome = campaign);
    const changes = change(stored.value, campaign.value);
    if (!changes.ok) return void (outcome = changes);
    const record = checkWith(EvidenceRecordSchema, { ...stored.value, ...changes.value, updatedAt: Date.now() }, INVALID);
    if (!record.ok) return void (outcome = record);
    await db.evidence.put(record.value);
  });
  return done.ok ? outcome : done;
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
  let outcome: Checked<true> = accepted(true);
  const done = await commit(['campaigns', 'evidence'], async (db) => {
    const stored = await storedEvidence(db, id);
    if (!stored.ok) return void (outcome = stored);
    const locked = await campaignLocked(db, stored.value.campaignId);
    if (locked) return void (outcome = locked);
    await db.evidence.delete(id);
  });
  return done.ok ? outcome : done;
}

export async function saveDossierText(campaignId: string, textId: DossierTextId, text: string): Promise<Checked<true>> {
  const checked = checkWith(
    DossierTextRecordSchema,
    { campaignId, textId, text, updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION },
    'Texte non valide.',
  );
  if (!checked.ok) return checked;
  let outcome: Checked<true> = accepted(true);
  const done = await commit(['campaigns', 'dossierTexts'], async (db) => {
    const locked = await campaignLocked(db, campaignId);
    if (locked) return void (outcome = locked);
    await db.dossierTexts.put(checked.value);
  });
  return done.ok ? outcome : done;
}
