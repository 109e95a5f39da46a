// The three documents, and look-ups from an id to its document, section or item.
import type { DocumentId } from './ids';
import type { Item, Part, Referentiel, Section } from './kinds';
import { dgesco2010 } from './dgesco-2010';
import { grilleOccitanie } from './grille-occitanie';
import { labelLycee } from './label-lycee';

export const referentiels: readonly Referentiel[] = [dgesco2010, grilleOccitanie, labelLycee];

export interface ItemPlace {
  item: Item;
  section: Section;
  part: Part;
  document: Referentiel;
}

const places = new Map<string, ItemPlace>();
const sections = new Map<string, { section: Section; part: Part; document: Referentiel }>();
for (const document of referentiels) {
  for (const part of document.parts) {
    for (const section of part.sections) {
      sections.set(section.id, { section, part, document });
      for (const item of section.items) places.set(item.id, { item, section, part, document });
    }
  }
}

export function referentielById(id: DocumentId): Referentiel {
  const found = referentiels.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown document ${id}`);
  return found;
}

export function findReferentiel(id: string): Referentiel | undefined {
  return referentiels.find((r) => r.id === id);
}

export function findItem(itemId: string): ItemPlace | undefined {
  return places.get(itemId);
}

export function findSection(sectionId: string) {
  return sections.get(sectionId);
}

export function itemsOf(document: Referentiel): Item[] {
  return document.parts.flatMap((p) => p.sections.flatMap((s) => s.items));
}

/** The DGESCO 3.1 figures that the counts of every campaign are read against. */
export const referenceFigureItems = itemsOf(dgesco2010).filter(
  (i): i is Extract<Item, { kind: 'reference-figure' }> => i.kind === 'reference-figure',
);
