// What one answer is worth in a DGESCO score, from 0 to 1, or nothing: an unanswered item, a
// "non concerné" item and an item that measures nothing by itself (a date, a plain count) are
// left out, never counted as zero.
import type { Item } from '../../referentiels/kinds';
import type { AnswerValue, ReferenceFigures } from '../answers';

/** Why an item is not in a score. */
export type Unscored = 'unanswered' | 'not-applicable' | 'descriptive' | 'no-figure';

export type ItemScore = { scored: true; value: number } | { scored: false; why: Unscored };

const left = (why: Unscored): ItemScore => ({ scored: false, why });
const worth = (value: number): ItemScore => ({ scored: true, value: Math.max(0, Math.min(1, value)) });

/** Items that never carry a score (they describe the school or give the date). */
export function isDescriptive(item: Item): boolean {
  return (
    item.kind === 'reference-figure' ||
    item.kind === 'date' ||
    item.kind === 'free-text' ||
    (item.kind === 'count' && !item.of)
  );
}

/**
 * Usage (headline indicators): regular users count fully, occasional ones half, out of the
 * reference figure (teachers, divisions or families) — not out of those who answered.
 */
export function usageShare(value: Extract<AnswerValue, { kind: 'usage-counts' }>, figure: number): number {
  return ((value.regularly ?? 0) + 0.5 * (value.occasionally ?? 0)) / figure;
}

export function scoreItem(item: Item, value: AnswerValue | null | undefined, figures: ReferenceFigures): ItemScore {
  if (isDescriptive(item)) return left('descriptive');
  if (!value) return left('unanswered');
  if (value.kind === 'not-applicable') return left('not-applicable');
  switch (value.kind) {
    case 'yes-no':
      return worth(value.value ? 1 : 0);
    case 'percentage':
      return worth(value.value / 100);
    case 'checklist':
      return item.kind === 'checklist' ? worth(value.checked.length / item.options.length) : left('unanswered');
    case 'service-matrix': {
      // A service the school does not have is not evaluated: its row is out of both counts.
      const absent = new Set(value.absent);
      const cells = value.cells.filter((c) => !absent.has(c.service));
      if (cells.length === 0) {
        // Every service absent: nothing to evaluate, like "non concerné".
        const none = item.kind === 'service-matrix' && item.services.every((s) => absent.has(s.id));
        return left(none ? 'not-applicable' : 'unanswered');
      }
      return worth(cells.filter((c) => c.value).length / cells.length);
    }
    case 'number': {
      if (item.kind !== 'count' || !item.of) return left('descriptive');
      const figure = figures[item.of];
      return figure ? worth(value.value / figure) : left('no-figure');
    }
    case 'usage-counts': {
      if (item.kind !== 'usage-counts') return left('unanswered');
      if (value.never === null || value.occasionally === null || value.regularly === null) return left('unanswered');
      const figure = figures[item.of];
      return figure ? worth(usageShare(value, figure)) : left('no-figure');
    }
    default:
      return left('descriptive');
  }
}
