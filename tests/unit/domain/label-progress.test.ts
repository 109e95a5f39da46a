import { describe, expect, it } from 'vitest';
import { answerLookup, type AnswerLookup } from '../../../src/domain/completion';
import { emptyAnswer, type AnswerValue } from '../../../src/domain/answers';
import { labelCriteriaOf, labelReadiness, labelReadinessFor } from '../../../src/domain/scoring/label';
import {
  blockerChanges,
  compareCalls,
  labelBlocks,
  labelBlocksReading,
  labelBlocksSpec,
  labelProgressSummary,
  labelYear,
} from '../../../src/domain/scoring/label-progress';
import { summarize } from '../../../src/domain/scoring/series';
import { referentielById } from '../../../src/referentiels';
import { labelCallOf, labelCalls } from '../../../src/referentiels/label-calls';
import type { DocumentId } from '../../../src/referentiels/ids';
import type { Referentiel } from '../../../src/referentiels/kinds';

const ref2023 = referentielById('label-lycee-2023');

/** A later call with the same grid under other item ids, as a new référentiel would have. */
const reprefixed = (ref: Referentiel): Referentiel => ({
  ...(JSON.parse(JSON.stringify(ref).replaceAll('"label2023.', '"label2025.')) as Referentiel),
  id: 'label-lycee-2025' as DocumentId,
});
const ref2025 = reprefixed(ref2023);

const criterion = (ref: Referentiel, code: string) => labelCriteriaOf(ref).find((c) => c.code === code)!;

/** A band id, 'na' for "non concerné", null for no answer. */
type Pick = string | null;
const answers = (ref: Referentiel, picks: Record<string, Pick>): AnswerLookup =>
  answerLookup(
    Object.entries(picks).map(([code, pick]) => {
      const c = criterion(ref, code);
      const value: AnswerValue | null =
        pick === null ? null : pick === 'na' ? { kind: 'not-applicable' } : { kind: 'band', band: c.bands.find((b) => b.id === pick)!.id };
      return { ...emptyAnswer('campaign-0001', c.id), value };
    }),
  );

/** Every mandatory criterion answered with the weakest band that allows `level`, then the overrides. */
const atLevel = (ref: Referentiel, level: number, overrides: Record<string, Pick> = {}) => {
  const picks: Record<string, Pick> = {};
  for (const c of labelCriteriaOf(ref).filter((k) => k.rule === 'mandatory')) picks[c.code] = c.bands.find((b) => (b.level ?? 0) >= level)!.id;
  return answers(ref, { ...picks, ...overrides });
};

const codes = (changes: ReadonlyArray<{ code: string }>) => changes.map((c) => c.code);

describe('label calls', () => {
  it('finds the call a campaign covers from its documents', () => {
    expect(labelCallOf(['dgesco-2010', 'label-lycee-2023'])?.call).toBe('2023-2024');
    expect(labelCallOf(['dgesco-2010', 'occitanie-grille'])).toBeUndefined();
    for (const call of labelCalls) expect(referentielById(call.documentId).title.startsWith(call.title)).toBe(true);
  });
});

describe('label readiness for a given call', () => {
  it('reads the 2023 call by default, and another call by its own item ids', () => {
    const given = atLevel(ref2023, 2);
    expect(labelReadinessFor(ref2023, given)).toEqual(labelReadiness(given));
    expect(labelReadinessFor(ref2025, given).level).toBe(0);
    expect(labelReadinessFor(ref2025, atLevel(ref2025, 2)).level).toBe(2);
  });

  it('sums up a campaign as a year', () => {
    const year = labelYear('2026', ref2023, atLevel(ref2023, 1, { 'A.6': 'na', 'A.8': 'partiellement' }));
    expect(year).toMatchObject({ label: '2026', call: '2023-2024', level: 0, ifJustifiedLevel: 1, nextLevel: 1, blockerCodes: ['A.6'] });
    expect(year.points).toEqual({ earned: 2, max: labelReadiness(atLevel(ref2023, 1)).points.max });
    expect(labelYear('2027', ref2025, atLevel(ref2025, 3))).toMatchObject({ call: 'Label Lycée numérique', level: 3, nextLevel: undefined, blockerCodes: [] });
  });
});

describe('blocker changes', () => {
  it('level 1 then 2, across two calls matched by code: blockers resolved, and a new one for level 3', () => {
    const before = { referentiel: ref2023, answers: atLevel(ref2023, 1, { 'C.1.2': 'effectif' }) };
    const after = { referentiel: ref2025, answers: atLevel(ref2025, 2) };
    const changes = blockerChanges(before, after);
    expect(changes.target).toBe(2);
    expect(codes(changes.resolved)).toEqual(['A.6', 'A.12', 'B.1', 'C.1.1', 'C.2.1', 'C.2.2', 'D.1', 'D.2']);
    expect(changes.still).toEqual([]);
    // C.1.2 met level 2 already: it only blocks now the school aims for level 3.
    expect(changes.afterTarget).toBe(3);
    expect(changes.new).toEqual([{ code: 'C.1.2', text: criterion(ref2023, 'C.1.2').text, before: 'Effectif', after: 'Effectif' }]);
    expect(changes.resolved[0]).toEqual({ code: 'A.6', text: criterion(ref2023, 'A.6').text, before: 'En projet', after: 'En place' });
  });

  it('keeps still-blocking criteria and lists a regression as new', () => {
    const before = { referentiel: ref2023, answers: atLevel(ref2023, 1) };
    const after = { referentiel: ref2025, answers: atLevel(ref2025, 2, { 'D.1': 'deux', 'C.1.1': null, 'A.1': 'non' }) };
    const changes = blockerChanges(before, after);
    expect(changes.target).toBe(2);
    expect(codes(changes.resolved)).toEqual(['A.6', 'A.12', 'B.1', 'C.1.2', 'C.2.1', 'C.2.2', 'D.2']);
    expect(changes.still.map((c) => [c.code, c.before, c.after])).toEqual([
      ['C.1.1', 'Taux < 9%', 'non renseigné'],
      ['D.1', 'Au moins deux par an', 'Au moins deux par an'],
    ]);
    // A.1 fell to "Non": the school lost level 1, and A.1 blocks it.
    expect(changes.afterTarget).toBe(1);
    expect(changes.new.map((c) => [c.code, c.before, c.after])).toEqual([['A.1', 'Oui', 'Non']]);
  });

  it('never resolves a blocker answered "non concerné", even where every other criterion meets the level', () => {
    const before = { referentiel: ref2023, answers: atLevel(ref2023, 1) };
    const after = { referentiel: ref2025, answers: atLevel(ref2025, 2, { 'A.6': 'na' }) };
    const changes = blockerChanges(before, after);
    expect(changes.still.map((c) => [c.code, c.before, c.after])).toEqual([['A.6', 'En projet', 'non concerné']]);
    expect(codes(changes.resolved)).not.toContain('A.6');
    // A.6 already blocked before: not new, though it now blocks level 1.
    expect(changes.afterTarget).toBe(1);
    expect(changes.new).toEqual([]);
    expect(labelYear('2026', ref2025, after.answers)).toMatchObject({ level: 0, ifJustifiedLevel: 2 });
  });

  it('has no target from level 3, and still reports what now blocks', () => {
    const changes = blockerChanges(
      { referentiel: ref2023, answers: atLevel(ref2023, 3) },
      { referentiel: ref2023, answers: atLevel(ref2023, 3, { 'D.2': 'plus-de-la-moitie' }) },
    );
    expect(changes).toMatchObject({ target: undefined, resolved: [], still: [], dropped: [], afterTarget: 3 });
    expect(changes.new.map((c) => [c.code, c.before, c.after])).toEqual([['D.2', 'Plus des 2/3', 'Plus de la moitié']]);
  });

  it('sets apart a blocker the later call dropped or made optional', () => {
    const later = reprefixed(ref2023);
    const partC = later.parts.find((p) => p.code === 'C')!;
    for (const s of partC.sections) s.items = s.items.filter((i) => i.kind !== 'label-band' || i.code !== 'C.2.2');
    const d1 = criterion(later, 'D.1');
    d1.rule = 'optional';
    const changes = blockerChanges({ referentiel: ref2023, answers: atLevel(ref2023, 1) }, { referentiel: later, answers: atLevel(later, 2) });
    expect(changes.dropped.map((c) => [c.code, c.after])).toEqual([
      ['C.2.2', 'absent de l’appel'],
      ['D.1', 'non renseigné'],
    ]);
    expect(codes(changes.resolved)).not.toContain('C.2.2');
    expect(codes(changes.still)).toEqual([]);
  });
});

describe('comparing two calls', () => {
  it('finds no difference between a call and itself, nor with the same grid under other ids', () => {
    expect(compareCalls(ref2023, ref2023)).toEqual([]);
    expect(compareCalls(ref2023, ref2025)).toEqual([]);
  });

  it('reports a changed wording, changed bands, a dropped and an added criterion, by code', () => {
    const later = reprefixed(ref2023);
    criterion(later, 'A.2').text = "Charte d'usages du numérique signée par les élèves";
    criterion(later, 'D.1').bands[2]!.label = 'Au moins trois par an';
    const partC = later.parts.find((p) => p.code === 'C')!;
    for (const s of partC.sections) s.items = s.items.filter((i) => i.kind !== 'label-band' || i.code !== 'C.2.18');
    const partD = later.parts.find((p) => p.code === 'D')!;
    partD.sections[0]!.items.push({ ...criterion(later, 'D.12'), id: 'label2025.D.16', code: 'D.16', text: 'Usage de l’IA encadré' });
    expect(compareCalls(ref2023, later)).toEqual([
      { code: 'A.2', kind: 'wording', before: "Charte d'usages du numérique", after: "Charte d'usages du numérique signée par les élèves" },
      { code: 'C.2.18', kind: 'only-before', before: criterion(ref2023, 'C.2.18').text },
      {
        code: 'D.1',
        kind: 'bands',
        before: 'Moins de deux par an (niveau 0) / Au moins deux par an (niveau 1) / Au moins quatre par an (niveau 2) / Au moins six par an (niveau 3)',
        after: 'Moins de deux par an (niveau 0) / Au moins deux par an (niveau 1) / Au moins trois par an (niveau 2) / Au moins six par an (niveau 3)',
      },
      { code: 'D.16', kind: 'only-after', after: 'Usage de l’IA encadré' },
    ]);
  });

  it('sees a change of points as a change of bands', () => {
    const later = reprefixed(ref2023);
    criterion(later, 'D.5').bands[1]!.points = 2;
    expect(compareCalls(ref2023, later)).toEqual([{ code: 'D.5', kind: 'bands', before: 'Non (0 pt) / Oui (1 pt)', after: 'Non (0 pt) / Oui (2 pts)' }]);
  });
});

describe('label blocks', () => {
  // Computed by hand from the 2023 grid.
  const optionalC = labelCriteriaOf(ref2023).filter((c) => c.code.startsWith('C.') && c.rule === 'optional');
  const given = answers(ref2023, {
    // A, mandatory (8): 3 + 3 + 0 + 0 (non concerné) + 0 (unanswered) + 1 + 3 + 0 (unanswered A.12) → 10/24.
    'A.1': 'oui', 'A.2': 'oui', 'A.3': 'non', 'A.4': 'na', 'A.6': 'en-projet', 'A.7': 'oui',
    // A, optional: A.9 left out; 2 + 1 + 0 (unanswered A.11) + 0 out of 4 × 2.
    'A.8': 'partiellement', 'A.9': 'na', 'A.10': 'en-projet', 'A.13': 'non',
    // B: (1 + 0) / 6; no optional criterion.
    'B.1': 'tous-les-utilisateurs',
    // C: 3 / 21 (7 mandatory); every optional one "non concerné".
    'C.1.1': 'plus-de-15', ...Object.fromEntries(optionalC.map((c) => [c.code, 'na'])),
    // D: (2 + 2 + 3 + 0) / 12; optional 4 + 1 out of 4 × 1 + 4 + 4 + 2 + 1 + 4 + 4 + 4 = 27.
    'D.1': 'quatre', 'D.2': 'plus-de-la-moitie', 'D.3': 'oui', 'D.4': 'na', 'D.9': 'deux-par-an', 'D.15': 'quelques',
  });

  it('gives each block its mandatory share and its share of points', () => {
    expect(labelBlocks(ref2023, given).map((b) => [b.block, b.mandatory, b.optional, b.mandatoryCount, b.optionalCount])).toEqual([
      ['A', 41.7, 37.5, 8, 4],
      ['B', 16.7, null, 2, 0],
      ['C', 14.3, null, 7, 0],
      ['D', 58.3, 18.5, 4, 11],
    ]);
    expect(labelBlocks(ref2023, given)[0]!.title).toBe("Pilotage numérique dans l'établissement");
    expect(labelBlocks(ref2025, atLevel(ref2025, 3)).map((b) => b.mandatory)).toEqual([100, 100, 100, 100]);
    expect(labelBlocksReading).toContain('compte 0');
  });

  it('charts 8 axes, A to D, out of 100 %', () => {
    const spec = labelBlocksSpec([
      { label: '2025', blocks: labelBlocks(ref2023, atLevel(ref2023, 1)) },
      { label: '2026', blocks: labelBlocks(ref2023, given) },
    ]);
    expect(spec.axes).toEqual(['A obligatoires', 'A points', 'B obligatoires', 'B points', 'C obligatoires', 'C points', 'D obligatoires', 'D points']);
    expect([spec.max, spec.unit]).toEqual([100, '%']);
    expect(spec.series.map((s) => s.label)).toEqual(['2025', '2026']);
    expect(spec.series[1]!.values).toEqual([41.7, 37.5, 16.7, null, 14.3, null, 58.3, 18.5]);
    expect(spec.series[1]!.notApplicable).toEqual([false, false, false, true, false, true, false, false]);
    expect(summarize(spec)).toContain('point fort « D obligatoires » (58,3 %)');
  });
});

describe('label progress summary', () => {
  it('tells levels, blockers and points in one sentence, "sous réserve" apart', () => {
    const before = { referentiel: ref2023, answers: atLevel(ref2023, 1, { 'A.8': 'partiellement' }) };
    const after = { referentiel: ref2025, answers: atLevel(ref2025, 2, { 'A.6': 'na', 'A.8': 'partiellement', 'C.2.3': 'effectif' }) };
    const years = [labelYear('2025', before.referentiel, before.answers), labelYear('2026', after.referentiel, after.answers)];
    expect(labelProgressSummary(years, blockerChanges(before, after))).toBe(
      'Label Lycée numérique : niveau 1 (2025) puis aucun niveau (2026, niveau 2 sous réserve des justifications) ; ' +
        '8 critères bloquants levés (A.12, B.1, C.1.1, C.1.2, C.2.1, C.2.2, D.1, D.2), 1 encore bloquant (A.6) ; 2 points facultatifs puis 6.',
    );
  });

  it('tells new blockers and a single campaign', () => {
    const before = { referentiel: ref2023, answers: atLevel(ref2023, 1, { 'C.1.2': 'effectif' }) };
    const after = { referentiel: ref2025, answers: atLevel(ref2025, 2) };
    const years = [labelYear('2025', before.referentiel, before.answers), labelYear('2026', after.referentiel, after.answers)];
    expect(labelProgressSummary(years, blockerChanges(before, after))).toBe(
      'Label Lycée numérique : niveau 1 (2025) puis niveau 2 (2026) ; ' +
        '8 critères bloquants levés (A.6, A.12, B.1, C.1.1, C.2.1, C.2.2, D.1, D.2), 1 nouveau critère bloquant pour le niveau 3 (C.1.2) ; 0 point facultatif puis 0.',
    );
    expect(labelProgressSummary([years[0]!])).toBe('Label Lycée numérique : niveau 1 (2025) ; 0 point facultatif.');
    expect(labelProgressSummary([])).toBe('Label Lycée numérique : aucune campagne.');
  });
});
