import { describe, expect, it } from 'vitest';
import { catalog, documentOfItem } from '../../../src/referentiels/catalog';
import { findItem, itemsOf, referentiels } from '../../../src/referentiels';

describe('the catalog of the documents', () => {
  it('names and counts each document exactly as its data does', () => {
    expect(
      referentiels.map((r) => ({
        id: r.id,
        shortTitle: r.shortTitle,
        parts: r.parts.length,
        sections: r.parts.reduce((n, p) => n + p.sections.length, 0),
        items: itemsOf(r).length,
        followUps: itemsOf(r).filter((i) => i.askedIf).length,
      })),
    ).toEqual(catalog.map(({ itemPrefix: _prefix, ...entry }) => entry));
  });

  it('lists the Occitanie areas as the grid does', async () => {
    const { occitanieAreaIds } = await import('../../../src/referentiels/catalog');
    const { referentielById } = await import('../../../src/referentiels');
    expect(occitanieAreaIds).toEqual(referentielById('occitanie-grille').parts.map((p) => p.id));
  });

  it('finds the document of every item from its id alone', () => {
    for (const document of referentiels) {
      for (const item of itemsOf(document)) expect(documentOfItem(item.id)).toBe(findItem(item.id)?.document.id);
    }
    expect(documentOfItem('inconnu.1')).toBeUndefined();
  });
});
