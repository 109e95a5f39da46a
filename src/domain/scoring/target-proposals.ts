// The targets a new campaign proposes: the next level up from where the previous campaign stood,
// on each axis and on the label. The group accepts or changes them (a proposal is marked as such).
// The référentiel gives no levels on its 0–100 scores: "the next level up" there is our choice,
// the next ten (42 → 50, 50 → 60), said on screen.
import { LABEL_TARGET_AXIS, type Target } from '../campaigns';
import type { DocumentId } from '../../referentiels/ids';
import { answerLookup, type AnswerLookup } from '../completion';
import type { AnswerRecord } from '../answers';
import { dgescoProfile } from './dgesco';
import { occitanieLevels } from './occitanie';
import { labelReadiness } from './label';
import { dgescoPoints } from './specs';

/** A score out of 100: the next multiple of ten above it. */
export const nextTen = (score: number): number => Math.min(100, Math.floor(score / 10) * 10 + 10);

/** A level out of 3 (an Occitanie mean, the label): the next whole level above it. */
export const nextLevel = (level: number): number => Math.min(3, Math.floor(level) + 1);

export const proposalReading =
  'Objectifs proposés : le niveau suivant de la campagne précédente (grille Occitanie et label : le niveau entier au-dessus ; scores DGESCO sur 100 : la dizaine au-dessus, un choix de Diagnum, le référentiel ne fixant pas de paliers).';

/** Proposals for the axes of the documents the new campaign covers, where the previous one had a value below the top. */
export function proposeTargets(previous: AnswerLookup, documents: readonly DocumentId[]): Target[] {
  const proposals: Target[] = [];
  const propose = (axis: string, value: number | null, max: number, next: (v: number) => number) => {
    if (value !== null && value < max) proposals.push({ axis, value: next(value), proposed: true });
  };
  if (documents.includes('dgesco-2010')) {
    for (const axis of dgescoPoints(dgescoProfile(previous))) propose(axis.id, axis.value, 100, nextTen);
  }
  if (documents.includes('occitanie-grille')) {
    for (const area of occitanieLevels(previous).areas) propose(area.id, area.mean, 3, nextLevel);
  }
  if (documents.includes('label-lycee-2023')) propose(LABEL_TARGET_AXIS, labelReadiness(previous).level, 3, nextLevel);
  return proposals;
}

/** The same, from the previous campaign's stored answers. */
export const proposeTargetsAfter = (answers: readonly AnswerRecord[], documents: readonly DocumentId[]): Target[] =>
  proposeTargets(answerLookup(answers), documents);
