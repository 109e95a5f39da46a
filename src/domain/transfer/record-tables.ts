// The tables a file carries, as the merge sees them: for each, a record's key, its campaign, what
// the group decides on, and when a record says nothing. One entry per table, typed by table, so
// that one piece of code merges every table and each record keeps its own type.
import type { AnswerRecord } from '../answers';
import type { CampaignRecord } from '../campaigns';
import type { SchoolRecord } from '../school';
import type { SectionNoteRecord } from '../section-notes';
import type { ActionRecord } from '../actions';
import type { EvidenceRecord } from '../evidence';
import type { DossierTextRecord } from '../dossier-texts';
import type { PositionsRecord } from '../positions';
import { SurveyResponseRecordSchema, type SurveyRecord, type SurveyResponseRecord } from '../survey/records';
import type { Snapshot } from './format';

export interface TableRecords {
  school: SchoolRecord;
  campaigns: CampaignRecord;
  answers: AnswerRecord;
  sectionNotes: SectionNoteRecord;
  actions: ActionRecord;
  evidence: EvidenceRecord;
  dossierTexts: DossierTextRecord;
  positions: PositionsRecord;
  surveys: SurveyRecord;
  surveyResponses: SurveyResponseRecord;
}
export type RecordTable = keyof TableRecords;

/** Records of every table, one array per table. */
export type RecordsByTable = { [T in RecordTable]: Array<TableRecords[T]> };

/** In the order the merge goes through them, and the import writes them. */
export const RECORD_TABLES: readonly RecordTable[] = [
  'school',
  'campaigns',
  'answers',
  'sectionNotes',
  'actions',
  'evidence',
  'dossierTexts',
  'positions',
  'surveys',
  'surveyResponses',
];

export interface TableRules<R> {
  /** The record's key in its table: its id, or `campaignId|itemId` (`campaignId|sectionId`) for the compound keys. */
  key(record: R): string;
  /**
   * When the record was last written (`updatedAt`): the newest of equal versions is kept, and an
   * import checks that the records it replaces have not moved since. 0 for a record never rewritten.
   */
  stamp(record: R): number;
  campaignOf(record: R): string | null;
  rows(snapshot: Snapshot): readonly R[];
  /** The record as a file brings it in: whoever sent a contribution is a member of the campaign. */
  received(record: R, contributor: string | null): R;
  /** What the group does not decide on: bookkeeping (dates, versions) and what merges by union. */
  ignored: ReadonlyArray<keyof R>;
  /** A record that says nothing: an untouched answer, an empty note. */
  isBlank(record: R): boolean;
  /** A value carried over from the previous campaign is a proposal, not yet an answer of the group. */
  isCarriedOver(record: R): boolean;
}

const no = () => false;
const asIs = <R>(record: R) => record;
const bookkeeping = ['updatedAt', 'schemaVersion'] as const;
const updated = (record: { updatedAt: number }) => record.updatedAt;

/** Read from the schema, so that a field added to the record later is left out too. */
function everyFieldBut<R>(shape: object, kept: keyof R & string): Array<keyof R> {
  return Object.keys(shape).filter((field) => field !== kept) as Array<keyof R>;
}

function withContributor(campaign: CampaignRecord, contributor: string | null): CampaignRecord {
  return contributor === null || campaign.members.includes(contributor)
    ? campaign
    : { ...campaign, members: [...campaign.members, contributor] };
}

export const tableRules: { readonly [T in RecordTable]: TableRules<TableRecords[T]> } = {
  school: {
    key: () => 'school',
    stamp: updated,
    campaignOf: () => null,
    rows: (snapshot) => (snapshot.school ? [snapshot.school] : []),
    received: asIs,
    ignored: bookkeeping,
    isBlank: no,
    isCarriedOver: no,
  },
  campaigns: {
    key: (campaign) => campaign.id,
    stamp: updated,
    campaignOf: (campaign) => campaign.id,
    rows: (snapshot) => snapshot.campaigns,
    received: withContributor,
    ignored: [...bookkeeping, 'createdAt', 'members', 'assignments', 'documents'],
    isBlank: no,
    isCarriedOver: no,
  },
  answers: {
    key: (answer) => `${answer.campaignId}|${answer.itemId}`,
    stamp: updated,
    campaignOf: (answer) => answer.campaignId,
    rows: (snapshot) => snapshot.answers,
    received: asIs,
    ignored: bookkeeping,
    isBlank: (answer) => answer.value === null && answer.comment === '' && !answer.toCheck && answer.source === '',
    isCarriedOver: (answer) => answer.carriedOver,
  },
  sectionNotes: {
    key: (note) => `${note.campaignId}|${note.sectionId}`,
    stamp: updated,
    campaignOf: (note) => note.campaignId,
    rows: (snapshot) => snapshot.sectionNotes,
    received: asIs,
    ignored: bookkeeping,
    isBlank: (note) => note.text.trim() === '',
    isCarriedOver: no,
  },
  actions: {
    key: (action) => action.id,
    stamp: updated,
    campaignOf: (action) => action.campaignId,
    rows: (snapshot) => snapshot.actions,
    received: asIs,
    ignored: [...bookkeeping, 'createdAt'],
    isBlank: no,
    isCarriedOver: no,
  },
  evidence: {
    key: (evidence) => evidence.id,
    stamp: updated,
    campaignOf: (evidence) => evidence.campaignId,
    rows: (snapshot) => snapshot.evidence,
    received: asIs,
    ignored: [...bookkeeping, 'createdAt'],
    isBlank: no,
    // Evidence taken over from last year and not yet looked at again never outweighs a checked one.
    isCarriedOver: (evidence) => evidence.toReview,
  },
  dossierTexts: {
    key: (text) => `${text.campaignId}|${text.textId}`,
    stamp: updated,
    campaignOf: (text) => text.campaignId,
    rows: (snapshot) => snapshot.dossierTexts,
    received: asIs,
    ignored: bookkeeping,
    isBlank: (text) => text.text.trim() === '',
    isCarriedOver: no,
  },
  positions: {
    key: (record) => `${record.campaignId}|${record.itemId}`,
    stamp: updated,
    campaignOf: (record) => record.campaignId,
    rows: (snapshot) => snapshot.positions,
    received: asIs,
    ignored: bookkeeping,
    isBlank: (record) => record.positions.length === 0,
    isCarriedOver: no,
  },
  surveys: {
    key: (survey) => survey.id,
    stamp: updated,
    campaignOf: (survey) => survey.campaignId,
    rows: (snapshot) => snapshot.surveys,
    received: asIs,
    ignored: [...bookkeeping, 'createdAt'],
    isBlank: no,
    isCarriedOver: no,
  },
  surveyResponses: {
    key: (response) => response.id,
    // Written once, never rewritten: it has no `updatedAt`.
    stamp: () => 0,
    campaignOf: (response) => response.campaignId,
    rows: (snapshot) => snapshot.surveyResponses,
    received: asIs,
    // Only the id is compared: the same random id is the same response, whatever a file says of
    // it, so a response never competes with another (two under one id would be a forged file).
    ignored: everyFieldBut<SurveyResponseRecord>(SurveyResponseRecordSchema.shape, 'id'),
    isBlank: no,
    isCarriedOver: no,
  },
};

export function recordKey<T extends RecordTable>(table: T, record: TableRecords[T]): string {
  return tableRules[table].key(record);
}

export function recordStamp<T extends RecordTable>(table: T, record: TableRecords[T]): number {
  return tableRules[table].stamp(record);
}

/** Keys sorted at every depth: two records with the same content give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What the group decides on, as text: two versions that say the same give the same text. */
export function contentOf<R extends object>(rules: TableRules<R>, record: R): string {
  const ignored: ReadonlyArray<PropertyKey> = rules.ignored;
  return canonicalJson(Object.fromEntries(Object.entries(record).filter(([k]) => !ignored.includes(k))));
}
