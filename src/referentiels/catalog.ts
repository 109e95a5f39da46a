// What the first page needs to know of the three documents, without loading them: names, sizes,
// and which document an item id belongs to (ids carry their document's prefix). A unit test
// checks every figure here against the documents themselves.
import type { DocumentId } from './ids';

export interface CatalogEntry {
  id: DocumentId;
  shortTitle: string;
  /** Every item id of the document starts with this. */
  itemPrefix: string;
  parts: number;
  sections: number;
  items: number;
  /** Of the items, the follow-up questions asked only after a "oui" ("Si oui, …"). */
  followUps: number;
}

export const catalog: readonly CatalogEntry[] = [
  { id: 'dgesco-2010', shortTitle: 'Référentiel DGESCO 2010', itemPrefix: 'dgesco2010.', parts: 6, sections: 14, items: 80, followUps: 3 },
  { id: 'occitanie-grille', shortTitle: 'Grille de maturité Occitanie', itemPrefix: 'occitanie.', parts: 5, sections: 5, items: 19, followUps: 0 },
  { id: 'label-lycee-2023', shortTitle: 'Label Lycée numérique', itemPrefix: 'label2023.', parts: 4, sections: 5, items: 59, followUps: 0 },
];

/** The Occitanie grid's five areas (the axes whose targets are levels 0 to 3). */
export const occitanieAreaIds: readonly string[] = ['occitanie.1', 'occitanie.2', 'occitanie.3', 'occitanie.4', 'occitanie.5'];

export function documentOfItem(itemId: string): DocumentId | undefined {
  return catalog.find((entry) => itemId.startsWith(entry.itemPrefix))?.id;
}
