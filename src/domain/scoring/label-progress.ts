// The "Lycée numérique" label over the years, for the progress page: the level of each campaign,
// what changed among the blocking criteria, how two calls' grids differ, and a share per block.
// Campaigns may answer different calls: criteria are matched by code, never by item id.
import { labelCallOf } from '../../referentiels/label-calls';
import type { Band, Referentiel } from '../../referentiels/kinds';
import type { AnswerLookup } from '../completion';
import { allowedLevel, chosenBand, labelCriteriaOf, labelReadinessFor, type LabelCriterion, type LabelReadiness } from './label';
import type { ChartSpec } from './series';

type Level = 1 | 2 | 3;

export interface LabelYear {
  /** The campaign's label ("2026"). */
  label: string;
  /** The call its answers were read against ("2023-2024"). */
  call: string;
  level: 0 | 1 | 2 | 3;
  /** The level "sous réserve des justifications", when higher than `level`. */
  ifJustifiedLevel: Level | undefined;
  points: { earned: number; max: number };
  nextLevel: Level | undefined;
  /** Codes of the mandatory criteria blocking `nextLevel`. */
  blockerCodes: string[];
  readiness: LabelReadiness;
}

export function labelYear(label: string, referentiel: Referentiel, answers: AnswerLookup): LabelYear {
  const readiness = labelReadinessFor(referentiel, answers);
  return {
    label,
    call: labelCallOf([referentiel.id])?.call ?? referentiel.shortTitle,
    level: readiness.level,
    ifJustifiedLevel: readiness.ifJustified?.level,
    points: { earned: readiness.points.earned, max: readiness.points.max },
    nextLevel: readiness.next?.level,
    blockerCodes: readiness.next?.blockers.map((b) => b.criterion.code) ?? [],
    readiness,
  };
}

export interface BlockerChange {
  code: string;
  text: string;
  /** The answer in each campaign: a band's label, "non concerné", "non renseigné", or "absent de l'appel". */
  before: string;
  after: string;
}

export interface LabelCampaign {
  referentiel: Referentiel;
  answers: AnswerLookup;
}

export interface BlockerChanges {
  /** The level that was next for `before`; undefined when it had level 3. */
  target: Level | undefined;
  /** Blocked `target` before, meet it now. */
  resolved: BlockerChange[];
  /** Blocked `target` before, still do not meet it. */
  still: BlockerChange[];
  /** Blocked `target` before, no longer a mandatory criterion of `after`'s call. */
  dropped: BlockerChange[];
  /** The level next for `after`, which the `new` ones block. */
  afterTarget: Level | undefined;
  /** Block `afterTarget` and were not among `before`'s blockers (a level gained, or a regression). */
  new: BlockerChange[];
}

const NOT_IN_CALL = 'absent de l’appel';

function answerText(criterion: LabelCriterion | undefined, answers: AnswerLookup): string {
  if (!criterion) return NOT_IN_CALL;
  const band = chosenBand(criterion, answers);
  if (band === 'not-applicable') return 'non concerné';
  return band?.label ?? 'non renseigné';
}

const byCode = (referentiel: Referentiel) => new Map(labelCriteriaOf(referentiel).map((c) => [c.code, c]));

/**
 * What became of the criteria blocking `before`'s next level (the target), `after` read against
 * its own call. Criteria are matched by code, as a later call has other item ids. A criterion meets
 * the target when its answer allows that level; "non concerné" on a mandatory criterion never does
 * (same rule as labelReadiness). `new` lists what blocks `after`'s own next level and did not
 * block `before`: criteria met before but not at the higher level now reached, and regressions.
 * Before at level 3: no target, nothing resolved or still blocking.
 */
export function blockerChanges(before: LabelCampaign, after: LabelCampaign): BlockerChanges {
  const was = labelReadinessFor(before.referentiel, before.answers);
  const now = labelReadinessFor(after.referentiel, after.answers);
  const beforeCodes = byCode(before.referentiel);
  const afterCodes = byCode(after.referentiel);
  const change = (code: string): BlockerChange => {
    const a = beforeCodes.get(code);
    const b = afterCodes.get(code);
    return { code, text: (b ?? a)!.text, before: answerText(a, before.answers), after: answerText(b, after.answers) };
  };
  const target = was.next?.level;
  const resolved: BlockerChange[] = [];
  const still: BlockerChange[] = [];
  const dropped: BlockerChange[] = [];
  for (const { criterion } of was.next?.blockers ?? []) {
    const later = afterCodes.get(criterion.code);
    if (!later || later.rule !== 'mandatory') dropped.push(change(criterion.code));
    else if (allowedLevel(later, after.answers) >= target!) resolved.push(change(criterion.code));
    else still.push(change(criterion.code));
  }
  const blocked = new Set(was.next?.blockers.map((b) => b.criterion.code));
  const added = (now.next?.blockers ?? []).filter((b) => !blocked.has(b.criterion.code)).map((b) => change(b.criterion.code));
  return { target, resolved, still, dropped, afterTarget: now.next?.level, new: added };
}

export interface CallDifference {
  code: string;
  kind: 'wording' | 'bands' | 'only-before' | 'only-after';
  /** The criterion's text (wording, only-before) or its bands (bands) in the earlier call. */
  before?: string;
  after?: string;
}

const bandText = (b: Band) =>
  b.points !== undefined ? `${b.label} (${b.points} pt${b.points > 1 ? 's' : ''})` : `${b.label} (niveau ${b.level ?? 0})`;
const bandsText = (c: LabelCriterion) => c.bands.map(bandText).join(' / ');

/**
 * How a later call's grid differs from an earlier one, criteria matched by code: their wording,
 * and their bands (labels and levels or points, in order; band ids and thresholds are not
 * compared). A criterion whose wording and bands both changed gives two differences.
 */
export function compareCalls(before: Referentiel, after: Referentiel): CallDifference[] {
  const earlier = labelCriteriaOf(before);
  const later = byCode(after);
  const differences: CallDifference[] = [];
  for (const a of earlier) {
    const b = later.get(a.code);
    if (!b) {
      differences.push({ code: a.code, kind: 'only-before', before: a.text });
      continue;
    }
    if (a.text !== b.text) differences.push({ code: a.code, kind: 'wording', before: a.text, after: b.text });
    const was = bandsText(a);
    const now = bandsText(b);
    if (was !== now) differences.push({ code: a.code, kind: 'bands', before: was, after: now });
  }
  const earlierCodes = new Set(earlier.map((c) => c.code));
  for (const b of labelCriteriaOf(after)) {
    if (!earlierCodes.has(b.code)) differences.push({ code: b.code, kind: 'only-after', after: b.text });
  }
  return differences;
}

export const LABEL_BLOCKS = ['A', 'B', 'C', 'D'] as const;
export type LabelBlock = (typeof LABEL_BLOCKS)[number];

export interface BlockShare {
  block: LabelBlock;
  title: string;
  /** % of the mandatory criteria's requirement met; null when the block has none. */
  mandatory: number | null;
  /** % of the optional points earned; null when no optional criterion is counted. */
  optional: number | null;
  /** The criteria each share is over: every mandatory one; the optional ones not "non concerné". */
  mandatoryCount: number;
  optionalCount: number;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const maxPoints = (c: LabelCriterion) => Math.max(...c.bands.map((b) => b.points ?? 0));

/**
 * A share per block A to D. The call gives no such formula: this is Diagnum's reading
 * (`labelBlocksReading`). Mandatory: the mean over the block's mandatory criteria of the level
 * the answer allows out of 3, so an unanswered or "non concerné" criterion counts 0 and never
 * lifts the share. Optional: points earned out of points possible, "non concerné" criteria left
 * out of both as in labelReadiness, unanswered ones counting 0 earned.
 */
export function labelBlocks(referentiel: Referentiel, answers: AnswerLookup): BlockShare[] {
  return referentiel.parts.flatMap((part): BlockShare[] => {
    const block = LABEL_BLOCKS.find((b) => b === part.code);
    if (!block) return [];
    const criteria = part.sections.flatMap((s) => s.items.filter((i): i is LabelCriterion => i.kind === 'label-band'));
    const mandatory = criteria.filter((c) => c.rule === 'mandatory');
    const optional = criteria.filter((c) => c.rule === 'optional' && chosenBand(c, answers) !== 'not-applicable');
    const met = mandatory.reduce((sum, c) => sum + allowedLevel(c, answers) / 3, 0);
    let earned = 0;
    let max = 0;
    for (const c of optional) {
      const band = chosenBand(c, answers);
      if (band && band !== 'not-applicable') earned += band.points ?? 0;
      max += maxPoints(c);
    }
    return [
      {
        block,
        title: part.title,
        mandatory: mandatory.length === 0 ? null : oneDecimal((met / mandatory.length) * 100),
        optional: max === 0 ? null : oneDecimal((earned / max) * 100),
        mandatoryCount: mandatory.length,
        optionalCount: optional.length,
      },
    ];
  });
}

export const labelBlocksReading =
  'Lecture de Diagnum, l’appel à candidatures ne donnant pas de formule par bloc : « obligatoires » est la moyenne, sur les critères obligatoires du bloc, du niveau que permet la réponse rapporté au niveau 3 (un critère sans réponse ou « non concerné » compte 0) ; « points » est la part des points obtenus sur les points possibles des critères facultatifs du bloc (les critères « non concernés » sont laissés de côté).';

/** One series per campaign, 8 axes: each block's mandatory share then its points, A to D. */
export function labelBlocksSpec(series: ReadonlyArray<{ label: string; blocks: readonly BlockShare[] }>): ChartSpec {
  const axes = LABEL_BLOCKS.flatMap((b) => [`${b} obligatoires`, `${b} points`]);
  return {
    title: 'Label Lycée numérique : part atteinte par bloc',
    axes,
    max: 100,
    unit: '%',
    series: series.map((s) => {
      const values = LABEL_BLOCKS.flatMap((b) => {
        const share = s.blocks.find((x) => x.block === b);
        return [share?.mandatory ?? null, share?.optional ?? null];
      });
      // A block with no criterion counted on an axis does not concern that axis.
      const notApplicable = LABEL_BLOCKS.flatMap((b) => {
        const share = s.blocks.find((x) => x.block === b);
        return [share?.mandatoryCount === 0, share?.optionalCount === 0];
      });
      return { label: s.label, values, notApplicable };
    }),
  };
}

const codes = (changes: readonly BlockerChange[]) => changes.map((c) => c.code).join(', ');
const plural = (n: number, word: string) => `${word}${n > 1 ? 's' : ''}`;

function levelText(year: LabelYear): string {
  const reached = year.level === 0 ? 'aucun niveau' : `niveau ${year.level}`;
  const reserve = year.ifJustifiedLevel ? `, niveau ${year.ifJustifiedLevel} sous réserve des justifications` : '';
  return `${reached} (${year.label}${reserve})`;
}

/**
 * One sentence for the conseil d'administration: "Label Lycée numérique : niveau 1 (2025) puis
 * niveau 2 (2026) ; 3 critères bloquants levés (A.5, B.2, C.1.3), 1 encore bloquant (D.1) ;
 * 12 points facultatifs puis 18."
 */
export function labelProgressSummary(years: readonly LabelYear[], changes?: BlockerChanges): string {
  if (years.length === 0) return 'Label Lycée numérique : aucune campagne.';
  const parts = [years.map(levelText).join(' puis ')];
  if (changes) {
    const told: string[] = [];
    const { resolved, still, dropped, new: added } = changes;
    if (changes.target !== undefined) {
      told.push(
        resolved.length === 0
          ? `aucun critère bloquant levé pour le niveau ${changes.target}`
          : `${resolved.length} ${plural(resolved.length, 'critère')} ${plural(resolved.length, 'bloquant')} ${plural(resolved.length, 'levé')} (${codes(resolved)})`,
      );
      if (still.length > 0) told.push(`${still.length} encore ${plural(still.length, 'bloquant')} (${codes(still)})`);
      if (dropped.length > 0) told.push(`${dropped.length} ${plural(dropped.length, 'retiré')} de l’appel (${codes(dropped)})`);
    }
    if (added.length > 0) {
      told.push(
        `${added.length} ${added.length > 1 ? 'nouveaux' : 'nouveau'} ${plural(added.length, 'critère')} ${plural(added.length, 'bloquant')} pour le niveau ${changes.afterTarget} (${codes(added)})`,
      );
    }
    if (told.length > 0) parts.push(told.join(', '));
  }
  const [first, ...later] = years.map((y) => y.points.earned) as [number, ...number[]];
  parts.push([`${first} ${plural(first, 'point')} ${plural(first, 'facultatif')}`, ...later].join(' puis '));
  return `Label Lycée numérique : ${parts.join(' ; ')}.`;
}
