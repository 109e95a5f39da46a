// Two campaigns side by side, as the progress page and the printed report tell it: each
// document's axes with what moved them, the label's blockers, the answers that changed, and the
// actions achieved in between beside the axis they aimed at.
import type { CampaignRecord } from '../campaigns';
import type { AnswerRecord } from '../answers';
import { achievedBetween, type ActionRecord } from '../actions';
import { answerLookup } from '../completion';
import { valueText } from '../answer-text';
import { findItem, referentielById } from '../../referentiels';
import type { Referentiel } from '../../referentiels/kinds';
import { labelCallOf } from '../../referentiels/label-calls';
import { dgescoProfile, type DgescoProfile } from '../scoring/dgesco';
import { areaPoints, occitanieLevels, type AreaLevel } from '../scoring/occitanie';
import { compareAxes, type AxisChange, type AxisPoint } from '../scoring/progress';
import { DGESCO_AXIS_NAMES, dgescoPoints } from '../scoring/specs';
import { labelBlocks, labelYear, blockerChanges, compareCalls, labelProgressSummary, type BlockShare, type BlockerChanges, type CallDifference, type LabelYear } from '../scoring/label-progress';
import { answerChanges, axisChangeSentence, itemsOfAxis, type AnswerChange } from './answer-changes';
import { decimal } from '../../text/format';

export interface CampaignData {
  campaign: CampaignRecord;
  answers: readonly AnswerRecord[];
  actions: readonly ActionRecord[];
}

/** One campaign read for comparison: only the documents it covers. */
export interface CampaignReading {
  data: CampaignData;
  /** How the campaign is named in tables and sentences. */
  name: string;
  lookup: ReadonlyMap<string, AnswerRecord>;
  profile: DgescoProfile | undefined;
  areas: AreaLevel[] | undefined;
  /** The Occitanie mean over every answered criterion. */
  occitanieOverall: number | null;
  label: { referentiel: Referentiel; year: LabelYear; blocks: BlockShare[] } | undefined;
}

const readings = new WeakMap<CampaignData, Map<string, CampaignReading>>();

/** Read once per loaded campaign and name: the progress page redraws without scoring again. */
export function readCampaignData(data: CampaignData, name: string): CampaignReading {
  const byName = readings.get(data) ?? new Map<string, CampaignReading>();
  readings.set(data, byName);
  const known = byName.get(name);
  if (known) return known;
  const documents = data.campaign.documents;
  const lookup = answerLookup(data.answers);
  const call = labelCallOf(documents);
  const referentiel = call ? referentielById(call.documentId) : undefined;
  const levels = documents.includes('occitanie-grille') ? occitanieLevels(lookup) : undefined;
  const reading: CampaignReading = {
    data,
    name,
    lookup,
    profile: documents.includes('dgesco-2010') ? dgescoProfile(lookup) : undefined,
    areas: levels?.areas,
    occitanieOverall: levels?.overall ?? null,
    label: referentiel && { referentiel, year: labelYear(name, referentiel, lookup), blocks: labelBlocks(referentiel, lookup) },
  };
  byName.set(name, reading);
  return reading;
}

/** An axis's change with its id and the sentence that says what moved it. */
export interface AxisProgress extends AxisChange {
  id: string;
  sentence: string;
  /** How many of its answers changed. */
  moved: number;
}

/** An action done between the two campaigns, beside the axis or criterion it answered. */
export interface AchievedAction {
  action: ActionRecord;
  axis: string;
  before: string;
  after: string;
}

export interface PairProgress {
  from: CampaignReading;
  to: CampaignReading;
  changes: AnswerChange[];
  dgesco: AxisProgress[] | undefined;
  occitanie: AxisProgress[] | undefined;
  label: { changes: BlockerChanges; calls: CallDifference[]; summary: string } | undefined;
  achieved: AchievedAction[];
}

const dgescoAxisPoints = (profile: DgescoProfile) =>
  dgescoPoints(profile).map((a) => ({ id: a.id, point: { ...a, label: DGESCO_AXIS_NAMES[a.id] ?? a.label } }));
const areaAxisPoints = (areas: readonly AreaLevel[]) => areas.map((a, i) => ({ id: a.id, point: areaPoints(areas)[i]! }));

function axesProgress(
  from: ReadonlyArray<{ id: string; point: AxisPoint }>,
  to: ReadonlyArray<{ id: string; point: AxisPoint }>,
  unit: string,
  changes: readonly AnswerChange[],
): AxisProgress[] {
  const rows = compareAxes(from.map((a) => a.point), to.map((a) => a.point));
  return rows.map((row, i) => {
    const id = to[i]!.id;
    const items = new Set(itemsOfAxis(id));
    const moved = changes.filter((c) => items.has(c.itemId));
    return { ...row, id, sentence: axisChangeSentence(row.label, row.delta, unit, moved), moved: moved.length };
  });
}

const pairs = new WeakMap<CampaignReading, WeakMap<CampaignReading, PairProgress>>();

/** Compared once per pair of readings: the page redraws without comparing again. */
export function pairProgress(from: CampaignReading, to: CampaignReading): PairProgress {
  const known = pairs.get(from)?.get(to);
  if (known) return known;
  const computed = comparePair(from, to);
  const byTo = pairs.get(from) ?? new WeakMap<CampaignReading, PairProgress>();
  byTo.set(to, computed);
  pairs.set(from, byTo);
  return computed;
}

function comparePair(from: CampaignReading, to: CampaignReading): PairProgress {
  const side = (r: CampaignReading) => ({ answers: r.lookup, documents: r.data.campaign.documents, assignments: r.data.campaign.assignments });
  const changes = answerChanges(side(from), side(to));
  const labels = from.label && to.label;
  return {
    from,
    to,
    changes,
    dgesco: from.profile && to.profile ? axesProgress(dgescoAxisPoints(from.profile), dgescoAxisPoints(to.profile), 'points', changes) : undefined,
    occitanie: from.areas && to.areas ? axesProgress(areaAxisPoints(from.areas), areaAxisPoints(to.areas), 'niveau', changes) : undefined,
    label:
      labels &&
      (() => {
        const blockers = blockerChanges({ referentiel: from.label!.referentiel, answers: from.lookup }, { referentiel: to.label!.referentiel, answers: to.lookup });
        return {
          changes: blockers,
          calls: compareCalls(from.label!.referentiel, to.label!.referentiel),
          summary: labelProgressSummary([from.label!.year, to.label!.year], blockers),
        };
      })(),
    achieved: achievedBetween(from.data.actions, to.data.actions).map((action) => ({
      action,
      axis: axisName(action.axis),
      before: axisValue(from, action.axis),
      after: axisValue(to, action.axis),
    })),
  };
}

const fmt = (n: number) => decimal(n);

/** The axis or criterion an action answers, as the plan names it. */
export function axisName(axis: string): string {
  const dgesco = DGESCO_AXIS_NAMES[axis];
  if (dgesco) return `DGESCO ${dgesco}`;
  const place = findItem(axis);
  if (place?.item.kind === 'label-band') return `Label ${place.item.code} ${place.item.text}`;
  const area = referentielById('occitanie-grille').parts.find((p) => p.id === axis);
  return area ? `Occitanie ${area.code} ${area.title}` : axis;
}

/** Where a campaign stood on an axis or criterion: a score, a level, or the criterion's answer. */
export function axisValue(reading: CampaignReading, axis: string): string {
  const dgesco = reading.profile && dgescoPoints(reading.profile).find((a) => a.id === axis);
  if (dgesco) return dgesco.value === null ? 'non calculé' : `${fmt(dgesco.value)} sur 100`;
  const area = reading.areas?.find((a) => a.id === axis);
  if (area) return area.mean === null ? (area.notApplicable ? 'non concerné' : 'non calculé') : `${fmt(area.mean)} sur 3`;
  const place = findItem(axis);
  if (place && reading.data.campaign.documents.includes(place.document.id)) return valueText(place.item, reading.lookup.get(axis)?.value ?? null);
  return 'non évalué dans cette campagne';
}

/** The public sheet's progress: one line per document both campaigns cover. */
export function progressLines(pair: PairProgress): string[] {
  const lines: string[] = [];
  const mean = (values: ReadonlyArray<number | null>) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length === 0 ? null : Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
  };
  const line = (title: string, a: number | null, b: number | null, unit: string) => {
    if (a === null || b === null) return `${title} : pas de comparaison possible.`;
    const d = Math.round((b - a) * 10) / 10;
    return `${title} : ${fmt(a)} puis ${fmt(b)} ${unit} (${d > 0 ? '+' : ''}${fmt(d)}).`;
  };
  if (pair.dgesco) lines.push(line('Référentiel DGESCO 2010, moyenne des 7 axes', mean(pair.dgesco.map((r) => r.from)), mean(pair.dgesco.map((r) => r.to)), 'sur 100'));
  if (pair.occitanie && pair.from.areas && pair.to.areas) {
    lines.push(line('Grille Occitanie, niveau moyen', pair.from.occitanieOverall, pair.to.occitanieOverall, 'sur 3'));
  }
  if (pair.label && pair.from.label && pair.to.label) {
    const [a, b] = [pair.from.label.year, pair.to.label.year];
    const level = (y: LabelYear) => (y.level === 0 ? 'aucun niveau' : `niveau ${y.level}`);
    lines.push(`Label Lycée numérique : ${level(a)} puis ${level(b)} ; ${a.points.earned} puis ${b.points.earned} points facultatifs.`);
  }
  return lines;
}
