// The "Lycée numérique" label criteria, checked against the call (label-lycee-numerique-criteres*.txt).
import { describe, it, expect } from 'vitest';
import { labelLycee } from '../../../src/referentiels/label-lycee';
import { ReferentielSchema, type ItemOfKind, type Referentiel } from '../../../src/referentiels/kinds';

type Criterion = ItemOfKind<'label-band'>;

const doc: Referentiel = labelLycee;
const sections = doc.parts.flatMap((p) => p.sections);
const criteria: Criterion[] = sections.flatMap((s) =>
  s.items.map((i) => {
    if (i.kind !== 'label-band') throw new Error(`${i.id} is not a label-band item`);
    return i;
  }),
);

function criterion(code: string): Criterion {
  const found = criteria.find((c) => c.code === code);
  if (!found) throw new Error(`No criterion ${code}`);
  return found;
}

const range = (prefix: string, last: number) => Array.from({ length: last }, (_, n) => `${prefix}${n + 1}`);

const codesBySection: Record<string, string[]> = {
  A: range('A.', 13),
  B: range('B.', 2),
  'C.1': range('C.1.', 11),
  'C.2': range('C.2.', 18),
  D: range('D.', 15),
};
const allCodes = Object.values(codesBySection).flat();

/** Printed under "Critères obligatoires pour accéder au niveau N", plus A.12 (the team's reading). */
const mandatoryCodes = [
  'A.1',
  'A.2',
  'A.3',
  'A.4',
  'A.5',
  'A.6',
  'A.7',
  'A.12',
  'B.1',
  'B.2',
  'C.1.1',
  'C.1.2',
  'C.1.3',
  'C.1.4',
  'C.1.5',
  'C.2.1',
  'C.2.2',
  'D.1',
  'D.2',
  'D.3',
  'D.4',
];

describe('"Lycée numérique" label criteria', () => {
  it('is a valid référentiel document', () => {
    const result = ReferentielSchema.safeParse(labelLycee);
    if (!result.success) console.error(JSON.stringify(result.error.issues, null, 2));
    expect(result.success).toBe(true);
  });

  it('is identified and titled as the 2023-2024 call', () => {
    expect(doc.id).toBe('label-lycee-2023');
    expect(doc.title).toBe('Appel à candidatures Lycée numérique 2023-2024 : critères du label');
    expect(doc.shortTitle).toBe('Label Lycée numérique');
    expect(doc.publisher).toBe('Région Occitanie, académies de Montpellier et de Toulouse, DRAAF Occitanie');
  });

  it('has the four blocks A to D, C split into C.1 Services and C.2 Usages', () => {
    expect(doc.parts.map((p) => [p.id, p.code, p.title])).toEqual([
      ['label2023.A', 'A', "Pilotage numérique dans l'établissement"],
      ['label2023.B', 'B', 'Équipement numérique'],
      ['label2023.C', 'C', "Services et usages pédagogiques numériques de l'établissement"],
      ['label2023.D', 'D', 'Accompagnement et formation des équipes pédagogiques et numériques'],
    ]);
    expect(sections.map((s) => [s.id, s.code, s.title])).toEqual([
      ['label2023.sA', 'A', "Pilotage numérique dans l'établissement"],
      ['label2023.sB', 'B', 'Équipement numérique'],
      ['label2023.sC.1', 'C.1', 'Services'],
      ['label2023.sC.2', 'C.2', 'Usages'],
      ['label2023.sD', 'D', 'Accompagnement et formation des équipes pédagogiques et numériques'],
    ]);
  });

  it('has every criterion A.1 to D.15 exactly once, in source order and in its section', () => {
    expect(criteria.map((c) => c.code)).toEqual(allCodes);
    expect(criteria).toHaveLength(13 + 2 + 11 + 18 + 15);
    for (const section of sections) {
      expect(section.items.map((i) => (i.kind === 'label-band' ? i.code : i.id))).toEqual(codesBySection[section.code]);
    }
  });

  it('names every criterion label2023.<code>', () => {
    for (const c of criteria) expect(c.id).toBe(`label2023.${c.code}`);
  });

  it('marks mandatory the criteria printed as such, and A.12 by the documented reading', () => {
    expect(criteria.filter((c) => c.rule === 'mandatory').map((c) => c.code)).toEqual(mandatoryCodes);
    expect(criterion('A.12').interpretation).toMatch(/A\.6/);
  });

  it('gives every band of a mandatory criterion a label level, never decreasing, and no points', () => {
    for (const c of criteria.filter((c) => c.rule === 'mandatory')) {
      const levels = c.bands.map((b) => b.level);
      expect(levels.every((l) => l !== undefined), c.code).toBe(true);
      expect(c.bands.every((b) => b.points === undefined), c.code).toBe(true);
      const numbers = levels.map((l) => l ?? -1);
      expect(numbers, c.code).toEqual([...numbers].sort((a, b) => a - b));
      expect(numbers.at(-1), `${c.code} reaches level 3`).toBe(3);
    }
  });

  it('gives every band of an optional criterion 0, 1, 2 or 4 points, never decreasing, and no level', () => {
    for (const c of criteria.filter((c) => c.rule === 'optional')) {
      const points = c.bands.map((b) => b.points);
      expect(points.every((p) => p !== undefined && [0, 1, 2, 4].includes(p)), c.code).toBe(true);
      expect(c.bands.every((b) => b.level === undefined), c.code).toBe(true);
      const numbers = points.map((p) => p ?? -1);
      expect(numbers, c.code).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it('only gives points that a printed column offers', () => {
    const columnPoints = [1, 2, 4];
    for (const c of criteria.filter((c) => c.rule === 'optional')) {
      const printed = columnPoints.filter((_, n) => c.sourceCells[n] !== '');
      const given = c.bands.map((b) => b.points).filter((p) => p !== 0);
      expect(given, c.code).toEqual(printed);
    }
  });

  it('never repeats a band id within a criterion', () => {
    for (const c of criteria) expect(new Set(c.bands.map((b) => b.id)).size, c.code).toBe(c.bands.length);
  });

  it('gives increasing thresholds to measured criteria, every band after the first having one', () => {
    for (const c of criteria) {
      const thresholds = c.bands.map((b) => b.from);
      if (c.unit === undefined) {
        expect(thresholds.every((t) => t === undefined), c.code).toBe(true);
        continue;
      }
      expect(thresholds[0], c.code).toBeUndefined();
      const values = thresholds.slice(1).map((t) => {
        if (t === undefined) throw new Error(`${c.code}: a band has no threshold`);
        return t.value;
      });
      for (let n = 1; n < values.length; n++) expect(values[n]!, c.code).toBeGreaterThan(values[n - 1]!);
    }
  });

  it('maps a typed rate to its band as the interpretations say (C.1.1, C.2.2, D.1)', () => {
    const bandFor = (code: string, value: number) => {
      const c = criterion(code);
      let found = c.bands[0]!;
      for (const b of c.bands) {
        if (b.from && (value > b.from.value || (b.from.inclusive && value === b.from.value))) found = b;
      }
      return found.id;
    };
    expect(criterion('C.1.1').unit).toBe('percent');
    expect([0, 8.9, 9, 9.1, 15, 15.1].map((v) => bandFor('C.1.1', v))).toEqual([
      'moins-de-9',
      'moins-de-9',
      'moins-de-9',
      '9-a-15',
      '9-a-15',
      'plus-de-15',
    ]);
    expect([5, 10, 50, 51].map((v) => bandFor('C.2.2', v))).toEqual(['moins-de-10', '10-a-50', '10-a-50', 'plus-de-50']);
    expect(criterion('D.1').unit).toBe('per-year');
    expect([1, 2, 5, 6].map((v) => bandFor('D.1', v))).toEqual(['moins-de-deux', 'deux', 'quatre', 'six']);
  });

  it('reads A.6 and A.12 alike: not done, in project (level 1), in place (level 3)', () => {
    for (const code of ['A.6', 'A.12']) {
      const c = criterion(code);
      expect(c.sourceCells).toEqual(['En projet', 'Obligatoire', 'Obligatoire']);
      expect(c.bands.map((b) => [b.id, b.level])).toEqual([
        ['non', 0],
        ['en-projet', 1],
        ['oui', 3],
      ]);
    }
  });

  it('answers "Obligatoire" criteria with no or yes', () => {
    const allMandatory = criteria.filter((c) => c.sourceCells.every((cell) => cell === 'Obligatoire'));
    expect(allMandatory.map((c) => c.code)).toEqual(['A.1', 'A.2', 'A.3', 'A.4', 'A.5', 'A.7', 'C.1.3', 'D.3', 'D.4']);
    for (const c of allMandatory) {
      expect(c.bands).toEqual([
        { id: 'non', label: 'Non', level: 0 },
        { id: 'oui', label: 'Oui', level: 3 },
      ]);
    }
  });

  it('keeps the cells and wording the extraction split or lost', () => {
    expect(criterion('C.1.6').text).toBe("Appel dématérialisé des élèves au début de l'heure de cours");
    expect(criterion('C.1.6').sourceCells).toEqual(['Oui partiellement', 'Oui', '']);
    expect(criterion('C.2.9').text).toBe(
      "Création de médias numériques (journal, radio, vidéo, exposition) connus et validés par le chef d'établissement",
    );
    expect(criterion('C.2.9').sourceCells).toEqual(['', 'Oui', '']);
    expect(criterion('C.2.3').sourceCells).toEqual(['', '', 'Effectif']);
    expect(criterion('C.1.7').sourceCells).toEqual(['Oui', '', '']);
    expect(criterion('B.2').text).toBe('Dotation des élèves de loRdi Région.');
    expect(criterion('C.1.1').text).toBe("Taux de connexion à l'ENT");
    expect(criterion('C.1.1').help).toContain('Moyenne annuelle du nombre de visites mensuelles / nombre de comptes réels');
    expect(criterion('C.1.1').help).toMatch(/pré-rempli/);
    expect(criterion('C.1.1').help).toMatch(/2023-2024/);
  });

  it('explains every reading that needed a decision', () => {
    const decided = ['A.6', 'A.12', 'B.1', 'B.2', 'C.1.1', 'C.1.2', 'C.1.11', 'C.2.1', 'C.2.2', 'C.2.4', 'C.2.11', 'C.2.14'];
    for (const code of [...decided, 'C.2.15', 'C.2.16', 'C.2.17', 'C.2.18', 'D.1', 'D.2', 'D.11']) {
      expect(criterion(code).interpretation, code).toBeTruthy();
    }
  });

  it('does not name the 11 criteria of the lost logo, and says so in its notes', () => {
    expect(doc.notes?.some((n) => n.includes('11 critères') && n.includes('logo'))).toBe(true);
    expect(doc.notes?.some((n) => n.includes('A.12'))).toBe(true);
  });

  it('gives every part, section and item a distinct id', () => {
    const ids = doc.parts.flatMap((p) => [p.id, ...p.sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)])]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
