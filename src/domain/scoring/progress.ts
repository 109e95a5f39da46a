// The change on each axis between two campaigns (annex 4.2). An axis whose answers changed
// between them (a question answered in one, left out in the other) is marked, not silently
// compared.
import { decimal } from '../../text/format';

export interface AxisPoint {
  label: string;
  value: number | null;
  answered: number;
  total: number;
}

export interface AxisChange {
  label: string;
  from: number | null;
  to: number | null;
  /** to − from, when both exist. */
  delta: number | null;
  /** Why the two values do not measure the same thing, if they do not. */
  caveat: string | undefined;
}

export function compareAxes(from: readonly AxisPoint[], to: readonly AxisPoint[]): AxisChange[] {
  return to.map((after, i) => {
    const before = from[i];
    const a = before?.value ?? null;
    const b = after.value;
    let caveat: string | undefined;
    if (a === null || b === null) caveat = 'pas de réponse dans l’une des deux campagnes';
    else if (before && before.answered !== after.answered) {
      caveat = `réponses prises en compte différentes (${before.answered} puis ${after.answered} sur ${after.total})`;
    }
    return {
      label: after.label,
      from: a,
      to: b,
      delta: a === null || b === null ? null : Math.round((b - a) * 10) / 10,
      caveat,
    };
  });
}

/** "Évolution … : plus forte progression « axe » (+1,5) ; 2 axes à comparer avec prudence." */
export function changeSummary(title: string, rows: readonly AxisChange[]): string {
  const compared = rows.flatMap((r) => (r.delta !== null && r.caveat === undefined ? [{ label: r.label, delta: r.delta }] : []));
  const parts: string[] = [];
  const best = [...compared].sort((a, b) => b.delta - a.delta)[0];
  const worst = [...compared].sort((a, b) => a.delta - b.delta)[0];
  if (best && best.delta > 0) parts.push(`plus forte progression « ${best.label} » (+${decimal(best.delta)})`);
  if (worst && worst.delta < 0) parts.push(`plus fort recul « ${worst.label} » (${decimal(worst.delta)})`);
  if (compared.length > 0 && parts.length === 0) parts.push('aucun changement sur les axes comparables');
  if (compared.length === 0) parts.push('aucun axe comparable d’une campagne à l’autre');
  const caveats = rows.length - compared.length;
  if (caveats > 0) parts.push(`${caveats} axe${caveats > 1 ? 's' : ''} à comparer avec prudence ou sans comparaison possible`);
  return `${title} : ${parts.join(' ; ')}.`;
}
