// The Occitanie maturity grid, checked against its source (grille-maturite-occitanie.txt).
import { describe, it, expect } from 'vitest';
import { grilleOccitanie } from '../../../src/referentiels/grille-occitanie';
import { ReferentielSchema, type Item, type Referentiel } from '../../../src/referentiels/kinds';

const doc: Referentiel = grilleOccitanie;
const items: Item[] = doc.parts.flatMap((p) => p.sections.flatMap((s) => s.items));

const areas: [string, string[]][] = [
  [
    'Pilotage, impulsion et organisation',
    ['Instance numérique', "Charte d'usage", 'Personnels clé', 'ENT', 'Communication générale'],
  ],
  [
    'Pratiques éducatives et pédagogiques',
    [
      'Communication pédagogique',
      'Compétences numériques élèves',
      'Inclusion',
      'Accompagnement personnalisé',
      "Education aux médias et à l'information",
    ],
  ],
  ['Formation', ['Formation au numérique', 'Compétences numériques des personnels']],
  ['Ressources', ['Utilisation du numérique en dehors de la classe', 'GAR']],
  ['Infrastructure réseau équipement', ['Accès', 'Câblage', 'Wifi', 'Vidéoprojection', 'Continuité pédagogique']],
];

describe('Occitanie maturity grid', () => {
  it('is a valid référentiel document', () => {
    const result = ReferentielSchema.safeParse(grilleOccitanie);
    if (!result.success) console.error(JSON.stringify(result.error.issues, null, 2));
    expect(result.success).toBe(true);
  });

  it('is identified and published as the Occitanie grid', () => {
    expect(doc.id).toBe('occitanie-grille');
    expect(doc.shortTitle).toBe('Grille de maturité Occitanie');
    expect(doc.publisher).toBe('Région académique Occitanie');
  });

  it('has the five areas of the source, in order, each as one section of the same title', () => {
    expect(doc.parts.map((p) => [p.id, p.code, p.title])).toEqual(
      areas.map(([title], n) => [`occitanie.${n + 1}`, String(n + 1), title]),
    );
    for (const [n, part] of doc.parts.entries()) {
      expect(part.sections.map((s) => [s.id, s.code, s.title])).toEqual([
        [`occitanie.s${n + 1}`, String(n + 1), part.title],
      ]);
    }
  });

  it('has 19 criteria: 5, 5, 2, 2 and 5 per area, named as in the source', () => {
    expect(doc.parts.map((p) => p.sections.flatMap((s) => s.items).length)).toEqual([5, 5, 2, 2, 5]);
    expect(items).toHaveLength(19);
    expect(doc.parts.map((p) => p.sections.flatMap((s) => s.items.map((i) => i.text)))).toEqual(
      areas.map(([, criteria]) => criteria),
    );
  });

  it('numbers criteria area.index in source order', () => {
    for (const [n, part] of doc.parts.entries()) {
      const ids = part.sections.flatMap((s) => s.items.map((i) => i.id));
      expect(ids).toEqual(ids.map((_, k) => `occitanie.${n + 1}.${k + 1}`));
    }
  });

  it('describes every criterion at levels 1, 2 and 3 with non-empty, repaired sentences', () => {
    for (const item of items) {
      if (item.kind !== 'level') throw new Error(`${item.id} is not a level item`);
      expect(item.levels).toHaveLength(3);
      for (const level of item.levels) {
        expect(level.trim().length, item.id).toBeGreaterThan(10);
        expect(level, item.id).not.toMatch(/\n|\s{2}|’/);
      }
    }
  });

  it('keeps the exact wording of a few levels, including "(prochainement)"', () => {
    const level = (id: string, n: 0 | 1 | 2) => {
      const found = items.find((i) => i.id === id);
      if (found?.kind !== 'level') throw new Error(`No level item ${id}`);
      return found.levels[n];
    };
    expect(level('occitanie.3.2', 2)).toBe(
      "Certification PIX + edu d'une majorité des enseignants et des personnels d'éducation (prochainement).",
    );
    expect(level('occitanie.1.1', 1)).toBe(
      'Animation d\'une "commission pour le numérique" dans l\'établissement (chargée de faire le point sur les usages, les projets et les indicateurs).',
    );
    expect(level('occitanie.5.5', 2)).toBe('Infrastructure pleinement adaptée aux besoins avancés du numérique éducatif.');
  });

  it('gives every part, section and item a distinct id', () => {
    const ids = doc.parts.flatMap((p) => [p.id, ...p.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)])]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
