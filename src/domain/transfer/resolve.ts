// The group's choices turned into the records an import writes: the plan's silent writes, the
// version chosen for every difference, and each campaign merged with what the files bring.
import type { CampaignRecord } from '../campaigns';
import { accepted, refused, type Checked } from '../result';
import { canonicalJson, RECORD_TABLES, type RecordsByTable } from './record-tables';
import { emptyWrites, type Conflict, type ConflictTable, type ImportPlan, type Writes } from './import-plan';

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
    evidence: [...plan.silent.evidence],
    dossierTexts: [...plan.silent.dossierTexts],
    positions: [...plan.silent.positions],
    surveys: [...plan.silent.surveys],
    surveyResponses: [...plan.silent.surveyResponses],
    imports: plan.silent.imports.map((i) => (i.importedAt === 0 ? { ...i, importedAt: now } : i)),
  };
  const campaignChoices = new Map<string, CampaignRecord>();
  for (const conflict of plan.conflicts) {
    const index = choices.get(conflict.id) ?? 0;
    if (conflict.table === 'campaigns') {
      const chosen = conflict.options[index];
      if (chosen) campaignChoices.set(conflict.id, chosen.record);
    } else keepChosen(writes, conflict, index);
  }
  for (const merge of plan.campaignMerges) {
    // The campaign's own fields: the version the group chose, or the plan's base when there was nothing to choose.
    const base = (merge.conflictId === null ? undefined : campaignChoices.get(merge.conflictId)) ?? merge.base;
    const result = mergedCampaign(base, merge.local ? [merge.local, ...merge.versions] : merge.versions);
    if (!merge.local) writes.campaigns.push(result);
    else if (canonicalJson({ ...result, updatedAt: 0 }) !== canonicalJson({ ...merge.local, updatedAt: 0 })) {
      writes.campaigns.push(result);
    }
  }
  return accepted(writes);
}

/** The chosen version of a record, to write unless it is this laptop's own. */
function keepChosen<T extends ConflictTable>(writes: RecordsByTable, conflict: Conflict<T>, index: number) {
  const option = conflict.options[index];
  if (!option || option.sources.some((s) => s.fileIndex === null)) return; // this laptop's version stays
  writes[conflict.table].push(option.record);
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

export function countWrites(writes: Writes): number {
  return RECORD_TABLES.reduce((n, t) => n + writes[t].length, 0);
}
