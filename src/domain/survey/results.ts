// What the questionnaire's responses say: counts per question, hidden below the anonymity
// threshold, turned into a proposal for the DGESCO usage counts, and set against the group's figure.
import type { AnswerValue } from '../answers';
import { pct } from '../answer-text';
import { checkWith, type Checked } from '../result';
import { audienceLabels, type SurveyAudience, type SurveyQuestion } from './questionnaire';
import { MIN_THRESHOLD, ThresholdSchema, type SurveyResponse } from './responses';

export interface Tally {
  never: number;
  occasionally: number;
  regularly: number;
  unknown: number;
  /** Responses that answered the question, "Je ne sais pas" included. */
  respondents: number;
}

export interface UsageCounts {
  never: number;
  occasionally: number;
  regularly: number;
}

const emptyTally = (): Tally => ({ never: 0, occasionally: 0, regularly: 0, unknown: 0, respondents: 0 });

/** The counts of each question, zero for a question nobody answered. */
export function tallyOf(
  questions: ReadonlyArray<Pick<SurveyQuestion, 'itemId'>>,
  responses: ReadonlyArray<Pick<SurveyResponse, 'answers'>>,
): Map<string, Tally> {
  const tallies = new Map(questions.map((q) => [q.itemId, emptyTally()]));
  for (const response of responses) {
    for (const { itemId, answer } of response.answers) {
      const tally = tallies.get(itemId);
      if (!tally) continue;
      tally[answer] += 1;
      tally.respondents += 1;
    }
  }
  return tallies;
}

/** The threshold in force: never below 5, whatever a record or a file says. */
export const effectiveThreshold = (threshold: number): number => (threshold >= MIN_THRESHOLD ? threshold : MIN_THRESHOLD);

/**
 * The tally, or null while it could point at a person: fewer responses than the threshold, or
 * fewer people than the threshold who answered this very question.
 */
export function visibleTally(tally: Tally, responseCount: number, threshold: number): Tally | null {
  const min = effectiveThreshold(threshold);
  return responseCount >= min && tally.respondents >= min ? tally : null;
}

export function checkThreshold(n: unknown): Checked<number> {
  return checkWith(ThresholdSchema, n, 'Le seuil d’anonymat est un nombre entier de réponses.');
}

export interface Proposal {
  respondents: number;
  /** Respondents who knew: never + occasionally + regularly. */
  known: number;
  /** The school's reference figure (teachers or divisions), when the group typed it. */
  total: number | null;
  /** Respondents out of the total, in percent; over 100 when there are more responses than people. */
  participation: number | null;
  /** More responses than the reference figure: the UI warns. */
  moreThanTotal: boolean;
  amongRespondents: UsageCounts;
  /** The shares among those who knew, applied to the total; sums exactly to it. */
  extrapolated: UsageCounts | null;
  /** The answer's source, 200 characters at most. */
  source: string;
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

/**
 * Whole parts of `total` in proportion to `weights`, summing exactly to it: each part rounded
 * down, the rest handed one by one to the largest remainders (ties to the earlier part).
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  // Integer arithmetic: remainders compare exactly, no floating-point ties.
  const parts = weights.map((w) => Math.floor((w * total) / sum));
  const order = weights
    .map((w, index) => ({ index, remainder: (w * total) % sum }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** What the questionnaire proposes for a DGESCO usage count; `total` is the reference figure if known. */
export function proposalFor(tally: Tally, total: number | null | undefined, audience: SurveyAudience): Proposal {
  const labels = audienceLabels[audience];
  const figure = typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : null;
  const { respondents } = tally;
  const amongRespondents = { never: tally.never, occasionally: tally.occasionally, regularly: tally.regularly };
  const known = tally.never + tally.occasionally + tally.regularly;
  const participation = figure !== null && figure > 0 ? (respondents / figure) * 100 : null;

  let extrapolated: UsageCounts | null = null;
  if (figure !== null && known > 0) {
    const [never = 0, occasionally = 0, regularly = 0] = largestRemainder([tally.never, tally.occasionally, tally.regularly], figure);
    extrapolated = { never, occasionally, regularly };
  }

  const responses = `${respondents} ${plural(respondents, 'réponse', 'réponses')}`;
  const source =
    figure === null
      ? `issu du questionnaire : ${responses} (${labels.numberOf} non renseigné)`
      : `issu du questionnaire : ${responses} sur ${figure} ${plural(figure, labels.singular, labels.plural)}` +
        (participation === null ? '' : ` (participation ${pct(Math.round(participation))})`);

  return {
    respondents,
    known,
    total: figure,
    participation,
    moreThanTotal: figure !== null && respondents > figure,
    amongRespondents,
    extrapolated,
    source,
  };
}

/** The share of regular use, in percent; a blank count is 0, all blank is no figure. */
export function regularShare(counts: {
  never: number | null;
  occasionally: number | null;
  regularly: number | null;
}): number | null {
  if (counts.never === null && counts.occasionally === null && counts.regularly === null) return null;
  const sum = (counts.never ?? 0) + (counts.occasionally ?? 0) + (counts.regularly ?? 0);
  return sum === 0 ? null : ((counts.regularly ?? 0) / sum) * 100;
}

/** A gap of this many percentage points or more between the group and the staff is worth a look (our choice). */
export const STRONG_DISAGREEMENT = 25;

export interface Disagreement {
  /** The group's share of regular use, rounded to a whole percent. */
  group: number;
  /** The share among respondents who knew ("Je ne sais pas" left out), rounded. */
  staff: number;
  /** group − staff, in percentage points. */
  gap: number;
  strong: boolean;
  text: string;
}

/**
 * The group's figure set against what the staff answered. Pass a tally that passed
 * `visibleTally`: the text quotes the staff's share. null when either side has no figure.
 */
export function disagreementOf(groupValue: AnswerValue | null, tally: Tally | null, audience: SurveyAudience): Disagreement | null {
  if (groupValue?.kind !== 'usage-counts' || tally === null) return null;
  const groupShare = regularShare(groupValue);
  const staffShare = regularShare(tally);
  if (groupShare === null || staffShare === null) return null;
  // Compared as shown: the text and the threshold agree.
  const group = Math.round(groupShare);
  const staff = Math.round(staffShare);
  const gap = group - staff;
  return {
    group,
    staff,
    gap,
    strong: Math.abs(gap) >= STRONG_DISAGREEMENT,
    text: `le groupe estime ${pct(group)} d’usage régulier, les ${audienceLabels[audience].plural} répondent ${pct(staff)}`,
  };
}
