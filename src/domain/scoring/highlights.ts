// The three strongest and three weakest axes of a campaign, across its documents, on one scale
// (a share of the maximum), for the one-page summary of the report.
import type { DgescoProfile } from './dgesco';
import type { AreaLevel } from './occitanie';

export interface Highlight {
  label: string;
  /** 0 to 1: the score over its maximum (100, or 3 for the Occitanie grid). */
  share: number;
  shown: string;
}

export function highlights(profile: DgescoProfile | undefined, areas: AreaLevel[] | undefined, count = 3) {
  const all: Highlight[] = [];
  for (const axis of profile ? [...profile.structure, ...profile.usage, ...profile.means] : []) {
    if (axis.value !== null) all.push({ label: `DGESCO ${axis.label}`, share: axis.value / 100, shown: `${axis.value.toLocaleString('fr-FR')} / 100` });
  }
  for (const area of areas ?? []) {
    if (area.mean !== null) all.push({ label: `Occitanie ${area.label}`, share: area.mean / 3, shown: `${area.mean.toLocaleString('fr-FR')} / 3` });
  }
  const sorted = [...all].sort((a, b) => b.share - a.share);
  const strong = sorted.slice(0, count);
  const weak = sorted.slice(Math.max(count, sorted.length - count)).reverse();
  return { strong, weak };
}
