// The group's analysis note of each section.
import { SectionNoteRecordSchema, type SectionNoteRecord } from '../domain/section-notes';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, type Checked } from '../domain/result';
import { commitDecided, database } from './connection';
import { parseAll } from './watch';
import { campaignLocked } from './campaign-lock';

export async function listSectionNotes(campaignId: string): Promise<SectionNoteRecord[]> {
  return parseAll(SectionNoteRecordSchema, await database().sectionNotes.where('campaignId').equals(campaignId).toArray());
}

export async function saveSectionNote(campaignId: string, sectionId: string, text: string): Promise<Checked<true>> {
  const checked = checkWith(
    SectionNoteRecordSchema,
    { campaignId, sectionId, text, updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION },
    'Note non valide.',
  );
  if (!checked.ok) return checked;
  // Refused when the campaign is gone (deleted in another tab: notFound) or closed (read-only).
  return commitDecided<true>(['campaigns', 'sectionNotes'], async (db) => {
    const locked = await campaignLocked(db, campaignId);
    if (locked) return locked;
    await db.sectionNotes.put(checked.value);
    return accepted(true);
  });
}
