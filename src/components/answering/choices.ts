// The choices of the items answered by picking one: yes/no, a maturity level, a label band.
// `key` is the keyboard shortcut of the workshop mode.
import type { AnswerValue } from '../../domain/answers';
import type { ItemOfKind } from '../../referentiels/kinds';
import { bandLevelText, bandPointsText } from '../../text/fr';

export interface Choice {
  id: string;
  key: string;
  label: string;
  detail?: string;
  value: AnswerValue;
}

export const NOT_APPLICABLE: Choice = {
  id: 'not-applicable',
  key: 'x',
  label: 'Non concerné',
  detail: 'ne s’applique pas à l’établissement',
  value: { kind: 'not-applicable' },
};

export function choicesOf(item: ItemOfKind<'yes-no' | 'level' | 'label-band'>): Choice[] {
  if (item.kind === 'yes-no') {
    return [
      { id: 'yes', key: '1', label: 'Oui', value: { kind: 'yes-no', value: true } },
      { id: 'no', key: '2', label: 'Non', value: { kind: 'yes-no', value: false } },
    ];
  }
  if (item.kind === 'level') {
    // The three described levels first, side by side, then "Non atteint": the order on screen is
    // the order of the focus (keys stay 1, 2, 3 and 0).
    return [
      ...item.levels.map((text, i): Choice => ({
        id: `level-${i + 1}`,
        key: String(i + 1),
        label: `Niveau ${i + 1}`,
        detail: text,
        value: { kind: 'level', value: (i + 1) as 1 | 2 | 3 },
      })),
      { id: 'level-0', key: '0', label: 'Non atteint', detail: 'aucun des trois niveaux n’est atteint', value: { kind: 'level', value: 0 } },
    ];
  }
  return item.bands.map((band, i): Choice => ({
    id: `band-${band.id}`,
    key: String(i + 1),
    label: band.label,
    detail: item.rule === 'mandatory' ? bandLevelText(band.level ?? 0) : bandPointsText(band.points ?? 0),
    value: { kind: 'band', band: band.id },
  }));
}

export function sameChoice(a: AnswerValue | null, b: AnswerValue): boolean {
  if (!a || a.kind !== b.kind) return false;
  if (a.kind === 'yes-no' && b.kind === 'yes-no') return a.value === b.value;
  if (a.kind === 'level' && b.kind === 'level') return a.value === b.value;
  if (a.kind === 'band' && b.kind === 'band') return a.band === b.band;
  return a.kind === 'not-applicable';
}
