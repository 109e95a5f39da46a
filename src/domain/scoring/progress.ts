// The change on each axis between two campaigns (annex 4.2). An axis whose answers changed
// between them (a question answered in one, left out in the other) is marked, not silently
// compared.
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
