// An axis of a profile: a score from 0 to 100 and how complete it is.
import type { Item } from '../../referentiels/kinds';
import type { AnswerLookup } from '../completion';
import { isAsked } from '../completion';
import type { ReferenceFigures } from '../answers';
import { scoreItem } from './item-score';

export interface AxisScore {
  id: string;
  /** Short name, for a chart's axis. */
  label: string;
  /** 0 to 100, or null when no item of the axis is answered. */
  value: number | null;
  /** Items that count ("sur 7 indicateurs renseignés sur 9"): answered, and all that could be. */
  answered: number;
  total: number;
  /** Items answered "non concerné": answers, left out of the score and of `total`, and said so. */
  notApplicable: number;
}

/** The mean of the item scores, on 0 to 100; unanswered and "non concerné" items are left out. */
export function axisOf(id: string, label: string, items: readonly Item[], answers: AnswerLookup, figures: ReferenceFigures): AxisScore {
  let sum = 0;
  let answered = 0;
  let total = 0;
  let notApplicable = 0;
  for (const item of items) {
    if (!isAsked(item, answers)) continue;
    const score = scoreItem(item, answers.get(item.id)?.value, figures);
    if (score.scored) {
      sum += score.value;
      answered++;
      total++;
    } else if (score.why === 'unanswered' || score.why === 'no-figure') {
      total++;
    } else if (score.why === 'not-applicable') {
      notApplicable++;
    }
  }
  return { id, label, value: answered === 0 ? null : Math.round((sum / answered) * 1000) / 10, answered, total, notApplicable };
}

/** "7 indicateurs renseignés sur 9 (1 « non concerné », laissé de côté)" */
export function completenessText({ answered, total, notApplicable = 0 }: Pick<AxisScore, 'answered' | 'total'> & { notApplicable?: number }): string {
  const base = `${answered} indicateur${answered > 1 ? 's' : ''} renseigné${answered > 1 ? 's' : ''} sur ${total}`;
  if (notApplicable === 0) return base;
  return `${base} (${notApplicable} « non concerné${notApplicable > 1 ? 's' : ''} », laissé${notApplicable > 1 ? 's' : ''} de côté)`;
}
