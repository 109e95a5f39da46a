// An answer as a person reads it: in the report, the spreadsheet export and the import's conflicts.
import type { Item } from '../referentiels/kinds';
import type { AnswerValue } from './answers';

export const pct = (n: number) => `${n.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

/** An answer as a person reads it. */
export function valueText(item: Item, value: AnswerValue | null): string {
  if (value === null) return 'non renseigné';
  switch (value.kind) {
    case 'not-applicable':
      return 'non concerné';
    case 'number':
      return String(value.value);
    case 'usage-counts':
      return `jamais ${value.never ?? '?'} ; occasionnellement ${value.occasionally ?? '?'} ; régulièrement ${value.regularly ?? '?'}`;
    case 'yes-no':
      return value.value ? 'oui' : 'non';
    case 'percentage':
      return pct(value.value);
    case 'date':
      return value.value;
    case 'text':
      return value.value;
    case 'checklist':
      return item.kind === 'checklist'
        ? value.checked.map((id) => item.options.find((o) => o.id === id)?.label ?? id).join(', ') || 'aucun'
        : '';
    case 'service-matrix':
      return item.kind === 'service-matrix'
        ? value.cells
            .map((c) => `${item.services.find((s) => s.id === c.service)?.label} / ${item.statements.find((s) => s.id === c.statement)?.label} : ${c.value ? 'oui' : 'non'}`)
            .join(' | ')
        : '';
    case 'level':
      return value.value === 0 ? 'non atteint' : `niveau ${value.value}`;
    case 'band':
      return item.kind === 'label-band' ? (item.bands.find((b) => b.id === value.band)?.label ?? value.band) : value.band;
  }
}
