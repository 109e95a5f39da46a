// A chart's content as plain data, and its text summary: what a screen reader, the printed
// report and the data table read, the same figures the chart draws.
import { decimal } from '../../text/format';

export interface ChartSeries {
  label: string;
  /** One value per axis; null where nothing can be computed (left out, not zero). */
  values: (number | null)[];
  /** Per axis, true where a null value is a "non concerné" answer rather than no answer. */
  notApplicable?: boolean[];
}

export interface ChartSpec {
  title: string;
  axes: string[];
  max: number;
  unit: string;
  series: ChartSeries[];
  /** The series the summary describes (strong and weak points); the last one by default. */
  describe?: number;
}

const fmt = decimal;

/** Strong and weak points of one series; the largest change between the first and last series. */
export function summarize(spec: ChartSpec): string {
  const parts: string[] = [];
  const first = spec.series[0];
  const last = spec.describe === undefined ? spec.series.at(-1) : spec.series[spec.describe];
  if (!first || !last) return `${spec.title} : aucune donnée.`;
  const scored = last.values.flatMap((v, i) => (v === null ? [] : [{ axis: spec.axes[i]!, v }]));
  if (scored.length === 0) return `${spec.title} : aucune réponse prise en compte pour l’instant.`;
  const sorted = [...scored].sort((a, b) => b.v - a.v);
  const top = sorted[0]!;
  const bottom = sorted.at(-1)!;
  parts.push(`${spec.title} (${last.label}) : point fort « ${top.axis} » (${fmt(top.v)} ${spec.unit})`);
  if (bottom !== top) parts.push(`point faible « ${bottom.axis} » (${fmt(bottom.v)} ${spec.unit})`);
  if (spec.series.length > 1 && first !== last) {
    const changes = spec.axes.flatMap((axis, i) => {
      const a = first.values[i];
      const b = last.values[i];
      return a === null || a === undefined || b === null || b === undefined ? [] : [{ axis, d: b - a }];
    });
    const best = changes.sort((x, y) => y.d - x.d)[0];
    if (best && best.d > 0) parts.push(`plus forte progression « ${best.axis} » (+${fmt(best.d)} ${spec.unit} depuis ${first.label})`);
    else if (best) parts.push(`aucune progression depuis ${first.label}`);
  }
  const notApplicable = last.values.filter((v, i) => v === null && last.notApplicable?.[i]).length;
  const missing = last.values.filter((v) => v === null).length - notApplicable;
  if (notApplicable > 0) {
    parts.push(`${notApplicable} axe${notApplicable > 1 ? 's' : ''} « non concerné${notApplicable > 1 ? 's' : ''} », laissé${notApplicable > 1 ? 's' : ''} de côté`);
  }
  if (missing > 0) parts.push(`${missing} axe${missing > 1 ? 's' : ''} sans réponse, laissé${missing > 1 ? 's' : ''} de côté`);
  return `${parts.join(' ; ')}.`;
}
