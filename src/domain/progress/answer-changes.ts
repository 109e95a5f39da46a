// The answers that changed between two campaigns of a school, for "Mesure des progrès" and the
// printed report: what moved an axis, item by item, and who stands behind the new answer.
import type { DocumentId } from '../../referentiels/ids';
import type { Item, Section } from '../../referentiels/kinds';
import { referenceFigureItems, referentiels } from '../../referentiels';
import { catalog } from '../../referentiels/catalog';
import { referenceFiguresFrom, type AnswerRecord, type AnswerValue, type ReferenceFigures } from '../answers';
import { valueText } from '../answer-text';
import { scoreItem } from '../scoring/item-score';
import { decimal } from '../../text/format';

export type ChangeDirection = 'progress' | 'regress' | 'new' | 'dropped' | 'other';

export const changeDirectionLabels: Record<ChangeDirection, string> = {
  progress: 'en progrès',
  regress: 'en recul',
  new: 'nouveau',
  dropped: 'plus renseigné',
  other: 'autre changement',
};

/** The directions in the order a page lists them. */
export const changeDirections: readonly ChangeDirection[] = ['progress', 'regress', 'new', 'dropped', 'other'];

export interface AnswerChange {
  itemId: string;
  documentId: DocumentId;
  sectionId: string;
  /** "3.3.2.1", "A.1", or the Occitanie criterion's code-like label: what a person cites. */
  code: string;
  /** The item's official wording. */
  text: string;
  /** The before answer as a person reads it ('non renseigné' when none). */
  before: string;
  after: string;
  direction: ChangeDirection;
  /**
   * Who stands behind the after answer: 'repris, non confirmé' when carried over and not confirmed,
   * else the member the section is assigned to in the after campaign, else 'le groupe de pilotage'.
   */
  confirmedBy: string;
}

export interface CampaignSide {
  answers: ReadonlyMap<string, Pick<AnswerRecord, 'value' | 'carriedOver'>>;
  documents: readonly DocumentId[];
  assignments?: readonly { sectionId: string; member: string }[];
}

export const CARRIED_NOT_CONFIRMED = 'repris, non confirmé';
export const PILOT_GROUP = 'le groupe de pilotage';

interface Entry {
  item: Item;
  documentId: DocumentId;
  sectionId: string;
  code: string;
}

interface SectionPlace {
  documentId: DocumentId;
  documentTitle: string;
  section: Section;
  /** Rank in the documents' source order. */
  rank: number;
}

/** What a person cites: the id without its document's prefix, or the label criterion's own code. */
function codeOf(item: Item, prefix: string): string {
  if (item.kind === 'label-band') return item.code;
  return item.id.startsWith(prefix) ? item.id.slice(prefix.length) : item.id;
}

// Walked once at load: the diff of two campaigns then only reads maps.
const entriesOf = new Map<DocumentId, Entry[]>();
const sectionPlaces = new Map<string, SectionPlace>();
const axisItems = new Map<string, string[]>();
const DGESCO_STRUCTURE = new Set(['dgesco2010.3.3', 'dgesco2010.3.4', 'dgesco2010.3.5']);
const DGESCO_USAGE_PART = 'dgesco2010.3.6';

for (const document of referentiels) {
  const prefix = catalog.find((e) => e.id === document.id)?.itemPrefix ?? '';
  const entries: Entry[] = [];
  for (const part of document.parts) {
    const partItems: string[] = [];
    for (const section of part.sections) {
      sectionPlaces.set(section.id, { documentId: document.id, documentTitle: document.shortTitle, section, rank: sectionPlaces.size });
      for (const item of section.items) {
        entries.push({ item, documentId: document.id, sectionId: section.id, code: codeOf(item, prefix) });
        partItems.push(item.id);
        if (item.kind === 'label-band') axisItems.set(item.id, [item.id]);
      }
      if (part.id === DGESCO_USAGE_PART) {
        axisItems.set(`${section.id}.usage`, section.items.filter((i) => i.role === 'headline').map((i) => i.id));
        axisItems.set(`${section.id}.means`, section.items.filter((i) => i.role !== 'headline').map((i) => i.id));
      }
    }
    // Axes of the results: DGESCO's three structural parts, the Occitanie areas, the label blocks.
    if (document.id !== 'dgesco-2010' || DGESCO_STRUCTURE.has(part.id)) axisItems.set(part.id, partItems);
  }
  entriesOf.set(document.id, entries);
}

/** The item ids behind an axis of the results (see dgesco.ts, occitanie.ts, label.ts); [] for an unknown axis. */
export function itemsOfAxis(axisId: string): string[] {
  return [...(axisItems.get(axisId) ?? [])];
}

// --- Equality -------------------------------------------------------------------------------

type Matrix = Extract<AnswerValue, { kind: 'service-matrix' }>;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size !== right.size) return false;
  for (const x of left) if (!right.has(x)) return false;
  return true;
}

const cellKeys = (m: Matrix) => m.cells.map((c) => JSON.stringify([c.service, c.statement, c.value]));

/** Same answer: a checklist and the matrix's cells and absent services are sets, their order is no change. */
export function sameValue(a: AnswerValue | null | undefined, b: AnswerValue | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return !a && !b;
  switch (a.kind) {
    case 'not-applicable':
      return b.kind === a.kind;
    case 'number':
    case 'date':
    case 'yes-no':
    case 'percentage':
    case 'text':
    case 'level':
      return b.kind === a.kind && b.value === a.value;
    case 'band':
      return b.kind === a.kind && b.band === a.band;
    case 'usage-counts':
      return b.kind === a.kind && b.never === a.never && b.occasionally === a.occasionally && b.regularly === a.regularly;
    case 'checklist':
      return b.kind === a.kind && sameSet(a.checked, b.checked);
    case 'service-matrix':
      return b.kind === a.kind && sameSet(a.absent ?? [], b.absent ?? []) && sameSet(cellKeys(a), cellKeys(b));
  }
}

// --- Direction ------------------------------------------------------------------------------

/** What an answer is worth on its document's scale, or undefined when it measures nothing. */
function worthOf(item: Item, value: AnswerValue, figures: ReferenceFigures): number | undefined {
  if (item.kind === 'level') return value.kind === 'level' ? value.value : undefined;
  if (item.kind === 'label-band') {
    if (value.kind !== 'band') return undefined;
    const band = item.bands.find((b) => b.id === value.band);
    if (!band) return undefined;
    return item.rule === 'mandatory' ? (band.level ?? 0) : (band.points ?? 0);
  }
  const score = scoreItem(item, value, figures);
  return score.scored ? score.value : undefined;
}

// Shares are ratios of whole numbers; the margin only keeps float noise from reading as a change.
const EPSILON = 1e-9;

function directionOf(
  item: Item,
  before: AnswerValue | null,
  after: AnswerValue | null,
  figuresBefore: ReferenceFigures,
  figuresAfter: ReferenceFigures,
): ChangeDirection {
  if (!before) return 'new';
  if (!after) return 'dropped';
  // "Non concerné" is an answer: going to or from it is neither a progress nor a recul.
  if (before.kind === 'not-applicable' || after.kind === 'not-applicable') return 'other';
  const a = worthOf(item, before, figuresBefore);
  const b = worthOf(item, after, figuresAfter);
  if (a === undefined || b === undefined) return 'other';
  if (b > a + EPSILON) return 'progress';
  if (b < a - EPSILON) return 'regress';
  return 'other';
}

// --- The diff -------------------------------------------------------------------------------

/** A follow-up ("Si oui, …") counts only while its question is answered "oui", as in the results. */
function valueIn(item: Item, answers: CampaignSide['answers']): AnswerValue | null {
  if (item.askedIf) {
    const parent = answers.get(item.askedIf)?.value;
    if (parent?.kind !== 'yes-no' || !parent.value) return null;
  }
  return answers.get(item.id)?.value ?? null;
}

/** The DGESCO 3.1 figures of one campaign: each campaign's shares are read against its own. */
function figuresOf(side: CampaignSide): ReferenceFigures {
  const records = referenceFigureItems.map((i) => ({ itemId: i.id, value: side.answers.get(i.id)?.value ?? null }));
  return referenceFiguresFrom(records, referenceFigureItems);
}

/**
 * The answers that differ from `before` to `after`, in the documents' source order. Only documents
 * of both campaigns are compared; comments, sources and "à vérifier" flags are no change.
 */
export function answerChanges(before: CampaignSide, after: CampaignSide): AnswerChange[] {
  const shared = referentiels.filter((d) => before.documents.includes(d.id) && after.documents.includes(d.id));
  if (shared.length === 0) return [];
  const hasDgesco = shared.some((d) => d.id === 'dgesco-2010');
  const figuresBefore = hasDgesco ? figuresOf(before) : {};
  const figuresAfter = hasDgesco ? figuresOf(after) : {};
  const assigned = new Map<string, string>();
  // First assignment of a section wins, as the campaign page shows it.
  for (const a of after.assignments ?? []) if (!assigned.has(a.sectionId)) assigned.set(a.sectionId, a.member);

  const changes: AnswerChange[] = [];
  for (const document of shared) {
    for (const entry of entriesOf.get(document.id)!) {
      const { item } = entry;
      const was = valueIn(item, before.answers);
      const is = valueIn(item, after.answers);
      if (sameValue(was, is)) continue;
      const carried = is !== null && after.answers.get(item.id)?.carriedOver === true;
      changes.push({
        itemId: item.id,
        documentId: entry.documentId,
        sectionId: entry.sectionId,
        code: entry.code,
        text: item.text,
        before: valueText(item, was),
        after: valueText(item, is),
        direction: directionOf(item, was, is, figuresBefore, figuresAfter),
        confirmedBy: carried ? CARRIED_NOT_CONFIRMED : (assigned.get(entry.sectionId) ?? PILOT_GROUP),
      });
    }
  }
  return changes;
}

// --- By section -----------------------------------------------------------------------------

export interface SectionChanges {
  documentId: DocumentId;
  documentTitle: string;
  sectionId: string;
  sectionCode: string;
  sectionTitle: string;
  changes: AnswerChange[];
  counts: Record<ChangeDirection, number>;
}

const noCounts = (): Record<ChangeDirection, number> => ({ progress: 0, regress: 0, new: 0, dropped: 0, other: 0 });

/** The changes grouped by section, in the documents' order; sections without a change are left out. */
export function changesBySection(changes: readonly AnswerChange[]): SectionChanges[] {
  const groups = new Map<string, { place: SectionPlace; group: SectionChanges }>();
  for (const change of changes) {
    let found = groups.get(change.sectionId);
    if (!found) {
      const place = sectionPlaces.get(change.sectionId);
      if (!place) continue; // a section no document has any more: nothing to show it under
      found = {
        place,
        group: {
          documentId: place.documentId,
          documentTitle: place.documentTitle,
          sectionId: place.section.id,
          sectionCode: place.section.code,
          sectionTitle: place.section.title,
          changes: [],
          counts: noCounts(),
        },
      };
      groups.set(change.sectionId, found);
    }
    found.group.changes.push(change);
    found.group.counts[change.direction]++;
  }
  return [...groups.values()].sort((a, b) => a.place.rank - b.place.rank).map((g) => g.group);
}

// --- The sentence ---------------------------------------------------------------------------

const CITED = 3;
/** Longer answers (a matrix, a long checklist) would drown the sentence: their code alone is cited. */
const MAX_QUOTED = 40;

const fmt = (n: number) => decimal(n);

/** "A", "A et B", "A, B et C". */
export function frenchList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}`;
}

const quotable = (c: AnswerChange) => c.before.length <= MAX_QUOTED && c.after.length <= MAX_QUOTED;
const fromTo = (c: AnswerChange) => `${c.before} → ${c.after}`;

/** "3.3.2.1 et 3.3.3.2 (non → oui)", or each code with its own before → after. */
function cited(changes: readonly AnswerChange[]): string {
  const shown = changes.slice(0, CITED);
  const rest = changes.length - shown.length;
  const others = rest > 0 ? [`${rest} autre${rest > 1 ? 's' : ''}`] : [];
  const shared = shown.every((c) => quotable(c) && fromTo(c) === fromTo(shown[0]!));
  if (shared) return frenchList([`${frenchList(shown.map((c) => c.code))} (${fromTo(shown[0]!)})`, ...others]);
  return frenchList([...shown.map((c) => (quotable(c) ? `${c.code} (${fromTo(c)})` : c.code)), ...others]);
}

/**
 * What an axis did and why, for a conseil d'administration:
 * "Pilotage : +12 points, grâce à 3.3.2.1 et 3.3.3.2 (non → oui)". `unit` is the axis's own word.
 */
export function axisChangeSentence(axisLabel: string, delta: number | null, unit: string, changes: readonly AnswerChange[]): string {
  if (delta === null) return `${axisLabel} : pas de comparaison possible`;
  // Read as printed: a delta that shows as 0 is no progress nor recul.
  const shown = fmt(Math.abs(delta));
  const sign = shown === '0' ? '' : delta > 0 ? '+' : '-';
  const amount = `${sign}${shown}${unit ? ` ${unit}` : ''}`;
  const moved = shown === '0' ? 0 : Math.sign(delta);
  let why: string;
  if (changes.length === 0) why = 'aucune réponse changée';
  else {
    const direction = moved > 0 ? 'progress' : moved < 0 ? 'regress' : undefined;
    const causes = direction ? changes.filter((c) => c.direction === direction) : [];
    if (causes.length > 0) why = `${moved > 0 ? 'grâce à' : 'en raison de'} ${cited(causes)}`;
    // The score moved by new or dropped answers, or did not move: the changes are counted, not credited.
    else why = `${changes.length} réponse${changes.length > 1 ? 's' : ''} changée${changes.length > 1 ? 's' : ''}`;
  }
  return `${axisLabel} : ${amount}, ${why}`;
}
