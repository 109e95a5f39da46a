// Putting files together with this laptop's data, before anything is written.
// Answers that agree merge silently; answers that differ become a conflict that the group settles;
// nothing this laptop holds is overwritten without a choice, and a file imported twice changes
// nothing the second time. Pure: the storage module applies the result in one transaction.
// The plan is computed here; the group's choices become writes in resolve.ts.
import { RECORD_SCHEMA_VERSION } from '../schema-version';
import type { DiagnumFile, Snapshot } from './format';
import { contentOf, RECORD_TABLES, tableRules, type RecordsByTable, type RecordTable, type TableRecords, type TableRules } from './record-tables';
import { audienceLabels } from '../survey/questionnaire';
import {
  emptyWrites,
  type Conflict,
  type ConflictOption,
  type FileReport,
  type ImportPlan,
  type IncomingFile,
  type RecordSource,
  type TableConflict,
} from './import-plan';

// The merge's whole interface, for the screens and the storage module.
export { resolveImport, countWrites } from './resolve';
export type { Conflict, ConflictOption, ConflictTable, Expectation, FileReport, ImportPlan, IncomingFile, RecordSource, Writes } from './import-plan';
export { canonicalJson, recordKey, type RecordTable, type TableRecords } from './record-tables';

type ConflictsByTable = { [T in RecordTable]: Array<TableConflict<T>> };

/** The files that count: neither imported before nor chosen twice. */
interface UsedFile {
  file: DiagnumFile;
  index: number;
}

/** A plan being computed: the files that count, this laptop's data, and the differences found, by table. */
interface Planning {
  plan: ImportPlan;
  used: readonly UsedFile[];
  local: Snapshot;
  conflicts: ConflictsByTable;
}

export function planImport(incoming: readonly IncomingFile[], local: Snapshot): ImportPlan {
  const alreadyImported = new Map(local.imports.map((i) => [i.id, i.importedAt]));
  const seen = new Set<string>();
  const files: FileReport[] = [];
  const used: UsedFile[] = [];
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
    totals: { campaigns: 0, answers: 0, sectionNotes: 0, actions: 0, evidence: 0, dossierTexts: 0, positions: 0, surveys: 0, surveyResponses: 0 },
    silent: emptyWrites(),
    unchanged: 0,
    conflicts: [],
    expected: [],
    problem: null,
    campaignMerges: [],
  };

  const planning: Planning = {
    plan,
    used,
    local,
    conflicts: { school: [], campaigns: [], answers: [], sectionNotes: [], actions: [], evidence: [], dossierTexts: [], positions: [], surveys: [], surveyResponses: [] },
  };
  for (const table of RECORD_TABLES) {
    const compared = table === 'campaigns' ? planCampaigns(planning) : planRecords(planning, table);
    if (table !== 'school') plan.totals[table] += compared;
  }
  // A response is compared by its id alone (record-tables.ts): it never makes a difference to settle.
  plan.conflicts = RECORD_TABLES.flatMap((table): Conflict[] => (table === 'surveyResponses' ? [] : planning.conflicts[table]));

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

  plan.problem = closedCampaignProblem(plan, local) ?? twinSurveyProblem(plan, local);
  return plan;
}

interface Version<R> {
  record: R;
  source: RecordSource;
}

/** One record that some file says something about, its versions compared with this laptop's. */
interface Compared<R> {
  key: string;
  mine: R | null;
  /** This laptop's version says something… */
  localSays: boolean;
  /** …and was typed here, not merely carried over. */
  localFirm: boolean;
  /** The files' versions that compete. */
  candidates: Array<Version<R>>;
  /** The files' distinct versions that differ from this laptop's. */
  options: Array<ConflictOption<R>>;
}

const latest = <R>(rules: TableRules<R>, list: ReadonlyArray<Version<R>>): Version<R> =>
  list.reduce((best, v) => (rules.stamp(v.record) > rules.stamp(best.record) ? v : best));

/**
 * Every record of a table that the files bring, against this laptop's version: the blank ones are
 * settled here (they never replace anything), the others returned to be settled by the caller.
 */
function compareTable<T extends RecordTable>({ plan, used, local }: Planning, table: T) {
  const rules = tableRules[table];
  const silent: RecordsByTable = plan.silent;
  const localRows = new Map(rules.rows(local).map((r) => [rules.key(r), r]));
  const versions = new Map<string, Array<Version<TableRecords[T]>>>();
  for (const { file, index } of used) {
    for (const found of rules.rows(file.data)) {
      const key = rules.key(found);
      const list = versions.get(key) ?? [];
      list.push({ record: rules.received(found, file.contributor), source: { fileIndex: index, contributor: file.contributor } });
      versions.set(key, list);
    }
  }
  const compared: Array<Compared<TableRecords[T]>> = [];
  for (const [key, list] of versions) {
    const mine = localRows.get(key) ?? null;
    plan.expected.push({ table, key, updatedAt: mine ? rules.stamp(mine) : null });
    const carrying = list.filter((v) => !rules.isBlank(v.record));
    if (carrying.length > 0) compared.push(compare(rules, key, mine, carrying));
    // Only blank versions: they restore a blank record where this laptop has none (a backup
    // comes back whole), and never replace anything.
    else if (mine === null) silent[table].push(latest(rules, list).record);
    else plan.unchanged++;
  }
  return compared;
}

function compare<R extends object>(rules: TableRules<R>, key: string, mine: R | null, carrying: Array<Version<R>>): Compared<R> {
  const localSays = mine !== null && !rules.isBlank(mine);
  const localFirm = localSays && !rules.isCarriedOver(mine);
  // A carried-over value never competes with a value someone typed.
  const typed = carrying.filter((v) => !rules.isCarriedOver(v.record));
  const candidates = localFirm || typed.length > 0 ? typed : carrying;

  const groups = new Map<string, ConflictOption<R>>();
  for (const { record, source } of candidates) {
    const content = contentOf(rules, record);
    const group = groups.get(content);
    if (!group) groups.set(content, { record, sources: [source] });
    else {
      group.sources.push(source);
      if (rules.stamp(record) > rules.stamp(group.record)) group.record = record;
    }
  }
  if (mine) groups.delete(contentOf(rules, mine));
  return { key, mine, localSays, localFirm, candidates, options: [...groups.values()] };
}

/** Answers, notes, actions, the school: a version that differs from this laptop's is a question, unless this laptop has nothing firm. */
function planRecords<T extends RecordTable>(planning: Planning, table: T): number {
  const { plan, conflicts } = planning;
  const rules = tableRules[table];
  const silent: RecordsByTable = plan.silent;
  const compared = compareTable(planning, table);
  for (const { key, mine, localSays, localFirm, candidates, options } of compared) {
    const [first] = options;
    if (!first) {
      if (candidates.length > 0) plan.unchanged++;
    } else if (!localFirm && options.length === 1) {
      silent[table].push(first.record);
    } else {
      conflicts[table].push(conflictOf(table, key, rules.campaignOf(first.record), withLocal(mine, localSays, options)));
    }
  }
  return compared.length;
}

/** A campaign: its own fields may be a question; members, assignments and documents are united when resolved. */
function planCampaigns(planning: Planning): number {
  const { plan, conflicts } = planning;
  const compared = compareTable(planning, 'campaigns');
  for (const { key, mine, localSays, candidates, options } of compared) {
    const versions = candidates.map((c) => c.record);
    let conflictId: string | null = null;
    if (options.length > (mine ? 0 : 1)) {
      const conflict = conflictOf('campaigns', key, key, withLocal(mine, localSays, options));
      conflictId = conflict.id;
      conflicts.campaigns.push(conflict);
    }
    // Campaigns are never blank nor carried over: every version of the files is a candidate.
    const base = mine ?? options[0]?.record ?? versions[0]!;
    plan.campaignMerges.push({ local: mine, versions, base, conflictId });
  }
  return compared.length;
}

function conflictOf<T extends RecordTable>(
  table: T,
  key: string,
  campaignId: string | null,
  options: Array<ConflictOption<TableRecords[T]>>,
): TableConflict<T> {
  return { id: `${table}:${key}`, table, campaignId, options };
}

function withLocal<R>(mine: R | null, localSays: boolean, options: Array<ConflictOption<R>>): Array<ConflictOption<R>> {
  return mine && localSays ? [{ record: mine, sources: [{ fileIndex: null, contributor: null }] }, ...options] : options;
}

function closedCampaignProblem(plan: ImportPlan, local: Snapshot): string | null {
  const closed = new Map(local.campaigns.filter((c) => c.status === 'closed').map((c) => [c.id, c.name]));
  if (closed.size === 0) return null;
  const touched = [
    ...plan.silent.answers,
    ...plan.silent.sectionNotes,
    ...plan.silent.actions,
    ...plan.silent.evidence,
    ...plan.silent.dossierTexts,
    ...plan.silent.positions,
    ...plan.silent.surveys,
    ...plan.silent.surveyResponses,
  ].map((r) => r.campaignId);
  for (const c of plan.conflicts) if (c.table !== 'campaigns' && c.campaignId) touched.push(c.campaignId);
  const name = touched.map((id) => closed.get(id)).find((n) => n !== undefined);
  return name === undefined
    ? null
    : `La campagne « ${name} » est clôturée sur cet ordinateur : rouvrez-la (page de la campagne) pour y importer ces réponses. Rien n’a été importé.`;
}

/**
 * One questionnaire per campaign and audience: two started apart (on two laptops, before either
 * had the other's) have two ids, and their responses cannot be put together.
 */
function twinSurveyProblem(plan: ImportPlan, local: Snapshot): string | null {
  const ids = new Map<string, string>();
  for (const survey of [...local.surveys, ...plan.silent.surveys]) {
    const key = `${survey.campaignId}|${survey.audience}`;
    const seen = ids.get(key);
    if (seen === undefined) ids.set(key, survey.id);
    else if (seen !== survey.id) {
      const campaigns = [...local.campaigns, ...plan.campaignMerges.map((m) => m.base)];
      const name = campaigns.find((c) => c.id === survey.campaignId)?.name ?? '';
      return `Deux questionnaires des ${audienceLabels[survey.audience].plural} ont été lancés séparément pour la campagne « ${name} » (sur cet ordinateur et dans un fichier, ou dans deux fichiers) : Diagnum ne peut pas réunir leurs réponses. Rien n’a été importé.`;
    }
  }
  return null;
}
