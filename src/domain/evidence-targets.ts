// What an evidence link points to: an item or a section of a document the campaign covers.
// Apart from evidence.ts because it reads the documents themselves.
import { findItem, findSection } from '../referentiels';
import type { DocumentId } from '../referentiels/ids';

/** The section of an evidence link: the section itself, or the item's section. */
export const sectionOfTarget = (targetId: string): string | undefined => findSection(targetId)?.section.id ?? findItem(targetId)?.section.id;

/** The document an evidence link belongs to (an item's or a section's), or undefined when unknown. */
export const documentOfTarget = (targetId: string): DocumentId | undefined =>
  findItem(targetId)?.document.id ?? findSection(targetId)?.document.id;

/** Why evidence of a campaign covering `documents` cannot back `targetId`, or undefined. */
export function targetProblem(targetId: string, documents: readonly string[]): string | undefined {
  const document = documentOfTarget(targetId);
  if (!document) return `Question ou section inconnue : ${targetId}.`;
  return documents.includes(document) ? undefined : 'Cette question n’est pas dans les référentiels de la campagne.';
}
