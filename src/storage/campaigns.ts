// Campaigns: create, rename, delete (with everything that belongs to them); the list alone is in
// campaign-list.ts. A closed campaign is read-only here, whatever the screen shows: only its
// reopening is written.
import {
  AssignmentSchema,
  CampaignRecordSchema,
  IsoDateSchema,
  TargetSchema,
  MemberNameSchema,
  targetMax,
  checkCampaignInput,
  checkCampaignName,
  previousCampaignId,
  type Target,
  type CampaignInput,
  type CampaignRecord,
  type CampaignStatus,
} from '../domain/campaigns';
import { AnswerRecordSchema, type AnswerRecord } from '../domain/answers';
import { SectionNoteRecordSchema, type SectionNoteRecord } from '../domain/section-notes';
import { ActionRecordSchema, carryOverActions, inPlanOrder, type ActionRecord } from '../domain/actions';
import { EvidenceRecordSchema, carryOverEvidence, type EvidenceRecord } from '../domain/evidence';
import { DossierTextRecordSchema, type DossierTextRecord } from '../domain/dossier-texts';
import type { StoredEvidenceFile } from '../domain/evidence-files';
import { PositionsRecordSchema, type PositionsRecord } from '../domain/positions';
import {
  SurveyRecordSchema,
  SurveyResponseRecordSchema,
  randomId,
  surveyIdOf,
  type SurveyRecord,
  type SurveyResponseRecord,
} from '../domain/survey/records';
import { documentOfItem } from '../referentiels/catalog';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, refused, type Checked } from '../domain/result';
import { fr } from '../text/fr';
import { commit, commitDecided, database } from './connection';
import { derived, type Readable } from 'svelte/store';
import type { CampaignData } from '../domain/progress/compare';
import { parseAll, watchShared, type Loadable } from './watch';
import { listCampaigns, readCampaign } from './campaign-list';

/** A new campaign, checked whole by its schema (a clock outside 2000–2100, a copied target out of its scale). */
function newCampaignRecord(input: CampaignInput, extra: Partial<CampaignRecord> = {}): Checked<CampaignRecord> {
  const now = Date.now();
  return checkWith(CampaignRecordSchema, {
    ...input,
    id: crypto.randomUUID(),
    status: 'open',
    startedFrom: null,
    members: [],
    assignments: [],
    targets: [],
    nextAssessment: null,
    createdAt: now,
    updatedAt: now,
    schemaVersion: RECORD_SCHEMA_VERSION,
    ...extra,
  }, 'Campagne non valide.');
}

/**
 * The targets a new campaign proposes from the one before (the next level up on each axis and on
 * the label), computed by the caller: scoring needs the documents, which this module does not load.
 */
export type ProposeTargets = (previous: CampaignBundle, documents: CampaignInput['documents']) => Target[];

/**
 * A fresh campaign. The year goes on from the latest campaign dated before it: its open actions
 * are taken over and, given `propose`, the next level up becomes the default target of each axis.
 */
export async function createCampaign(input: CampaignInput, propose?: ProposeTargets): Promise<Checked<CampaignRecord>> {
  const checked = checkCampaignInput(input);
  if (!checked.ok) return checked;
  const previousId = previousCampaignId({ id: '', startedFrom: null, date: checked.value.date }, await listCampaigns());
  const previous = previousId === undefined ? undefined : await readBundle(previousId);
  const created = newCampaignRecord(checked.value, { targets: previous && propose ? propose(previous, checked.value.documents) : [] });
  if (!created.ok) return created;
  const record = created.value;
  const actions = previous ? takeOver(previous, record) : [];
  const done = await commit(['campaigns', 'actions'], async (db) => {
    await db.campaigns.add(record);
    await db.actions.bulkAdd(actions);
  });
  return done.ok ? accepted(record) : done;
}

/** The open actions of the previous campaign, as the new one takes them over (checked whole). */
function takeOver(previous: CampaignBundle, record: CampaignRecord): ActionRecord[] {
  const carried = carryOverActions(previous, { campaignId: record.id, held: [], now: record.createdAt, newId: () => crypto.randomUUID() });
  return parseAll(ActionRecordSchema, carried);
}

/** A campaign with everything that belongs to it: what a deletion keeps in memory for undo. */
export interface CampaignBundle {
  campaign: CampaignRecord;
  answers: AnswerRecord[];
  notes: SectionNoteRecord[];
  actions: ActionRecord[];
  evidence: EvidenceRecord[];
  texts: DossierTextRecord[];
  /** Each member's positions before the group agreed, per item. */
  positions: PositionsRecord[];
  /** The staff questionnaires' settings and their anonymous responses. */
  surveys: SurveyRecord[];
  responses: SurveyResponseRecord[];
  /** On deletion only: the evidence files no other campaign uses, kept for undo. */
  files?: StoredEvidenceFile[];
}

const BUNDLE_TABLES = ['campaigns', 'answers', 'sectionNotes', 'actions', 'evidence', 'dossierTexts', 'positions', 'surveys', 'surveyResponses'] as const;

/** Every table of a bundle, read for one campaign in one transaction: the tables as of one moment. */
async function readBundleRows(id: string) {
  const db = database();
  return db.transaction('r', BUNDLE_TABLES.map((t) => db[t]), () =>
    Promise.all([
      readCampaign(id),
      db.answers.where('campaignId').equals(id).toArray(),
      db.sectionNotes.where('campaignId').equals(id).toArray(),
      db.actions.where('campaignId').equals(id).toArray(),
      db.evidence.where('campaignId').equals(id).toArray(),
      db.dossierTexts.where('campaignId').equals(id).toArray(),
      db.positions.where('campaignId').equals(id).toArray(),
      db.surveys.where('campaignId').equals(id).toArray(),
      db.surveyResponses.where('campaignId').equals(id).toArray(),
    ]),
  );
}

async function readBundle(id: string): Promise<CampaignBundle | undefined> {
  const [campaign, answers, notes, actions, evidence, texts, positions, surveys, responses] = await readBundleRows(id);
  if (!campaign) return undefined;
  return {
    campaign,
    answers: parseAll(AnswerRecordSchema, answers),
    notes: parseAll(SectionNoteRecordSchema, notes),
    actions: parseAll(ActionRecordSchema, actions),
    evidence: parseAll(EvidenceRecordSchema, evidence),
    texts: parseAll(DossierTextRecordSchema, texts),
    positions: parseAll(PositionsRecordSchema, positions),
    surveys: parseAll(SurveyRecordSchema, surveys),
    responses: parseAll(SurveyResponseRecordSchema, responses),
  };
}

/** A campaign with everything that belongs to it, live: what the answering screens show. */
export const watchCampaignBundle = (id: string) => watchShared(`campaign-bundle:${id}`, () => readBundle(id));

/** One campaign's data, live and shared: choosing one more campaign to compare reads only that one. */
const watchCampaignData = (id: string) =>
  watchShared(`campaign-data:${id}`, async (): Promise<CampaignData | undefined> => {
    const db = database();
    // The three reads at once: one round trip. No enclosing transaction, whose end is one more
    // wait: the live query reads again after any write.
    const [row, answers, actions] = await Promise.all([
      db.campaigns.get(id),
      db.answers.where('campaignId').equals(id).toArray(),
      db.actions.where('campaignId').equals(id).toArray(),
    ]);
    const [campaign] = row === undefined ? [] : parseAll(CampaignRecordSchema, [row]);
    if (!campaign) return undefined;
    const plan = inPlanOrder(parseAll(ActionRecordSchema, actions));
    return { campaign, answers: parseAll(AnswerRecordSchema, answers), actions: plan };
  });

/** Campaigns with their answers and action plans, live, in the order of the ids given (a deleted one left out). */
export function watchCampaignsData(ids: readonly string[]): Readable<Loadable<CampaignData[]>> {
  return derived(ids.map(watchCampaignData), (values): Loadable<CampaignData[]> => {
    const failed = values.find((v) => v.status === 'error');
    if (failed) return failed;
    if (values.some((v) => v.status === 'loading')) return { status: 'loading' };
    return { status: 'ready', value: values.flatMap((v) => (v.status === 'ready' && v.value ? [v.value] : [])) };
  });
}

/**
 * The yearly re-assessment: a new campaign whose answers are copied from a previous one, marked
 * "repris" until the group confirms or changes them. Section notes are not copied: each campaign's
 * analysis is its own (the previous one stays readable).
 */
export async function startFromPrevious(previousId: string, input: CampaignInput, propose?: ProposeTargets): Promise<Checked<CampaignRecord>> {
  const checked = checkCampaignInput(input);
  if (!checked.ok) return checked;
  const previous = await readBundle(previousId);
  if (!previous) return refused(fr.storage.notFound);
  const created = newCampaignRecord(checked.value, {
    startedFrom: previousId,
    members: previous.campaign.members,
    assignments: previous.campaign.assignments,
    // The next level up, proposed; without scoring at hand, last year's targets as they were.
    targets: propose ? propose(previous, checked.value.documents) : previous.campaign.targets,
  });
  if (!created.ok) return created;
  const record = created.value;
  const answers = previous.answers
    .filter((a) => a.value !== null)
    .filter((a) => {
      const document = documentOfItem(a.itemId);
      return document !== undefined && record.documents.includes(document);
    })
    // The value, its comment and its source come along; "à vérifier" does not, silently: every
    // carried answer is already to be confirmed, and last year's doubt is not this year's.
    .map((a): AnswerRecord => ({ ...a, campaignId: record.id, carriedOver: true, toCheck: false, updatedAt: record.createdAt }));
  const actions = takeOver(previous, record);
  // Evidence comes along "à revoir": it backed last year's answers, the group says if it still holds.
  const evidence = parseAll(
    EvidenceRecordSchema,
    carryOverEvidence(previous.evidence, { campaignId: record.id, documents: record.documents, now: record.createdAt, newId: () => crypto.randomUUID() }),
  );
  const done = await commit(['campaigns', 'answers', 'actions', 'evidence'], async (db) => {
    await db.campaigns.add(record);
    await db.answers.bulkAdd(answers);
    await db.actions.bulkAdd(actions);
    await db.evidence.bulkAdd(evidence);
  });
  return done.ok ? accepted(record) : done;
}

/** An exact copy under a new name, open, with its answers (carried-over marks kept) and notes. */
export async function duplicateCampaign(id: string, name: string): Promise<Checked<CampaignRecord>> {
  const source = await readBundle(id);
  if (!source) return refused(fr.storage.notFound);
  const { campaign } = source;
  const checked = checkCampaignInput({ name, date: campaign.date, documents: campaign.documents });
  if (!checked.ok) return checked;
  const created = newCampaignRecord(checked.value, {
    startedFrom: campaign.startedFrom,
    members: campaign.members,
    assignments: campaign.assignments,
    targets: campaign.targets,
    nextAssessment: campaign.nextAssessment,
  });
  if (!created.ok) return created;
  const record = created.value;
  const done = await commit(BUNDLE_TABLES, async (db) => {
    await db.campaigns.add(record);
    await db.answers.bulkAdd(source.answers.map((a) => ({ ...a, campaignId: record.id })));
    await db.sectionNotes.bulkAdd(source.notes.map((n) => ({ ...n, campaignId: record.id })));
    await db.actions.bulkAdd(source.actions.map((a) => ({ ...a, id: crypto.randomUUID(), campaignId: record.id })));
    await db.evidence.bulkAdd(source.evidence.map((e) => ({ ...e, id: crypto.randomUUID(), campaignId: record.id })));
    await db.dossierTexts.bulkAdd(source.texts.map((t) => ({ ...t, campaignId: record.id })));
    await db.positions.bulkAdd(source.positions.map((p) => ({ ...p, campaignId: record.id })));
    // The questionnaires too, as the copy's own (a response file names the questionnaire it
    // answers, and is imported into the original); the responses under new ids.
    for (const survey of source.surveys) {
      const copy = { ...survey, id: surveyIdOf(record.id, survey.audience), campaignId: record.id };
      await db.surveys.add(copy);
      await db.surveyResponses.bulkAdd(
        source.responses.filter((r) => r.surveyId === survey.id).map((r) => ({ ...r, id: randomId(), surveyId: copy.id, campaignId: record.id })),
      );
    }
  });
  return done.ok ? accepted(record) : done;
}

/** Close (validated by the group: read-only) or reopen: the one change a closed campaign takes. */
export async function setCampaignStatus(id: string, status: CampaignStatus): Promise<Checked<true>> {
  return updateCampaign(id, { status }, { evenClosed: true });
}

type CampaignChanges = Partial<Pick<CampaignRecord, 'name' | 'status' | 'members' | 'assignments' | 'targets' | 'nextAssessment'>>;

/** Adds a member to the group (a name only). */
export async function addMember(id: string, name: string): Promise<Checked<true>> {
  const checked = checkWith(MemberNameSchema, name.trim(), 'Nom du membre non valide.');
  if (!checked.ok) return checked;
  return updateCampaign(id, (campaign) =>
    campaign.members.includes(checked.value) ? {} : { members: [...campaign.members, checked.value] },
  );
}

/** Removes a member; their sections are left unassigned. */
export async function removeMember(id: string, name: string): Promise<Checked<true>> {
  return updateCampaign(id, (campaign) => ({
    members: campaign.members.filter((m) => m !== name),
    assignments: campaign.assignments.filter((a) => a.member !== name),
  }));
}

/** Gives a section to a member of the group, or to nobody (`member` empty). */
export async function assignSection(id: string, sectionId: string, member: string): Promise<Checked<true>> {
  const checked = checkWith(AssignmentSchema, { sectionId, member: member || '-' }, 'Attribution non valide.');
  if (!checked.ok) return checked;
  return updateCampaign(id, (campaign) => {
    const others = campaign.assignments.filter((a) => a.sectionId !== sectionId);
    if (member === '') return { assignments: others };
    if (!campaign.members.includes(member)) return refused('Ce membre ne fait pas partie du groupe.');
    return { assignments: [...others, { sectionId, member }] };
  });
}

/**
 * Changes a campaign in one transaction: a change computed from the stored record (a member
 * added, a section assigned) never overwrites one made a moment before, here or in another tab.
 * A closed campaign is refused (its status alone may change: `evenClosed`), and the changed
 * record is checked whole by its schema before it is written.
 */
async function updateCampaign(
  id: string,
  change: CampaignChanges | ((stored: CampaignRecord) => CampaignChanges | Checked<never>),
  { evenClosed = false }: { evenClosed?: boolean } = {},
): Promise<Checked<true>> {
  return commitDecided<true>(['campaigns'], async (db) => {
    const row = await db.campaigns.get(id);
    if (row === undefined) return refused(fr.storage.notFound);
    const stored = CampaignRecordSchema.safeParse(row).data;
    if (!stored) return refused(fr.storage.unreadable);
    if (stored.status === 'closed' && !evenClosed) return refused(fr.storage.closed);
    const changes = typeof change === 'function' ? change(stored) : change;
    if ('ok' in changes) return changes;
    const checked = checkWith(CampaignRecordSchema, { ...stored, ...changes, updatedAt: Date.now() }, 'Campagne non valide.');
    if (!checked.ok) return checked;
    await db.campaigns.put(checked.value);
    return accepted(true);
  });
}

export async function renameCampaign(id: string, name: string): Promise<Checked<true>> {
  const checked = checkCampaignName(name);
  if (!checked.ok) return checked;
  return updateCampaign(id, { name: checked.value });
}

/** Deletes a campaign with its answers and notes, in one transaction; returns them for undo. */
export async function deleteCampaign(id: string): Promise<Checked<CampaignBundle>> {
  const bundle = await readBundle(id);
  if (!bundle) return refused(fr.storage.notFound);
  const files: StoredEvidenceFile[] = [];
  const done = await commit([...BUNDLE_TABLES, 'evidenceFiles'], async (db) => {
    await db.answers.where('campaignId').equals(id).delete();
    await db.sectionNotes.where('campaignId').equals(id).delete();
    await db.actions.where('campaignId').equals(id).delete();
    await db.evidence.where('campaignId').equals(id).delete();
    await db.dossierTexts.where('campaignId').equals(id).delete();
    await db.positions.where('campaignId').equals(id).delete();
    await db.surveys.where('campaignId').equals(id).delete();
    await db.surveyResponses.where('campaignId').equals(id).delete();
    await db.campaigns.delete(id);
    // Its files go too, unless another campaign's evidence holds them.
    for (const sha256 of new Set(bundle.evidence.flatMap((e) => (e.file ? [e.file.sha256] : [])))) {
      if ((await db.evidence.where('file.sha256').equals(sha256).count()) > 0) continue;
      const file = await db.evidenceFiles.get(sha256);
      if (file) files.push(file);
      await db.evidenceFiles.delete(sha256);
    }
  });
  return done.ok ? accepted({ ...bundle, files }) : done;
}

/** Undo of a deletion: puts the campaign back exactly as it was. */
export async function restoreCampaign(bundle: CampaignBundle): Promise<Checked<true>> {
  return commit([...BUNDLE_TABLES, 'evidenceFiles'], async (db) => {
    await db.evidenceFiles.bulkPut(bundle.files ?? []);
    await db.campaigns.add(bundle.campaign);
    await db.answers.bulkAdd(bundle.answers);
    await db.sectionNotes.bulkAdd(bundle.notes);
    await db.actions.bulkAdd(bundle.actions);
    await db.evidence.bulkAdd(bundle.evidence);
    await db.dossierTexts.bulkAdd(bundle.texts);
    await db.positions.bulkAdd(bundle.positions);
    await db.surveys.bulkAdd(bundle.surveys);
    await db.surveyResponses.bulkAdd(bundle.responses);
  });
}

/** The level the group aims for on an axis, within its scale (`targetMax`: 0–3 or 0–100); `null` removes the target. */
export async function setTarget(id: string, axis: string, value: number | null): Promise<Checked<true>> {
  if (value !== null) {
    const checked = checkWith(TargetSchema, { axis, value }, `Objectif : un nombre de 0 à ${targetMax(axis)}.`);
    if (!checked.ok) return checked;
  }
  return updateCampaign(id, (campaign) => ({
    targets: [...campaign.targets.filter((t) => t.axis !== axis), ...(value === null ? [] : [{ axis, value }])],
  }));
}

/** The targets Diagnum proposed become the group's, unchanged. */
export async function acceptProposedTargets(id: string): Promise<Checked<true>> {
  return updateCampaign(id, (campaign) => ({ targets: campaign.targets.map(({ axis, value }) => ({ axis, value })) }));
}

export async function setNextAssessment(id: string, date: string | null): Promise<Checked<true>> {
  if (date !== null) {
    const checked = checkWith(IsoDateSchema, date, 'Date non valide.');
    if (!checked.ok) return checked;
  }
  return updateCampaign(id, { nextAssessment: date });
}
