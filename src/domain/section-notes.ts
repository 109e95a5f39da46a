// The group's analysis of a section: strengths, weaknesses, what the figures do not say.
import * as z from 'zod/mini';
import { ItemIdSchema } from '../referentiels/ids';
import { CampaignIdSchema } from './campaigns';
import { boundedText, MAX_NOTE } from './text-limits';
import { RECORD_SCHEMA_VERSION } from './schema-version';
import { InstantSchema } from './instants';

export const SectionNoteRecordSchema = z.strictObject({
  campaignId: CampaignIdSchema,
  sectionId: ItemIdSchema,
  text: boundedText(MAX_NOTE, 'Analyse du groupe'),
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type SectionNoteRecord = z.infer<typeof SectionNoteRecordSchema>;
