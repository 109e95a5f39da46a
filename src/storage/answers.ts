// Answers: one record per campaign and item, saved field by field so that two tabs editing
// different fields of the same item never overwrite each other.
import {
  AnswerRecordSchema,
  checkAnswerValue,
  referenceFiguresFrom,
  type AnswerRecord,
  type AnswerValue,
} from '../domain/answers';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { checkWith, refused, type Checked } from '../domain/result';
import { findItem, referenceFigureItems } from '../referentiels';
import { commit, database } from './connection';
import { readCampaign } from './campaigns';
import { parseAll, watch } from './watch';

export interface AnswerPatch {
  value?: AnswerValue | null;
  comment?: string;
  toCheck?: boolean;
  source?: string;
}

export async function listAnswers(campaignId: string): Promise<AnswerRecord[]> {
  return parseAll(AnswerRecordSchema, await database().answers.where('campaignId').equals(campaignId).toArray());
}

export const watchAnswers = (campaignId: string) => watch(() => listAnswers(campaignId));

export async function saveAnswer(campaignId: string, itemId: string, patch: AnswerPatch): Promise<Checked<true>> {
  const place = findItem(itemId);
  if (!place) return refused('Question inconnue.');
  const campaign = await readCampaign(campaignId);
  if (!campaign) return refused('Cette campagne n’existe plus.');
  if (campaign.status === 'closed') return refused('Cette campagne est clôturée : rouvrez-la pour la modifier.');
  if (!campaign.documents.includes(place.document.id)) return refused('Ce référentiel ne fait pas partie de la campagne.');

  if (patch.value !== undefined && patch.value !== null) {
    const figures = referenceFiguresFrom(await listAnswers(campaignId), referenceFigureItems);
    const checked = checkAnswerValue(place.item, patch.value, figures);
    if (!checked.ok) return checked;
  }

  let invalid: Checked<AnswerRecord> | undefined;
  const done = await commit(['answers'], async (db) => {
    const existing = await db.answers.get([campaignId, itemId]);
    const next = {
      campaignId,
      itemId,
      value: null,
      comment: '',
      toCheck: false,
      source: '',
      ...existing,
      ...patch,
      updatedAt: Date.now(),
      schemaVersion: RECORD_SCHEMA_VERSION,
    };
    const checked = checkWith(AnswerRecordSchema, next, 'Réponse non valide.');
    if (!checked.ok) {
      invalid = checked;
      return;
    }
    await db.answers.put(checked.value);
  });
  return invalid && !invalid.ok ? invalid : done;
}
