// The Occitanie grid: each criterion's level (0 to 3), the mean per area and overall.
import { referentielById } from '../../referentiels';
import type { AnswerLookup } from '../completion';

const source = referentielById('occitanie-grille');

export interface CriterionLevel {
  id: string;
  label: string;
  /** 0 to 3, or null when unanswered or "non concerné" (`notApplicable` tells which). */
  level: number | null;
  /** Answered "non concerné": an answer, shown as such, never as missing. */
  notApplicable: boolean;
}

export interface AreaLevel {
  id: string;
  label: string;
  /** Mean of the answered criteria's levels, 0 to 3 (one decimal), or null. */
  mean: number | null;
  /** Every criterion of the area answered "non concerné". */
  notApplicable: boolean;
  criteria: CriterionLevel[];
  answered: number;
  total: number;
}

const mean = (levels: number[]) =>
  levels.length === 0 ? null : Math.round((levels.reduce((a, b) => a + b, 0) / levels.length) * 10) / 10;

export function occitanieLevels(answers: AnswerLookup): { areas: AreaLevel[]; overall: number | null } {
  const areas = source.parts.map((part): AreaLevel => {
    const items = part.sections.flatMap((s) => s.items);
    const criteria = items.map((item): CriterionLevel => {
      const value = answers.get(item.id)?.value;
      return {
        id: item.id,
        label: item.text,
        level: value?.kind === 'level' ? value.value : null,
        notApplicable: value?.kind === 'not-applicable',
      };
    });
    const notApplicable = criteria.filter((c) => c.notApplicable).length;
    const levels = criteria.flatMap((c) => (c.level === null ? [] : [c.level]));
    return {
      id: part.id,
      label: `${part.code} ${part.title}`,
      mean: mean(levels),
      notApplicable: notApplicable === items.length,
      criteria,
      answered: levels.length,
      total: items.length - notApplicable,
    };
  });
  const all = areas.flatMap((a) => a.criteria.flatMap((c) => (c.level === null ? [] : [c.level])));
  return { areas, overall: mean(all) };
}

/** Areas as progress axes (see progress.ts). */
export const areaPoints = (areas: readonly AreaLevel[]) =>
  areas.map((a) => ({ label: a.label, value: a.mean, answered: a.answered, total: a.total }));
