// Building the three kinds of file from what the database holds.
import { findItem } from '../../referentiels';
import { sectionOfTarget } from '../evidence-targets';
import { slug } from '../export/file-names';
import type { AnswerRecord } from '../answers';
import { FORMAT_NAME, FORMAT_VERSION, type DiagnumFile, type FileKind, type Snapshot } from './format';

export interface ExportStamp {
  exportId: string;
  /** ISO date-time of the export. */
  exportedAt: string;
  appVersion: string;
}

function envelope(kind: FileKind, stamp: ExportStamp, data: Snapshot, extra: Partial<DiagnumFile> = {}): DiagnumFile {
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    kind,
    ...stamp,
    contributor: null,
    campaignId: null,
    sections: [],
    data,
    ...extra,
  };
}

/** Everything: the file that lets a school start again on another laptop. */
export function backupFile(snapshot: Snapshot, stamp: ExportStamp): DiagnumFile {
  return envelope('sauvegarde', stamp, snapshot);
}

/** One campaign with the school: handed to the members of the group, or archived. */
export function campaignFile(snapshot: Snapshot, campaignId: string, stamp: ExportStamp): DiagnumFile {
  const mine = <T extends { campaignId: string }>(rows: readonly T[]) => rows.filter((r) => r.campaignId === campaignId);
  return envelope(
    'campagne',
    stamp,
    {
      school: snapshot.school,
      campaigns: snapshot.campaigns.filter((c) => c.id === campaignId),
      answers: mine(snapshot.answers),
      sectionNotes: mine(snapshot.sectionNotes),
      actions: mine(snapshot.actions),
      imports: [],
      evidence: mine(snapshot.evidence),
      dossierTexts: mine(snapshot.dossierTexts),
      positions: mine(snapshot.positions),
      surveys: mine(snapshot.surveys),
      surveyResponses: mine(snapshot.surveyResponses),
    },
    { campaignId },
  );
}

/** An answer of the member's own: typed, not merely carried over from the previous campaign. */
export function isOwnAnswer(answer: AnswerRecord): boolean {
  const touched = answer.value !== null || answer.comment !== '' || answer.toCheck || answer.source !== '';
  return touched && !answer.carriedOver;
}

/** The sections of a campaign where this laptop holds answers of its own, in the référentiel's order. */
export function filledSections(snapshot: Pick<Snapshot, 'answers' | 'sectionNotes'>, campaignId: string): string[] {
  const filled = new Set<string>();
  for (const answer of snapshot.answers) {
    if (answer.campaignId === campaignId && isOwnAnswer(answer)) filled.add(findItem(answer.itemId)!.section.id);
  }
  for (const note of snapshot.sectionNotes) {
    if (note.campaignId === campaignId && note.text.trim() !== '') filled.add(note.sectionId);
  }
  return [...filled];
}

/** A member's sections only, with the member's name: what the RUPN merges. */
export function contributionFile(
  snapshot: Snapshot,
  campaignId: string,
  contributor: string,
  sections: readonly string[],
  stamp: ExportStamp,
): DiagnumFile {
  const wanted = new Set(sections);
  return envelope(
    'contribution',
    stamp,
    {
      school: null,
      campaigns: snapshot.campaigns.filter((c) => c.id === campaignId),
      answers: snapshot.answers.filter(
        (a) => a.campaignId === campaignId && isOwnAnswer(a) && wanted.has(findItem(a.itemId)!.section.id),
      ),
      sectionNotes: snapshot.sectionNotes.filter((n) => n.campaignId === campaignId && wanted.has(n.sectionId) && n.text.trim() !== ''),
      actions: [],
      imports: [],
      // The evidence of the member's sections: every link inside them (a wider one is the RUPN's).
      evidence: snapshot.evidence.filter(
        (e) => e.campaignId === campaignId && !e.toReview && e.links.length > 0 && e.links.every((l) => wanted.has(sectionOfTarget(l) ?? '')),
      ),
      dossierTexts: [],
      // The group's positions and the questionnaire are the RUPN's: a member's own answers come as answers.
      positions: [],
      surveys: [],
      surveyResponses: [],
    },
    { campaignId, contributor, sections: [...sections] },
  );
}

/** Readable by people and diff tools: two-space indentation, keys in the order of the format's documentation. */
export function serializeFile(file: DiagnumFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** `container`: the file holds evidence files, and is a ZIP (container.ts). */
export function fileNameFor(file: DiagnumFile, container = false): string {
  const day = file.exportedAt.slice(0, 10);
  const campaign = file.data.campaigns[0];
  const extension = container ? 'zip' : 'json';
  if (file.kind === 'sauvegarde') return `diagnum-sauvegarde-${day}.${extension}`;
  if (file.kind === 'campagne') return `diagnum-campagne-${slug(campaign?.name ?? '')}-${day}.${extension}`;
  return `diagnum-contribution-${slug(file.contributor ?? '')}-${slug(campaign?.name ?? '')}-${day}.${extension}`;
}
