// The Diagnum file format (docs/format-fichier.md): one JSON document, named and versioned, that
// holds a whole database, one campaign, or one member's contribution.
import * as z from 'zod/mini';
import { SchoolRecordSchema } from '../school';
import { CampaignIdSchema, CampaignRecordSchema, MemberNameSchema } from '../campaigns';
import { AnswerRecordSchema } from '../answers';
import { SectionNoteRecordSchema } from '../section-notes';
import { ActionRecordSchema } from '../actions';
import { EvidenceRecordSchema } from '../evidence';
import { DossierTextRecordSchema } from '../dossier-texts';
import { PositionsRecordSchema } from '../positions';
import { SurveyRecordSchema, SurveyResponseRecordSchema } from '../survey/records';
import { ItemIdSchema } from '../../referentiels/ids';
import { RECORD_SCHEMA_VERSION } from '../schema-version';
import { InstantSchema } from '../instants';

export const FORMAT_NAME = 'diagnum';
/**
 * Bumped whenever what a file holds changes: its envelope, the parts of `data`, or the shape of a
 * record (RECORD_SCHEMA_VERSION), so that an older Diagnum asks to be updated and every shape ever
 * exported keeps its sample file. On import, older envelopes are migrated (migrations.ts) and older
 * records upgraded (record-upgrades.ts): docs/decisions/0006-format-and-database-versions.md.
 */
// 2: records of shape 4 (a 3.3.4 answer may list absent services). 3: shape 5 (actions' lineage).
// 4: the label dossier: `data.evidence` (references) and `data.dossierTexts`.
// 5: several voices: `data.positions`, `data.surveys`, `data.surveyResponses`.
export const FORMAT_VERSION = 5;
/** Checked before the file is read: a whole school's ten-year history is well under 2 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const FileKindSchema = z.enum(['sauvegarde', 'campagne', 'contribution']);
export type FileKind = z.infer<typeof FileKindSchema>;

const ExportIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

/** The years an export can date from: those of a plausible instant (instants.ts), 2000 to 2099. */
const EXPORT_YEARS = { first: 2000, last: 2099 } as const;

/** When a file was exported: ISO 8601 in UTC, in a year Diagnum can have written it (a broken clock or file otherwise). */
export const ExportedAtSchema = z.iso.datetime().check(
  z.refine(
    (iso) => {
      const year = /^\d{4}/.test(iso) ? Number(iso.slice(0, 4)) : NaN;
      return Number.isNaN(year) || (year >= EXPORT_YEARS.first && year <= EXPORT_YEARS.last);
    },
    { error: `Date d’export hors des dates possibles, de ${EXPORT_YEARS.first} à ${EXPORT_YEARS.last}.` },
  ),
);

/** A file imported into this database (campaign files and contributions), so that a second import of the same file changes nothing. */
export const ImportRecordSchema = z.strictObject({
  id: ExportIdSchema,
  kind: FileKindSchema,
  contributor: z.nullable(MemberNameSchema),
  exportedAt: z.string(),
  importedAt: InstantSchema,
  /** The shape of the record, as the database stores it; a file's older records are upgraded first (record-upgrades.ts). */
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

/**
 * What a file holds: the database's records, as they are stored, each with its shape version
 * (`schemaVersion`). Records of an older shape are upgraded before these checks (record-upgrades.ts).
 */
export const SnapshotSchema = z.strictObject({
  school: z.nullable(SchoolRecordSchema),
  campaigns: z.array(CampaignRecordSchema),
  answers: z.array(AnswerRecordSchema),
  sectionNotes: z.array(SectionNoteRecordSchema),
  actions: z.array(ActionRecordSchema),
  imports: z.array(ImportRecordSchema),
  evidence: z.array(EvidenceRecordSchema),
  dossierTexts: z.array(DossierTextRecordSchema),
  positions: z.array(PositionsRecordSchema),
  surveys: z.array(SurveyRecordSchema),
  surveyResponses: z.array(SurveyResponseRecordSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const emptySnapshot = (): Snapshot => ({
  school: null,
  campaigns: [],
  answers: [],
  sectionNotes: [],
  actions: [],
  imports: [],
  evidence: [],
  dossierTexts: [],
  positions: [],
  surveys: [],
  surveyResponses: [],
});

export const DiagnumFileSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(FORMAT_VERSION),
  kind: FileKindSchema,
  /** Unique per export: the key of the import log. */
  exportId: ExportIdSchema,
  exportedAt: ExportedAtSchema,
  appVersion: z.string().check(z.maxLength(40)),
  /** A contribution: who filled it, and which campaign and sections it covers. */
  contributor: z.nullable(MemberNameSchema),
  campaignId: z.nullable(CampaignIdSchema),
  sections: z.array(ItemIdSchema),
  data: SnapshotSchema,
});
export type DiagnumFile = z.infer<typeof DiagnumFileSchema>;
