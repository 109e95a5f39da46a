// Prints measures beside their budgets, as one table, and keeps them for the closing note.
export interface Measure {
  name: string;
  value: number;
  unit: string;
  budget?: { max?: number; min?: number };
}

export function verdict(m: Measure): string {
  if (!m.budget) return '';
  const over = (m.budget.max !== undefined && m.value > m.budget.max) || (m.budget.min !== undefined && m.value < m.budget.min);
  const limit = m.budget.max !== undefined ? `≤ ${m.budget.max}` : `≥ ${m.budget.min}`;
  return `${over ? 'OVER BUDGET' : 'ok'} (budget ${limit} ${m.unit})`;
}

export function printMeasures(title: string, measures: Measure[]): void {
  const rows = measures.map((m) => `  ${m.name.padEnd(66)} ${String(Math.round(m.value * 10) / 10).padStart(8)} ${m.unit.padEnd(6)} ${verdict(m)}`);
  console.log(`\n${title}\n${rows.join('\n')}\n`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** CPU slowdowns measured (BENCH_CPU_RATES); the budgets are those of a school laptop, 4× (issue 11). */
export const CPU_RATES = (process.env.BENCH_CPU_RATES ?? '4,1').split(',').map(Number);
export const BUDGETED_RATE = 4;
export const rateLabel = (rate: number): string => (rate === 1 ? 'unthrottled' : `${rate}× CPU`);
/** A budget applies at the budgeted rate only; other rates are printed for reference. */
export const budgetAt = (rate: number, max: number): Pick<Measure, 'budget'> => (rate === BUDGETED_RATE ? { budget: { max } } : {});
