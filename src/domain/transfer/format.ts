// The Diagnum file format (docs/format-fichier.md): one JSON document, named and versioned, that
// holds a whole database, one campaign, or one member's contribution.
import * as z from 'zod/mini';
import { SchoolRecordSchema } from '../school';
import { CampaignIdSchema, CampaignRecordSchema, MemberNameSchema } from '../campaigns';
import { AnswerRecordSchema } from '../answers';
import { SectionNoteRecordSchema } from '../section-notes';
import { ActionRecordSchema } from '../actions';
import { ItemIdSchema } from '../../referentiels/kinds';
import { RECORD_SCHEMA_VERSION } from '../schema-version';

export const FORMAT_NAME = 'diagnum';
/** Bumped whenever the shape of a file changes; older versions are migrated on import (migrations.ts). */
export const FORMAT_VERSION = 1;
/** Checked before the file is read: a whole school's ten-year history is well under 2 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const FileKindSchema = z.enum(['sauvegarde', 'campagne', 'contribution']);
export type FileKind = z.infer<typeof FileKindSchema>;

const ExportIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

/** A file imported into this database (campaign files and contributions), so that a second import of the same file changes nothing. */
export const ImportRecordSchema = z.strictObject({
  id: ExportIdSchema,
  kind: FileKindSchema,
  contributor: z.nullable(MemberNameSchema),
  exportedAt: z.string(),
  importedAt: z.number(),
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

/** What a file holds: the database's records, as they are stored. */
export const SnapshotSchema = z.strictObject({
  school: z.nullable(SchoolRecordSchema),
  campaigns: z.array(CampaignRecordSchema),
  answers: z.array(AnswerRecordSchema),
  sectionNotes: z.array(SectionNoteRecordSchema),
  actions: z.array(ActionRecordSchema),
  imports: z.array(ImportRecordSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const emptySnapshot = (): Snapshot => ({
  school: null,
  campaigns: [],
  answers: [],
  sectionNotes: [],
  actions: [],
  imports: [],
});

export const DiagnumFileSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(FORMAT_VERSION),
  kind: FileKindSchema,
  /** Unique per export: the key of the import log. */
  exportId: ExportIdSchema,
  exportedAt: z.iso.datetime(),
  appVersion: z.string().check(z.maxLength(40)),
  /** A contribution: who filled it, and which campaign and sections it covers. */
  contributor: z.nullable(MemberNameSchema),
  campaignId: z.nullable(CampaignIdSchema),
  sections: z.array(ItemIdSchema),
  data: SnapshotSchema,
});
export type DiagnumFile = z.infer<typeof DiagnumFileSchema>;
