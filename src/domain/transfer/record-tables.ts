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
import type { Snapshot } from './format';

export interface TableRecords {
  school: SchoolRecord;
  campaigns: CampaignRecord;
  answers: AnswerRecord;
  sectionNotes: SectionNoteRecord;
  actions: ActionRecord;
  evidence: EvidenceRecord;
  dossierTexts: DossierTextRecord;
}
export type RecordTable = keyof TableRecords;

/** Records of every table, one array per table. */
export type RecordsByTable = { [T in RecordTable]: Array<TableRecords[T]> };

/** In the order the merge goes through them, and the import writes them. */
export const RECORD_TABLES: readonly RecordTable[] = ['school', 'campaigns', 'answers', 'sectionNotes', 'actions', 'evidence', 'dossierTexts'];

export interface TableRules<R> {
  /** The record's key in its table: its id, or `campaignId|itemId` (`campaignId|sectionId`) for the compound keys. */
  key(record: R): string;
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

function withContributor(campaign: CampaignRecord, contributor: string | null): CampaignRecord {
  return contributor === null || campaign.members.includes(contributor)
    ? campaign
    : { ...campaign, members: [...campaign.members, contributor] };
}

export const tableRules: { readonly [T in RecordTable]: TableRules<TableRecords[T]> } = {
  school: {
    key: () => 'school',
    campaignOf: () => null,
    rows: (snapshot) => (snapshot.school ? [snapshot.school] : []),
    received: asIs,
    ignored: bookkeeping,
    isBlank: no,
    isCarriedOver: no,
  },
  campaigns: {
    key: (campaign) => campaign.id,
    campaignOf: (campaign) => campaign.id,
    rows: (snapshot) => snapshot.campaigns,
    received: withContributor,
    ignored: [...bookkeeping, 'createdAt', 'members', 'assignments', 'documents'],
    isBlank: no,
    isCarriedOver: no,
  },
  answers: {
    key: (answer) => `${answer.campaignId}|${answer.itemId}`,
    campaignOf: (answer) => answer.campaignId,
    rows: (snapshot) => snapshot.answers,
    received: asIs,
    ignored: bookkeeping,
    isBlank: (answer) => answer.value === null && answer.comment === '' && !answer.toCheck && answer.source === '',
    isCarriedOver: (answer) => answer.carriedOver,
  },
  sectionNotes: {
    key: (note) => `${note.campaignId}|${note.sectionId}`,
    campaignOf: (note) => note.campaignId,
    rows: (snapshot) => snapshot.sectionNotes,
    received: asIs,
    ignored: bookkeeping,
    isBlank: (note) => note.text.trim() === '',
    isCarriedOver: no,
  },
  actions: {
    key: (action) => action.id,
    campaignOf: (action) => action.campaignId,
    rows: (snapshot) => snapshot.actions,
    received: asIs,
    ignored: [...bookkeeping, 'createdAt'],
    isBlank: no,
    isCarriedOver: no,
  },
  evidence: {
    key: (evidence) => evidence.id,
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
    campaignOf: (text) => text.campaignId,
    rows: (snapshot) => snapshot.dossierTexts,
    received: asIs,
    ignored: bookkeeping,
    isBlank: (text) => text.text.trim() === '',
    isCarriedOver: no,
  },
};

export function recordKey<T extends RecordTable>(table: T, record: TableRecords[T]): string {
  return tableRules[table].key(record);
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
