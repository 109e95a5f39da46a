// The charts of the results, as data: the profile radars (annex 4.1) and their progress overlays
// (annex 4.2), one series per campaign.
import type { DgescoProfile } from './dgesco';
import type { AxisScore } from './axis';
import type { AreaLevel } from './occitanie';
import type { ChartSpec } from './series';

/** Short axis names for the radar, by axis id (the tables and the référentiel keep the full titles). */
export const DGESCO_AXIS_NAMES: Readonly<Record<string, string>> = {
  'dgesco2010.3.3': '3.3 Pilotage',
  'dgesco2010.3.4': '3.4 Assistance technique',
  'dgesco2010.3.5': '3.5 Accompagnement',
  'dgesco2010.s3.6.1.usage': '3.6.1 Usages : l’enseignant en classe',
  'dgesco2010.s3.6.2.usage': '3.6.2 Usages : les élèves en classe',
  'dgesco2010.s3.6.3.usage': '3.6.3 Usages : hors du temps de classe',
  'dgesco2010.s3.6.4.usage': '3.6.4 Usages : information et échanges',
};

/** The seven axes of the profile radar: organisation (3.3 to 3.5), then the four usage domains. */
export const dgescoPoints = (profile: DgescoProfile): AxisScore[] => [...profile.structure, ...profile.usage];

/** The radar's axes with their short names, found by id. */
export const dgescoAxes = (profile: DgescoProfile) =>
  dgescoPoints(profile).map((a) => ({ id: a.id, label: DGESCO_AXIS_NAMES[a.id] ?? a.label }));

const usageAxes = (profile: DgescoProfile) => dgescoPoints(profile).map((a) => a.value);
const axisNames = (profile: DgescoProfile) => dgescoAxes(profile).map((a) => a.label);

/** One campaign: organisation and usage on seven axes, the means beside the four usage domains. */
export function dgescoProfileSpec(profile: DgescoProfile): ChartSpec {
  return {
    title: 'Profil DGESCO 2010 : organisation, usages et moyens',
    axes: axisNames(profile),
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
    axes: campaigns[0] ? axisNames(campaigns[0].profile) : [],
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
    series: campaigns.map((c) => ({ label: c.label, values: c.areas.map((a) => a.mean), notApplicable: c.areas.map((a) => a.notApplicable) })),
  };
}

export function occitanieCriteriaSpec(campaigns: ReadonlyArray<{ label: string; areas: AreaLevel[] }>): ChartSpec {
  const criteria = (campaigns[0]?.areas ?? []).flatMap((a) => a.criteria);
  return {
    title: 'Grille Occitanie : niveau des 19 critères',
    axes: criteria.map((c) => c.label),
    max: 3,
    unit: 'sur 3',
    series: campaigns.map((c) => ({
      label: c.label,
      values: c.areas.flatMap((a) => a.criteria.map((k) => k.level)),
      notApplicable: c.areas.flatMap((a) => a.criteria.map((k) => k.notApplicable)),
    })),
  };
}

/** The group's targets as one more series, "Cible", when there is any. */
export function withTargets(spec: ChartSpec, axisIds: readonly string[], targets: ReadonlyArray<{ axis: string; value: number }>): ChartSpec {
  const values = axisIds.map((id) => targets.find((t) => t.axis === id)?.value ?? null);
  if (!values.some((v) => v !== null)) return spec;
  // The summary still describes the campaign, not the target.
  return { ...spec, describe: spec.describe ?? spec.series.length - 1, series: [...spec.series, { label: 'Cible', values }] };
}

export const dgescoAxisIds = (profile: DgescoProfile) => dgescoPoints(profile).map((a) => a.id);

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
