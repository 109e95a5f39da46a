// Putting files together with this laptop's data, before anything is written.
// Answers that agree merge silently; answers that differ become a conflict that the group settles;
// nothing this laptop holds is overwritten without a choice, and a file imported twice changes
// nothing the second time. Pure: the storage module applies the result in one transaction.
import type { AnswerRecord } from '../answers';
import type { CampaignRecord } from '../campaigns';
import type { SchoolRecord } from '../school';
import type { SectionNoteRecord } from '../section-notes';
import type { ActionRecord } from '../actions';
import { accepted, refused, type Checked } from '../result';
import { RECORD_SCHEMA_VERSION } from '../schema-version';
import type { DiagnumFile, FileKind, ImportRecord, Snapshot } from './format';

export type RecordTable = 'school' | 'campaigns' | 'answers' | 'sectionNotes' | 'actions';
export interface TableRecords {
  school: SchoolRecord;
  campaigns: CampaignRecord;
  answers: AnswerRecord;
  sectionNotes: SectionNoteRecord;
  actions: ActionRecord;
}
type AnyRecord = TableRecords[RecordTable];

/** Where a version of a record comes from: this laptop (`fileIndex` null) or one of the files. */
export interface RecordSource {
  fileIndex: number | null;
  contributor: string | null;
}

export interface ConflictOption<T extends RecordTable = RecordTable> {
  record: TableRecords[T];
  sources: RecordSource[];
}

export interface Conflict<T extends RecordTable = RecordTable> {
  /** `table:key`, the key of the group's choice. */
  id: string;
  table: T;
  campaignId: string | null;
  /** The first option is this laptop's version when it has one. */
  options: Array<ConflictOption<T>>;
}

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

export interface Writes {
  school: SchoolRecord[];
  campaigns: CampaignRecord[];
  answers: AnswerRecord[];
  sectionNotes: SectionNoteRecord[];
  actions: ActionRecord[];
  imports: ImportRecord[];
}

/** The state of a record the plan was computed against; the import is refused if it moved since. */
export interface Expectation {
  table: RecordTable;
  key: string;
  updatedAt: number | null;
}

export interface ImportPlan {
  files: FileReport[];
  /** What the files hold (the records that carry something). */
  totals: { campaigns: number; answers: number; sectionNotes: number; actions: number };
  /** Written without a question: new records, and records that only this laptop lacked. */
  silent: Writes;
  unchanged: number;
  conflicts: Conflict[];
  expected: Expectation[];
  /** A reason to refuse the whole import, in French. */
  problem: string | null;
  /** Campaigns are merged last: chosen fields, plus every member, assignment and document of either side. */
  campaignMerges: Array<{
    local: CampaignRecord | null;
    /** Every version the files hold, for the unions. */
    versions: CampaignRecord[];
    /** The fields kept when there is nothing to choose. */
    base: CampaignRecord;
    conflictId: string | null;
  }>;
}

export function recordKey<T extends RecordTable>(table: T, record: TableRecords[T]): string {
  switch (table) {
    case 'school':
      return 'school';
    case 'campaigns':
    case 'actions':
      return (record as CampaignRecord | ActionRecord).id;
    case 'answers':
      return `${(record as AnswerRecord).campaignId}|${(record as AnswerRecord).itemId}`;
    default:
      return `${(record as SectionNoteRecord).campaignId}|${(record as SectionNoteRecord).sectionId}`;
  }
}

/** Keys sorted at every depth: two records with the same content give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What the group decides on: the record without its bookkeeping (dates, versions) nor what merges by union. */
const ignoredFields: Record<RecordTable, readonly string[]> = {
  school: ['updatedAt', 'schemaVersion'],
  campaigns: ['updatedAt', 'schemaVersion', 'createdAt', 'members', 'assignments', 'documents'],
  answers: ['updatedAt', 'schemaVersion'],
  sectionNotes: ['updatedAt', 'schemaVersion'],
  actions: ['updatedAt', 'schemaVersion', 'createdAt'],
};

function contentOf(table: RecordTable, record: AnyRecord): string {
  const ignored = ignoredFields[table];
  return canonicalJson(Object.fromEntries(Object.entries(record).filter(([k]) => !ignored.includes(k))));
}

/** A record that says nothing: an untouched answer, an empty note. */
function isBlank(table: RecordTable, record: AnyRecord): boolean {
  if (table === 'answers') {
    const a = record as AnswerRecord;
    return a.value === null && a.comment === '' && !a.toCheck && a.source === '';
  }
  if (table === 'sectionNotes') return (record as SectionNoteRecord).text.trim() === '';
  return false;
}

/** A value carried over from the previous campaign is a proposal, not yet an answer of the group. */
const isCarriedOver = (table: RecordTable, record: AnyRecord) => table === 'answers' && (record as AnswerRecord).carriedOver;

const campaignOf = (table: RecordTable, record: AnyRecord): string | null =>
  table === 'school' ? null : table === 'campaigns' ? (record as CampaignRecord).id : (record as AnswerRecord).campaignId;

const emptyWrites = (): Writes => ({ school: [], campaigns: [], answers: [], sectionNotes: [], actions: [], imports: [] });

const TABLES: readonly RecordTable[] = ['school', 'campaigns', 'answers', 'sectionNotes', 'actions'];

function rowsOf(snapshot: Snapshot, table: RecordTable): AnyRecord[] {
  return table === 'school' ? (snapshot.school ? [snapshot.school] : []) : snapshot[table];
}

export function planImport(incoming: readonly IncomingFile[], local: Snapshot): ImportPlan {
  const alreadyImported = new Map(local.imports.map((i) => [i.id, i.importedAt]));
  const seen = new Set<string>();
  const files: FileReport[] = [];
  const used: Array<{ file: DiagnumFile; index: number }> = [];
  incoming.forEach(({ file, name }, index) => {
    const before = alreadyImported.get(file.exportId) ?? null;
    const repeated = before === null && seen.has(file.exportId);
    seen.add(file.exportId);
    files.push({
      name,
      kind: file.kind,
      contributor: file.contributor,
      exportedAt: file.exportedAt,
      campaignNames: file.data.campaigns.map((c) => c.name),
      alreadyImportedAt: before,
      repeated,
    });
    if (before === null && !repeated) used.push({ file, index });
  });

  const plan: ImportPlan = {
    files,
    totals: { campaigns: 0, answers: 0, sectionNotes: 0, actions: 0 },
    silent: emptyWrites(),
    unchanged: 0,
    conflicts: [],
    expected: [],
    problem: null,
    campaignMerges: [],
  };

  for (const table of TABLES) {
    const localRows = new Map(rowsOf(local, table).map((r) => [recordKey(table, r), r]));
    const versions = new Map<string, Array<{ record: AnyRecord; source: RecordSource }>>();
    for (const { file, index } of used) {
      for (const found of rowsOf(file.data, table)) {
        const key = recordKey(table, found);
        const record = table === 'campaigns' ? withContributor(found as CampaignRecord, file.contributor) : found;
        const list = versions.get(key) ?? [];
        list.push({ record, source: { fileIndex: index, contributor: file.contributor } });
        versions.set(key, list);
      }
    }
    for (const [key, list] of versions) {
      const mine = localRows.get(key) ?? null;
      plan.expected.push({ table, key, updatedAt: mine ? mine.updatedAt : null });
      const carrying = list.filter((v) => !isBlank(table, v.record));
      if (table !== 'school' && table !== 'campaigns' && carrying.length > 0) plan.totals[table]++;
      if (table === 'campaigns') plan.totals.campaigns++;
      if (carrying.length === 0) {
        // Only blank versions: they restore a blank record where this laptop has none (a backup
        // comes back whole), and never replace anything.
        if (mine === null) (plan.silent[table] as AnyRecord[]).push(latest(list).record);
        else plan.unchanged++;
        continue;
      }
      planRecord(plan, table, key, mine, carrying);
    }
  }

  for (const { file } of used) {
    if (file.kind !== 'sauvegarde') {
      plan.silent.imports.push({
        id: file.exportId,
        kind: file.kind,
        contributor: file.contributor,
        exportedAt: file.exportedAt,
        importedAt: 0, // stamped when written
        schemaVersion: RECORD_SCHEMA_VERSION,
      });
    }
    for (const row of file.data.imports) {
      if (!alreadyImported.has(row.id) && !plan.silent.imports.some((i) => i.id === row.id)) plan.silent.imports.push(row);
    }
  }

  plan.problem = closedCampaignProblem(plan, local);
  return plan;
}

const latest = <T extends { record: AnyRecord }>(list: readonly T[]): T =>
  list.reduce((best, v) => (v.record.updatedAt > best.record.updatedAt ? v : best));

function planRecord(
  plan: ImportPlan,
  table: RecordTable,
  key: string,
  mine: AnyRecord | null,
  carrying: Array<{ record: AnyRecord; source: RecordSource }>,
) {
  const localSays = mine !== null && !isBlank(table, mine);
  const localFirm = localSays && !isCarriedOver(table, mine);
  // A carried-over value never competes with a value someone typed.
  const typed = carrying.filter((v) => !isCarriedOver(table, v.record));
  const candidates = localFirm || typed.length > 0 ? typed : carrying;

  const groups = new Map<string, ConflictOption>();
  for (const { record, source } of candidates) {
    const content = contentOf(table, record);
    const group = groups.get(content);
    if (!group) groups.set(content, { record, sources: [source] });
    else {
      group.sources.push(source);
      if (record.updatedAt > group.record.updatedAt) group.record = record;
    }
  }
  if (mine) groups.delete(contentOf(table, mine));
  const options = [...groups.values()];

  if (table === 'campaigns') {
    const local = mine as CampaignRecord | null;
    const versions = candidates.map((c) => c.record as CampaignRecord);
    let conflictId: string | null = null;
    if (options.length > (local ? 0 : 1)) {
      conflictId = `${table}:${key}`;
      plan.conflicts.push({ id: conflictId, table, campaignId: key, options: withLocal(mine, localSays, options) });
    }
    const base = local ?? ((options[0]?.record ?? versions[0]) as CampaignRecord);
    plan.campaignMerges.push({ local, versions, base, conflictId });
    return;
  }
  if (options.length === 0) {
    if (candidates.length > 0) plan.unchanged++;
  } else if (!localFirm && options.length === 1) {
    (plan.silent[table] as AnyRecord[]).push(options[0]!.record);
  } else {
    plan.conflicts.push({
      id: `${table}:${key}`,
      table,
      campaignId: campaignOf(table, options[0]!.record),
      options: withLocal(mine, localSays, options),
    });
  }
}

function withLocal(mine: AnyRecord | null, localSays: boolean, options: ConflictOption[]): ConflictOption[] {
  return mine && localSays ? [{ record: mine, sources: [{ fileIndex: null, contributor: null }] }, ...options] : options;
}

function closedCampaignProblem(plan: ImportPlan, local: Snapshot): string | null {
  const closed = new Map(local.campaigns.filter((c) => c.status === 'closed').map((c) => [c.id, c.name]));
  if (closed.size === 0) return null;
  const touched = [
    ...plan.silent.answers,
    ...plan.silent.sectionNotes,
    ...plan.silent.actions,
  ].map((r) => r.campaignId);
  for (const c of plan.conflicts) if (c.table !== 'campaigns' && c.campaignId) touched.push(c.campaignId);
  const name = touched.map((id) => closed.get(id)).find((n) => n !== undefined);
  return name === undefined
    ? null
    : `La campagne « ${name} » est clôturée sur cet ordinateur : rouvrez-la (page de la campagne) pour y importer ces réponses. Rien n’a été importé.`;
}

/** Whoever sent a contribution is a member of the group. */
function withContributor(campaign: CampaignRecord, contributor: string | null): CampaignRecord {
  return contributor === null || campaign.members.includes(contributor)
    ? campaign
    : { ...campaign, members: [...campaign.members, contributor] };
}

/** A campaign as merged: the chosen fields, and every member, assignment and document that either side has. */
function mergedCampaign(base: CampaignRecord, all: readonly CampaignRecord[]): CampaignRecord {
  const members = [...new Set(all.flatMap((c) => c.members))];
  const documents = [...new Set(all.flatMap((c) => c.documents))];
  const assignments = new Map(all.flatMap((c) => c.assignments).map((a) => [`${a.sectionId}|${a.member}`, a]));
  const updatedAt = Math.max(...all.map((c) => c.updatedAt));
  // Order kept as on the base side, so that a campaign that gains nothing comes out identical.
  return { ...base, members, documents, assignments: [...assignments.values()], updatedAt };
}

/** The group's choices (conflict id → option index) turned into the records to write. */
export function resolveImport(plan: ImportPlan, choices: ReadonlyMap<string, number>, now: number): Checked<Writes> {
  if (plan.problem) return refused(plan.problem);
  const missing = plan.conflicts.filter((c) => {
    const chosen = choices.get(c.id);
    return chosen === undefined || !c.options[chosen];
  }).length;
  if (missing > 0) {
    return refused(
      missing === 1
        ? 'Il reste 1 différence à trancher avant d’importer.'
        : `Il reste ${missing} différences à trancher avant d’importer.`,
    );
  }
  const writes: Writes = {
    ...emptyWrites(),
    school: [...plan.silent.school],
    answers: [...plan.silent.answers],
    sectionNotes: [...plan.silent.sectionNotes],
    actions: [...plan.silent.actions],
    imports: plan.silent.imports.map((i) => (i.importedAt === 0 ? { ...i, importedAt: now } : i)),
  };
  const chosenRecord = (c: Conflict) => c.options[choices.get(c.id)!]!;
  for (const conflict of plan.conflicts) {
    const option = chosenRecord(conflict);
    if (conflict.table === 'campaigns') continue;
    if (option.sources.some((s) => s.fileIndex === null)) continue; // this laptop's version stays
    (writes[conflict.table] as AnyRecord[]).push(option.record);
  }
  for (const merge of plan.campaignMerges) {
    const conflict = merge.conflictId ? plan.conflicts.find((c) => c.id === merge.conflictId) : undefined;
    const base = conflict ? (chosenRecord(conflict).record as CampaignRecord) : merge.base;
    const result = mergedCampaign(base, merge.local ? [merge.local, ...merge.versions] : merge.versions);
    if (!merge.local) writes.campaigns.push(result);
    else if (canonicalJson({ ...result, updatedAt: 0 }) !== canonicalJson({ ...merge.local, updatedAt: 0 })) {
      writes.campaigns.push(result);
    }
  }
  return accepted(writes);
}

export function countWrites(writes: Writes): number {
  return TABLES.reduce((n, t) => n + writes[t].length, 0);
}
