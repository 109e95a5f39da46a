// "Lycée numérique" label: the highest level whose mandatory criteria are all met, what blocks
// the next one, and the optional points. The 2023-2024 mark out of 20 is not computed: it uses 11
// criteria that the source marks with a logo the extraction lost.
import { referentielById } from '../../referentiels';
import type { Band, ItemOfKind } from '../../referentiels/kinds';
import type { AnswerLookup } from '../completion';

const source = referentielById('label-lycee-2023');

type Criterion = ItemOfKind<'label-band'>;

export const labelCriteria: Criterion[] = source.parts.flatMap((p) =>
  p.sections.flatMap((s) => s.items.filter((i): i is Criterion => i.kind === 'label-band')),
);

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
  /** The band now chosen, if any. */
  current: Band | undefined;
  /** The weakest answer that would meet the next level. */
  needed: Band;
}

export interface LabelReadiness {
  /** 0 to 3: every mandatory criterion (not "non concerné") meets this level. */
  level: 0 | 1 | 2 | 3;
  /** The next level and what stands in its way (empty at level 3). */
  next: { level: 1 | 2 | 3; blockers: Blocker[] } | undefined;
  mandatoryUnanswered: Criterion[];
  /** Mandatory criteria declared "non concerné": left out, to be justified to the Région. */
  mandatoryNotApplicable: Criterion[];
  points: { earned: number; max: number; answered: number; total: number };
}

function chosenBand(criterion: Criterion, answers: AnswerLookup): Band | undefined | 'not-applicable' {
  const value = answers.get(criterion.id)?.value;
  if (value?.kind === 'not-applicable') return 'not-applicable';
  if (value?.kind !== 'band') return undefined;
  return criterion.bands.find((b) => b.id === value.band);
}

export function labelReadiness(answers: AnswerLookup): LabelReadiness {
  const mandatory = labelCriteria.filter((c) => c.rule === 'mandatory');
  const optional = labelCriteria.filter((c) => c.rule === 'optional');
  const counted = mandatory.filter((c) => chosenBand(c, answers) !== 'not-applicable');
  const levelOf = (c: Criterion) => {
    const band = chosenBand(c, answers);
    return band && band !== 'not-applicable' ? (band.level ?? 0) : 0;
  };
  let level: 0 | 1 | 2 | 3 = 0;
  for (const candidate of [1, 2, 3] as const) {
    if (counted.every((c) => levelOf(c) >= candidate)) level = candidate;
    else break;
  }
  const nextLevel = level < 3 ? ((level + 1) as 1 | 2 | 3) : undefined;
  const next = nextLevel && {
    level: nextLevel,
    blockers: counted
      .filter((c) => levelOf(c) < nextLevel)
      .map((c): Blocker => {
        const band = chosenBand(c, answers);
        return {
          criterion: c,
          current: band === 'not-applicable' ? undefined : band,
          needed: c.bands.find((b) => (b.level ?? 0) >= nextLevel)!,
        };
      }),
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
    mandatoryUnanswered: mandatory.filter((c) => chosenBand(c, answers) === undefined),
    mandatoryNotApplicable: mandatory.filter((c) => chosenBand(c, answers) === 'not-applicable'),
    points: { earned, max, answered, total },
  };
}
