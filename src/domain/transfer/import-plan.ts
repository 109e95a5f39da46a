// What an import will do, as the merge computes it and the preview shows it: the files, the
// records written without a question, the differences the group settles, and the campaigns to merge.
import type { CampaignRecord } from '../campaigns';
import type { DiagnumFile, FileKind, ImportRecord } from './format';
import type { RecordsByTable, RecordTable, TableRecords } from './record-tables';

/** Where a version of a record comes from: this laptop (`fileIndex` null) or one of the files. */
export interface RecordSource {
  fileIndex: number | null;
  contributor: string | null;
}

export interface ConflictOption<R> {
  record: R;
  sources: RecordSource[];
}

export interface TableConflict<T extends RecordTable> {
  /** `table:key`, the key of the group's choice. */
  id: string;
  table: T;
  campaignId: string | null;
  /** The first option is this laptop's version when it has one. */
  options: Array<ConflictOption<TableRecords[T]>>;
}

/** The tables whose records can differ: a response is compared by its id alone (record-tables.ts). */
export type ConflictTable = Exclude<RecordTable, 'surveyResponses'>;

/** A difference to settle, keyed by table: `conflict.table` tells the type of its options' records. */
export type Conflict<T extends ConflictTable = ConflictTable> = { [P in T]: TableConflict<P> }[T];

export interface IncomingFile {
  file: DiagnumFile;
  name: string;
}

export interface FileReport {
  name: string;
  kind: FileKind;
  contributor: string | null;
  exportedAt: string;
  campaignNames: string[];
  /** When this very file was imported before: it is then left out. */
  alreadyImportedAt: number | null;
  /** The same file chosen twice in one import: read once. */
  repeated: boolean;
}

export interface Writes extends RecordsByTable {
  imports: ImportRecord[];
}

/** The state of a record the plan was computed against; the import is refused if it moved since. */
export interface Expectation {
  table: RecordTable;
  key: string;
  updatedAt: number | null;
}

/** Campaigns are merged last: chosen fields, plus every member, assignment and document of either side. */
export interface CampaignMerge {
  local: CampaignRecord | null;
  /** Every version the files hold, for the unions. */
  versions: CampaignRecord[];
  /** The fields kept when there is nothing to choose. */
  base: CampaignRecord;
  conflictId: string | null;
}

export interface ImportPlan {
  files: FileReport[];
  /** What the files hold (the records that carry something). */
  totals: { [T in Exclude<RecordTable, 'school'>]: number };
  /** Written without a question: new records, and records that only this laptop lacked. */
  silent: Writes;
  unchanged: number;
  conflicts: Conflict[];
  expected: Expectation[];
  /** A reason to refuse the whole import, in French. */
  problem: string | null;
  campaignMerges: CampaignMerge[];
}

export const emptyWrites = (): Writes => ({
  school: [],
  campaigns: [],
  answers: [],
  sectionNotes: [],
  actions: [],
  evidence: [],
  dossierTexts: [],
  positions: [],
  surveys: [],
  surveyResponses: [],
  imports: [],
});
