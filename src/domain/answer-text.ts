// An answer as a person reads it: in the report, the spreadsheet export and the import's conflicts.
import type { Item, ItemOfKind } from '../referentiels/kinds';
import type { AnswerValue } from './answers';
import { decimal } from '../text/format';

export const pct = (n: number) => `${decimal(n)} %`;

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
    case 'date': {
      // Read the French way (15/03/2026), never as the stored ISO form.
      const [y, m, d] = value.value.split('-');
      return `${d}/${m}/${y}`;
    }
    case 'text':
      return value.value;
    case 'checklist':
      return item.kind === 'checklist'
        ? value.checked.map((id) => item.options.find((o) => o.id === id)?.label ?? id).join(', ') || 'aucun'
        : '';
    case 'service-matrix':
      return item.kind === 'service-matrix' ? matrixText(item, value) : '';
    case 'level':
      return value.value === 0 ? 'non atteint' : `niveau ${value.value}`;
    case 'band':
      return item.kind === 'label-band' ? (item.bands.find((b) => b.id === value.band)?.label ?? value.band) : value.band;
  }
}

/** The 3.3.4 table in the référentiel's order, service by service: its cells, or "service absent". */
function matrixText(item: ItemOfKind<'service-matrix'>, value: Extract<AnswerValue, { kind: 'service-matrix' }>): string {
  const absent = new Set(value.absent);
  const parts: string[] = [];
  for (const service of item.services) {
    if (absent.has(service.id)) {
      parts.push(`${service.label} : service absent`);
      continue;
    }
    for (const statement of item.statements) {
      const cell = value.cells.find((c) => c.service === service.id && c.statement === statement.id);
      if (cell) parts.push(`${service.label} / ${statement.label} : ${cell.value ? 'oui' : 'non'}`);
    }
  }
  return parts.join(' | ');
}
