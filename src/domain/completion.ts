// How far a campaign is: which items are asked, answered, to check or carried over, per section,
// per document and overall, and which one to answer next. Pure: no DOM, no database.
import type { Item, Referentiel, Section } from '../referentiels/kinds';
import type { AnswerRecord, AnswerValue } from './answers';

export type AnswerLookup = ReadonlyMap<string, Pick<AnswerRecord, 'value' | 'toCheck' | 'carriedOver'>>;

export function answerLookup(answers: readonly AnswerRecord[]): Map<string, AnswerRecord> {
  return new Map(answers.map((a) => [a.itemId, a]));
}

/**
 * Answered means complete: all three usage counts; every row of the matrix, each with all its cells
 * or marked "service absent" (a service the school does not have is not evaluated); "non concerné" counts.
 */
export function isAnswered(item: Item, value: AnswerValue | null | undefined): boolean {
  if (!value) return false;
  if (value.kind === 'not-applicable') return true;
  if (value.kind === 'usage-counts') return value.never !== null && value.occasionally !== null && value.regularly !== null;
  if (value.kind === 'service-matrix' && item.kind === 'service-matrix') {
    const absent = new Set(value.absent);
    const filled = new Set(value.cells.map((c) => `${c.service}/${c.statement}`));
    return item.services.every(
      (s) => absent.has(s.id) || item.statements.every((t) => filled.has(`${s.id}/${t.id}`)),
    );
  }
  return true;
}

/** A "Si oui, ..." item is asked only once the question it depends on is answered "oui". */
export function isAsked(item: Item, answers: AnswerLookup): boolean {
  if (!item.askedIf) return true;
  const parent = answers.get(item.askedIf)?.value;
  return parent?.kind === 'yes-no' && parent.value;
}

export interface Progress {
  answered: number;
  total: number;
  /** Of the answered, those carried over from the previous campaign and not yet confirmed. */
  carried: number;
}

export function progressOf(items: readonly Item[], answers: AnswerLookup): Progress {
  let answered = 0;
  let total = 0;
  let carried = 0;
  for (const item of items) {
    if (!isAsked(item, answers)) continue;
    total++;
    const answer = answers.get(item.id);
    if (isAnswered(item, answer?.value)) {
      answered++;
      if (answer?.carriedOver) carried++;
    }
  }
  return { answered, total, carried };
}

export const documentSections = (document: Referentiel): Section[] => document.parts.flatMap((p) => p.sections);
/** A document's items in order: the référentiels' own list (one source for it). */
export { itemsOf as documentItems } from '../referentiels';

/** The share of the campaign's own answers: a carried-over answer counts once confirmed. */
export function percentOf({ answered, total, carried = 0 }: Pick<Progress, 'answered' | 'total'> & { carried?: number }): number {
  return total === 0 ? 100 : Math.floor(((answered - carried) / total) * 100);
}

export interface ItemInCampaign {
  document: Referentiel;
  section: Section;
  item: Item;
}

/** Every asked item of the campaign's documents, in the documents' order. */
export function askedItems(documents: readonly Referentiel[], answers: AnswerLookup): ItemInCampaign[] {
  const found: ItemInCampaign[] = [];
  for (const document of documents) {
    for (const section of documentSections(document)) {
      for (const item of section.items) if (isAsked(item, answers)) found.push({ document, section, item });
    }
  }
  return found;
}

export function unansweredItems(documents: readonly Referentiel[], answers: AnswerLookup): ItemInCampaign[] {
  return askedItems(documents, answers).filter((p) => !isAnswered(p.item, answers.get(p.item.id)?.value));
}

export function itemsToCheck(documents: readonly Referentiel[], answers: AnswerLookup): ItemInCampaign[] {
  return askedItems(documents, answers).filter((p) => answers.get(p.item.id)?.toCheck === true);
}

export function carriedOverItems(documents: readonly Referentiel[], answers: AnswerLookup): ItemInCampaign[] {
  return askedItems(documents, answers).filter((p) => answers.get(p.item.id)?.carriedOver === true);
}

/** The first unanswered item after `afterItemId` (in document order), wrapping round; none when all are answered. */
export function nextUnanswered(
  documents: readonly Referentiel[],
  answers: AnswerLookup,
  afterItemId?: string,
): ItemInCampaign | undefined {
  const asked = askedItems(documents, answers);
  const start = afterItemId ? asked.findIndex((p) => p.item.id === afterItemId) + 1 : 0;
  for (let i = 0; i < asked.length; i++) {
    const candidate = asked[(start + i) % asked.length]!;
    if (candidate.item.id !== afterItemId && !isAnswered(candidate.item, answers.get(candidate.item.id)?.value)) {
      return candidate;
    }
  }
  return undefined;
}
