// "Lycée numérique" label: the highest level whose mandatory criteria are all met, what blocks
// the next one, and the optional points. The 2023-2024 mark out of 20 is not computed: it uses 11
// criteria that the source marks with a logo the extraction lost.
import { referentielById } from '../../referentiels';
import type { Band, ItemOfKind, Referentiel } from '../../referentiels/kinds';
import type { AnswerLookup } from '../completion';

const source = referentielById('label-lycee-2023');

export type LabelCriterion = ItemOfKind<'label-band'>;
type Criterion = LabelCriterion;

/** The criteria of a label call's grid, in its order. */
export function labelCriteriaOf(referentiel: Referentiel): Criterion[] {
  return referentiel.parts.flatMap((p) =>
    p.sections.flatMap((s) => s.items.filter((i): i is Criterion => i.kind === 'label-band')),
  );
}

/** The 2023-2024 call's criteria. */
export const labelCriteria: Criterion[] = labelCriteriaOf(source);

/** The band a measured figure falls in (a rate, a number a year): the last band whose start it reaches. */
export function bandForFigure(criterion: Criterion, figure: number): Band {
  let found = criterion.bands[0]!;
  for (const band of criterion.bands) {
    if (!band.from) continue;
    const reached = band.from.inclusive ? figure >= band.from.value : figure > band.from.value;
    if (reached) found = band;
  }
  return found;
}

export interface Blocker {
  criterion: Criterion;
  /** The answer now given: a band, "non concerné", or nothing. */
  current: Band | 'not-applicable' | undefined;
  /** The weakest answer that would meet the next level. */
  needed: Band;
}

export interface LabelReadiness {
  /**
   * 0 to 3: every mandatory criterion meets this level. The call grants no exemption: a mandatory
   * criterion answered "non concerné" meets no level, so it never lifts the school's level.
   */
  level: 0 | 1 | 2 | 3;
  /** The next level and what stands in its way, "non concerné" criteria included (empty at level 3). */
  next: { level: 1 | 2 | 3; blockers: Blocker[] } | undefined;
  /**
   * The level the school would reach if the Région accepted the justifications of the mandatory
   * criteria declared "non concerné" (those listed), shown apart and never as met; undefined when
   * it would be no higher than `level`.
   */
  ifJustified: { level: 1 | 2 | 3; justifications: Criterion[] } | undefined;
  mandatoryUnanswered: Criterion[];
  /** Mandatory criteria declared "non concerné": to be justified to the Région. */
  mandatoryNotApplicable: Criterion[];
  points: { earned: number; max: number; answered: number; total: number };
}

/** The answer given to a criterion: a band, "non concerné", or nothing. */
export function chosenBand(criterion: Criterion, answers: AnswerLookup): Band | undefined | 'not-applicable' {
  const value = answers.get(criterion.id)?.value;
  if (value?.kind === 'not-applicable') return 'not-applicable';
  if (value?.kind !== 'band') return undefined;
  return criterion.bands.find((b) => b.id === value.band);
}

/** The highest level every criterion meets, reading each criterion's level with `levelOf`. */
function levelMet(criteria: readonly Criterion[], levelOf: (c: Criterion) => number): 0 | 1 | 2 | 3 {
  let level: 0 | 1 | 2 | 3 = 0;
  for (const candidate of [1, 2, 3] as const) {
    if (criteria.every((c) => levelOf(c) >= candidate)) level = candidate;
    else break;
  }
  return level;
}

/** The label level a criterion's answer allows: 0 when unanswered or "non concerné" (no exemption). */
export function allowedLevel(criterion: Criterion, answers: AnswerLookup): number {
  const band = chosenBand(criterion, answers);
  return band && band !== 'not-applicable' ? (band.level ?? 0) : 0;
}

/** The 2023-2024 call's readiness. */
export function labelReadiness(answers: AnswerLookup): LabelReadiness {
  return labelReadinessFor(source, answers);
}

/** Readiness against a given call's grid (each call has its own référentiel). */
export function labelReadinessFor(referentiel: Referentiel, answers: AnswerLookup): LabelReadiness {
  const criteria = referentiel === source ? labelCriteria : labelCriteriaOf(referentiel);
  const mandatory = criteria.filter((c) => c.rule === 'mandatory');
  const optional = criteria.filter((c) => c.rule === 'optional');
  const notApplicable = mandatory.filter((c) => chosenBand(c, answers) === 'not-applicable');
  const levelOf = (c: Criterion) => allowedLevel(c, answers);
  const level = levelMet(mandatory, levelOf);
  // If the Région accepted every justification: the "non concerné" criteria left out.
  const justifiedLevel = levelMet(
    mandatory.filter((c) => !notApplicable.includes(c)),
    levelOf,
  );
  const ifJustified =
    justifiedLevel > level
      ? { level: justifiedLevel as 1 | 2 | 3, justifications: notApplicable }
      : undefined;
  const nextLevel = level < 3 ? ((level + 1) as 1 | 2 | 3) : undefined;
  const next = nextLevel && {
    level: nextLevel,
    blockers: mandatory
      .filter((c) => levelOf(c) < nextLevel)
      .map((c): Blocker => ({
        criterion: c,
        current: chosenBand(c, answers),
        needed: c.bands.find((b) => (b.level ?? 0) >= nextLevel)!,
      })),
  };

  let earned = 0;
  let max = 0;
  let answered = 0;
  let total = 0;
  for (const c of optional) {
    const band = chosenBand(c, answers);
    if (band === 'not-applicable') continue;
    total++;
    max += Math.max(...c.bands.map((b) => b.points ?? 0));
    if (band) {
      answered++;
      earned += band.points ?? 0;
    }
  }
  return {
    level,
    next,
    ifJustified,
    mandatoryUnanswered: mandatory.filter((c) => chosenBand(c, answers) === undefined),
    mandatoryNotApplicable: notApplicable,
    points: { earned, max, answered, total },
  };
}

/** "niveau 3 si la Région accepte les justifications de A.6 et C.1.2", or undefined. */
export function ifJustifiedText(readiness: LabelReadiness): string | undefined {
  const j = readiness.ifJustified;
  if (!j) return undefined;
  const codes = j.justifications.map((c) => c.code);
  const list = codes.length > 1 ? `${codes.slice(0, -1).join(', ')} et ${codes.at(-1)}` : codes[0];
  return `niveau ${j.level} si la Région accepte ${codes.length > 1 ? 'les justifications' : 'la justification'} de ${list}`;
}
