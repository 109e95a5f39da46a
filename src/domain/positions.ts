// Positions before consensus: for an item, each member's own position (or anonymous votes, a
// tally only) is recorded before the group agrees on the answer, which is stored as any answer.
// How far the positions lie apart tells which items the group should discuss first.
import * as z from 'zod/mini';
import { ItemIdSchema } from '../referentiels/ids';
import type { Item, ItemKind } from '../referentiels/kinds';
import { AnswerValueSchema, checkAnswerValue, type AnswerValue, type ReferenceFigures } from './answers';
import { valueText } from './answer-text';
import { CampaignIdSchema, MemberNameSchema } from './campaigns';
import { InstantSchema } from './instants';
import { accepted, checkWith, refused, type Checked } from './result';
import { RECORD_SCHEMA_VERSION } from './schema-version';

/** Far above any pilot group; keeps a hostile file from storing a huge tally. */
export const MAX_POSITIONS = 100;

export const DUPLICATE_MEMBER = 'Un membre ne peut donner qu’un avis par question.';
export const NO_POSITIONS = 'Cette question ne se prête pas à un tour de table.';

/**
 * Kinds answered with one choice or one figure. A checklist, a matrix, a text, a date or usage
 * counts are no single value a position could be (decided: no tour de table there).
 */
const POSITION_KINDS: ReadonlySet<ItemKind> = new Set<ItemKind>([
  'level',
  'label-band',
  'yes-no',
  'count',
  'reference-figure',
  'percentage',
]);

export function takesPositions(item: Item): boolean {
  return POSITION_KINDS.has(item.kind);
}

/** member null: an anonymous vote. 'not-applicable' is a position like any other. */
export const PositionSchema = z.strictObject({ member: z.nullable(MemberNameSchema), value: AnswerValueSchema });
export type Position = z.infer<typeof PositionSchema>;

/** The same person typed twice (" Mme Durand", "mme  durand") is one member. */
export const sameMember = (a: string, b: string): boolean => memberKey(a) === memberKey(b);
const memberKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr-FR');

/** The first member named twice, if any. */
function repeatedMember(positions: readonly Position[]): string | undefined {
  const seen = new Set<string>();
  for (const { member } of positions) {
    if (member === null) continue;
    const key = memberKey(member);
    if (seen.has(key)) return member;
    seen.add(key);
  }
  return undefined;
}

export const PositionsRecordSchema = z.strictObject({
  campaignId: CampaignIdSchema,
  itemId: ItemIdSchema,
  positions: z.array(PositionSchema).check(
    z.maxLength(MAX_POSITIONS, { error: `Pas plus de ${MAX_POSITIONS} avis par question.` }),
    z.refine((positions) => repeatedMember(positions) === undefined, { error: DUPLICATE_MEMBER }),
  ),
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type PositionsRecord = z.infer<typeof PositionsRecordSchema>;

// Values are checked one by one against the item below, so that a refusal can name the member.
const RawPositionsSchema = z.array(z.unknown(), { error: 'Avis non valides.' }).check(
  z.maxLength(MAX_POSITIONS, { error: `Pas plus de ${MAX_POSITIONS} avis par question.` }),
);
const RawPositionSchema = z.strictObject({ member: z.nullable(MemberNameSchema), value: z.unknown() });

/**
 * Checks the positions given on an item: each value as an answer to it (a level 0 to 3, one of its
 * bands, a count within its reference figure...), each member once. Names are trimmed; named
 * positions come first in the given order, anonymous votes after.
 */
export function checkPositions(item: Item, positions: unknown, figures: ReferenceFigures = {}): Checked<Position[]> {
  if (!takesPositions(item)) return refused(NO_POSITIONS);
  const list = checkWith(RawPositionsSchema, positions, 'Avis non valides.');
  if (!list.ok) return list;
  const named: Position[] = [];
  const anonymous: Position[] = [];
  for (const raw of list.value) {
    const shape = checkWith(
      RawPositionSchema,
      raw !== null && typeof raw === 'object' && 'member' in raw && typeof raw.member === 'string'
        ? { ...raw, member: raw.member.trim() }
        : raw,
      'Avis non valide.',
    );
    if (!shape.ok) return refused(shape.message);
    const member = shape.value.member;
    const value = checkAnswerValue(item, shape.value.value, figures);
    if (!value.ok) return refused(`${member === null ? 'Vote anonyme' : `Avis de ${member}`} : ${value.message}`);
    (member === null ? anonymous : named).push({ member, value: value.value });
  }
  const repeated = repeatedMember(named);
  if (repeated !== undefined) return refused(`Avis de ${repeated} : un membre ne peut donner qu’un avis par question.`);
  return accepted([...named, ...anonymous]);
}

/** A stable string per distinct value: the same whatever the order of the object's keys. */
export function valueKey(value: AnswerValue): string {
  switch (value.kind) {
    case 'not-applicable':
      return 'not-applicable';
    case 'level':
    case 'yes-no':
    case 'number':
    case 'percentage':
      return `${value.kind}:${value.value}`;
    case 'band':
      return `band:${value.band}`;
    default:
      return JSON.stringify(value);
  }
}

/** The item's own order of its options: levels and numbers ascending, bands as listed, oui before non (as on screen), non concerné last. */
function naturalRank(item: Item, value: AnswerValue): number {
  switch (value.kind) {
    case 'level':
    case 'number':
    case 'percentage':
      return value.value;
    case 'yes-no':
      return value.value ? 0 : 1;
    case 'band': {
      const index = item.kind === 'label-band' ? item.bands.findIndex((b) => b.id === value.band) : -1;
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    }
    case 'not-applicable':
      return Number.POSITIVE_INFINITY;
    default:
      return Number.MAX_SAFE_INTEGER;
  }
}

export interface SpreadEntry {
  key: string;
  label: string;
  count: number;
  value: AnswerValue;
}

/** One entry per distinct value, the most given first, then in the item's order of options. */
export function spreadOf(item: Item, positions: readonly Position[]): SpreadEntry[] {
  const byKey = new Map<string, SpreadEntry>();
  for (const { value } of positions) {
    const key = valueKey(value);
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { key, label: valueText(item, value), count: 1, value });
  }
  return [...byKey.values()].sort(
    (a, b) => b.count - a.count || compareRanks(naturalRank(item, a.value), naturalRank(item, b.value)),
  );
}

// Infinity − Infinity is NaN: compare, do not subtract.
const compareRanks = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/** "3 × niveau 2, 2 × niveau 1, 1 × niveau 3"; '' when nobody gave a position. */
export function spreadText(item: Item, positions: readonly Position[]): string {
  return spreadOf(item, positions)
    .map((entry) => `${entry.count} × ${entry.label}`)
    .join(', ');
}

/** Shown on screen beside the divergence: it must say exactly what `divergenceOf` computes. */
export const DIVERGENCE_RULE =
  'Écart entre les avis (notre choix) : la part des avis qui diffèrent de l’avis le plus fréquent, « non concerné » comptant comme un avis à part entière. ' +
  'Pour un nombre ou un pourcentage, où deux avis identiques sont rares, un avis proche de la médiane des nombres donnés compte comme d’accord avec elle : ' +
  'à 10 % près de la médiane, et au moins à 1 près pour un nombre, à 5 points près pour un pourcentage. ' +
  'L’écart est alors la part des avis hors de cette marge (un « non concerné » en est toujours hors), ' +
  'sauf si les « non concerné » sont plus nombreux que les avis dans la marge : c’est alors la part des autres avis. ' +
  'Pour un niveau de la grille Occitanie, des avis séparés de deux niveaux ou plus (un 1 et un 3, par exemple) donnent un écart d’au moins 50 %, même pour un seul avis isolé. ' +
  'Avec moins de deux avis, l’écart est nul.';

/** Relative width of the band around the median within which numbers agree (our choice). */
export const NUMERIC_RELATIVE_TOLERANCE = 0.1;
/** The band's least half-width: 1 for a count, 5 points for a percentage (our choice). */
const absoluteTolerance = (item: Item): number => (item.kind === 'percentage' ? 5 : 1);
/** Levels this far apart make the item worth discussing, whoever holds them. */
const WIDE_LEVEL_GAP = 2;
const WIDE_GAP_DIVERGENCE = 0.5;

const isNumericKind = (item: Item): boolean =>
  item.kind === 'count' || item.kind === 'reference-figure' || item.kind === 'percentage';

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How many positions agree with the reference one (the most frequent, or the band around the median). */
function agreeingCount(item: Item, positions: readonly Position[]): number {
  if (!isNumericKind(item)) return Math.max(...spreadOf(item, positions).map((e) => e.count));
  const numbers: number[] = [];
  let notApplicable = 0;
  for (const { value } of positions) {
    if (value.kind === 'number' || value.kind === 'percentage') numbers.push(value.value);
    else notApplicable++;
  }
  if (numbers.length === 0) return notApplicable;
  const middle = median(numbers.sort((a, b) => a - b));
  const tolerance = Math.max(absoluteTolerance(item), NUMERIC_RELATIVE_TOLERANCE * Math.abs(middle));
  // The epsilon keeps a value exactly on the edge (55 around 50) inside despite float rounding.
  const inBand = numbers.filter((n) => Math.abs(n - middle) <= tolerance + 1e-9).length;
  return Math.max(inBand, notApplicable);
}

/** How far the positions lie apart, from 0 (all agree) to 1: DIVERGENCE_RULE. */
export function divergenceOf(item: Item, positions: readonly Position[]): number {
  const n = positions.length;
  if (n < 2) return 0;
  // (n − agreeing) / n, not 1 − agreeing / n: 2 of 6 must be exactly 1/3, the threshold.
  const divergence = (n - agreeingCount(item, positions)) / n;
  if (item.kind !== 'level') return divergence;
  const levels = positions.flatMap(({ value }) => (value.kind === 'level' ? [value.value] : []));
  const wide = levels.length >= 2 && Math.max(...levels) - Math.min(...levels) >= WIDE_LEVEL_GAP;
  return wide ? Math.max(divergence, WIDE_GAP_DIVERGENCE) : divergence;
}

/** From this divergence on, an item is worth discussing before agreeing (our choice). */
export const TO_DISCUSS_FROM = 1 / 3;

export interface DiscussionEntry {
  item: Item;
  positions: Position[];
  /** The answer the group agreed on, if any yet. */
  agreed: AnswerValue | null;
}

/** The items to discuss, the most divided first, then in the given order; extra fields are kept. */
export function toDiscuss<T extends DiscussionEntry>(entries: readonly T[]): Array<T & { divergence: number; spread: string }> {
  return entries
    .filter((entry) => entry.positions.length >= 2)
    .map((entry) => ({ ...entry, divergence: divergenceOf(entry.item, entry.positions), spread: spreadText(entry.item, entry.positions) }))
    .filter((entry) => entry.divergence >= TO_DISCUSS_FROM)
    // Array.prototype.sort is stable: equal divergences keep the input order.
    .sort((a, b) => b.divergence - a.divergence);
}

/** The value most positions give, to suggest as the answer; null when none or when tied at the top. */
export function mostFrequent(item: Item, positions: readonly Position[]): { value: AnswerValue; count: number } | null {
  const [first, second] = spreadOf(item, positions);
  if (!first || (second && second.count === first.count)) return null;
  return { value: first.value, count: first.count };
}

/** Positions on a level item per level 0..3 and "non concerné", for a chart beside the agreed level. */
export function levelSpread(positions: readonly Position[]): { byLevel: [number, number, number, number]; notApplicable: number } {
  const byLevel: [number, number, number, number] = [0, 0, 0, 0];
  let notApplicable = 0;
  for (const { value } of positions) {
    if (value.kind === 'level') byLevel[value.value]++;
    else if (value.kind === 'not-applicable') notApplicable++;
  }
  return { byLevel, notApplicable };
}

/**
 * A member's position set: it replaces their earlier one in place (the name as now typed), or
 * joins the named ones, before the anonymous votes.
 */
export function withMemberPosition(existing: readonly Position[], member: string, value: AnswerValue): Position[] {
  const name = member.trim();
  const index = existing.findIndex((p) => p.member !== null && sameMember(p.member, name));
  if (index !== -1) return existing.map((p, i) => (i === index ? { member: name, value } : p));
  const named = existing.filter((p) => p.member !== null);
  const anonymous = existing.filter((p) => p.member === null);
  return [...named, { member: name, value }, ...anonymous];
}

export function withoutMember(existing: readonly Position[], member: string): Position[] {
  return existing.filter((p) => p.member === null || !sameMember(p.member, member));
}

export function withAnonymousVote(existing: readonly Position[], value: AnswerValue): Position[] {
  return [...existing, { member: null, value }];
}

/** Takes back one anonymous vote of that value (the last one), if there is any. */
export function withoutAnonymousVote(existing: readonly Position[], value: AnswerValue): Position[] {
  const key = valueKey(value);
  const index = existing.findLastIndex((p) => p.member === null && valueKey(p.value) === key);
  return index === -1 ? [...existing] : existing.filter((_, i) => i !== index);
}

/**
 * A member's contribution file brings their answers as positions, not as conflicts: for an item
 * that takes positions, a non-null value becomes (or replaces) the contributor's position.
 */
export function withContributedAnswer(
  item: Item,
  existing: readonly Position[],
  contributor: string,
  value: AnswerValue | null,
): Position[] {
  if (value === null || !takesPositions(item)) return [...existing];
  return withMemberPosition(existing, contributor, value);
}

/** One change to an item's round: a member's position set or withdrawn, an anonymous vote added or taken back. */
export type PositionChange =
  | { kind: 'member'; member: string; value: AnswerValue | null }
  | { kind: 'vote'; value: AnswerValue; delta: 1 | -1 };

export function applyPositionChange(positions: readonly Position[], change: PositionChange): Position[] {
  if (change.kind === 'member') {
    return change.value === null ? withoutMember(positions, change.member) : withMemberPosition(positions, change.member, change.value);
  }
  return change.delta === 1 ? withAnonymousVote(positions, change.value) : withoutAnonymousVote(positions, change.value);
}
