// The group's analysis note of each section.
import { SectionNoteRecordSchema, type SectionNoteRecord } from '../domain/section-notes';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { checkWith, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import { commit, database } from './connection';
import { parseAll, watch } from './watch';

export async function listSectionNotes(campaignId: string): Promise<SectionNoteRecord[]> {
  return parseAll(SectionNoteRecordSchema, await database().sectionNotes.where('campaignId').equals(campaignId).toArray());
}

export const watchSectionNotes = (campaignId: string) => watch(() => listSectionNotes(campaignId));

export async function saveSectionNote(campaignId: string, sectionId: string, text: string): Promise<Checked<true>> {
  const checked = checkWith(
    SectionNoteRecordSchema,
    { campaignId, sectionId, text, updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION },
    'Note non valide.',
  );
  if (!checked.ok) return checked;
  let closed = false;
  const done = await commit(['campaigns', 'sectionNotes'], async (db) => {
    const campaign = await db.campaigns.get(campaignId);
    if (!campaign || campaign.status === 'closed') return void (closed = true);
    await db.sectionNotes.put(checked.value);
  });
  return done.ok && closed ? refused(fr.storage.closed) : done;
}
