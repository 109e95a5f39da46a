import { describe, expect, it } from 'vitest';
import { ReferentielSchema } from '../../../src/referentiels/kinds';
import { referentiels, itemsOf, findItem, referenceFigureItems } from '../../../src/referentiels';

const idPrefix = { 'dgesco-2010': 'dgesco2010.', 'occitanie-grille': 'occitanie.', 'label-lycee-2023': 'label2023.' };

describe('the three référentiels together', () => {
  it('are the DGESCO questionnaire, the Occitanie grid and the label criteria, each valid', () => {
    expect(referentiels.map((r) => r.id)).toEqual(['dgesco-2010', 'occitanie-grille', 'label-lycee-2023']);
    for (const document of referentiels) {
      const parsed = ReferentielSchema.safeParse(document);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    }
  });

  it('never give the same id to two parts, sections or items, even across documents', () => {
    const ids = referentiels.flatMap((d) => d.parts.flatMap((p) => [p.id, ...p.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)])]));
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('prefix every id with its document, so a saved answer always names its source', () => {
    for (const document of referentiels) {
      for (const item of itemsOf(document)) expect(item.id.startsWith(idPrefix[document.id])).toBe(true);
    }
  });

  it('only make an item depend on a yes/no item that comes before it', () => {
    for (const document of referentiels) {
      const items = itemsOf(document);
      items.forEach((item, index) => {
        if (!item.askedIf) return;
        const target = findItem(item.askedIf);
        expect(target?.item.kind, item.id).toBe('yes-no');
        expect(items.findIndex((i) => i.id === item.askedIf)).toBeLessThan(index);
      });
    }
  });

  it('give every reference figure that a count is read against', () => {
    const figures = new Set(referenceFigureItems.map((i) => i.figure));
    expect([...figures].sort()).toEqual(['divisions', 'families', 'rooms', 'students', 'teachers']);
    for (const document of referentiels) {
      for (const item of itemsOf(document)) {
        if (item.kind === 'usage-counts' || (item.kind === 'count' && item.of)) expect(figures.has(item.of!)).toBe(true);
      }
    }
  });
});
