// The charts of the results, as data: the profile radars (annex 4.1) and their progress overlays
// (annex 4.2), one series per campaign.
import type { DgescoProfile } from './dgesco';
import type { AreaLevel } from './occitanie';
import type { ChartSpec } from './series';

/** Short axis names for the radar (the tables and the référentiel keep the full titles). */
const DGESCO_AXES = [
  '3.3 Pilotage',
  '3.4 Assistance technique',
  '3.5 Accompagnement',
  '3.6.1 Usages : l’enseignant en classe',
  '3.6.2 Usages : les élèves en classe',
  '3.6.3 Usages : hors du temps de classe',
  '3.6.4 Usages : information et échanges',
];

const usageAxes = (profile: DgescoProfile) => [...profile.structure, ...profile.usage].map((a) => a.value);

/** One campaign: organisation and usage on seven axes, the means beside the four usage domains. */
export function dgescoProfileSpec(profile: DgescoProfile): ChartSpec {
  return {
    title: 'Profil DGESCO 2010 : organisation, usages et moyens',
    axes: DGESCO_AXES,
    max: 100,
    unit: 'sur 100',
    describe: 0,
    series: [
      { label: 'Organisation et usages', values: usageAxes(profile) },
      { label: 'Moyens (éléments d’analyse)', values: [null, null, null, ...profile.means.map((a) => a.value)] },
    ],
  };
}

export function dgescoProgressSpec(campaigns: ReadonlyArray<{ label: string; profile: DgescoProfile }>): ChartSpec {
  return {
    title: 'Progrès DGESCO 2010 : organisation et usages',
    axes: DGESCO_AXES,
    max: 100,
    unit: 'sur 100',
    series: campaigns.map((c) => ({ label: c.label, values: usageAxes(c.profile) })),
  };
}

export function occitanieAreasSpec(campaigns: ReadonlyArray<{ label: string; areas: AreaLevel[] }>): ChartSpec {
  const areas = campaigns[0]?.areas ?? [];
  return {
    title: 'Grille Occitanie : niveau moyen par domaine',
    axes: areas.map((a) => a.label),
    max: 3,
    unit: 'sur 3',
    series: campaigns.map((c) => ({ label: c.label, values: c.areas.map((a) => a.mean) })),
  };
}

export function occitanieCriteriaSpec(campaigns: ReadonlyArray<{ label: string; areas: AreaLevel[] }>): ChartSpec {
  const criteria = (campaigns[0]?.areas ?? []).flatMap((a) => a.criteria);
  return {
    title: 'Grille Occitanie : niveau des 19 critères',
    axes: criteria.map((c) => c.label),
    max: 3,
    unit: 'sur 3',
    series: campaigns.map((c) => ({ label: c.label, values: c.areas.flatMap((a) => a.criteria.map((k) => k.level)) })),
  };
}

/** The group's targets as one more series, "Cible", when there is any. */
export function withTargets(spec: ChartSpec, axisIds: readonly string[], targets: ReadonlyArray<{ axis: string; value: number }>): ChartSpec {
  const values = axisIds.map((id) => targets.find((t) => t.axis === id)?.value ?? null);
  return values.some((v) => v !== null) ? { ...spec, series: [...spec.series, { label: 'Cible', values }] } : spec;
}

export const dgescoAxisIds = (profile: DgescoProfile) => [...profile.structure, ...profile.usage].map((a) => a.id);
export { DGESCO_AXES };

/** The change on each axis across campaigns, as lines: campaigns in time order, one line per axis. */
export function trendSpec(title: string, axes: readonly string[], max: number, unit: string, campaigns: ReadonlyArray<{ label: string; values: (number | null)[] }>): ChartSpec {
  return {
    title,
    axes: campaigns.map((c) => c.label),
    max,
    unit,
    series: axes.map((axis, i) => ({ label: axis, values: campaigns.map((c) => c.values[i] ?? null) })),
  };
}
