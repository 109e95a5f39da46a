// The anonymous staff questionnaire: its settings (one per campaign and audience) and its
// responses. A response is stored under a random id, so the table's order says nothing of who
// answered when; it carries no name and no time finer than the day.
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { accepted, checkWith, refused, type Checked } from '../domain/result';
import {
  checkResponse,
  importResponses,
  surveyIdOf,
  shuffled,
  SurveyRecordSchema,
  SurveyResponseRecordSchema,
  type ResponseImport,
  type SurveyRecord,
  type SurveyResponse,
  type SurveyResponseRecord,
} from '../domain/survey/responses';
import type { SurveyAudience } from '../domain/survey/questionnaire';
import { checkThreshold } from '../domain/survey/results';
import { checkKioskCodeInput, lockWith } from '../domain/survey/kiosk';
import { fr } from '../text/fr';
import { commitDecided, database } from './connection';
import { campaignRefusal, openCampaign } from './campaign-lock';
import { parseAll } from './watch';
import type { DiagnumDB } from './db';

/**
 * The questionnaire's settings, if they take writes now (its campaign open). Inside a transaction
 * with `campaigns` and `surveys`; both rows are read here, one level deep (see campaign-lock.ts).
 */
async function openSurvey(db: DiagnumDB, surveyId: string): Promise<Checked<SurveyRecord>> {
  const row = await db.surveys.get(surveyId);
  if (!row) return refused('Ce questionnaire n’existe plus.');
  const survey = SurveyRecordSchema.safeParse(row).data;
  if (!survey) return refused(fr.storage.unreadable);
  const locked = campaignRefusal(await db.campaigns.get(survey.campaignId));
  return locked ?? accepted(survey);
}

/** The campaign's questionnaire for this audience, created with the lowest threshold when first asked for. */
export async function startSurvey(campaignId: string, audience: SurveyAudience): Promise<Checked<SurveyRecord>> {
  const now = Date.now();
  const fresh = checkWith(
    SurveyRecordSchema,
    { id: surveyIdOf(campaignId, audience), campaignId, audience, threshold: 5, kioskCode: null, createdAt: now, updatedAt: now, schemaVersion: RECORD_SCHEMA_VERSION },
    'Questionnaire non valide.',
  );
  if (!fresh.ok) return fresh;
  return commitDecided<SurveyRecord>(['campaigns', 'surveys'], async (db) => {
    const campaign = await openCampaign(db, campaignId);
    if (!campaign.ok) return campaign;
    const existing = (await db.surveys.where('campaignId').equals(campaignId).toArray()).find((s) => s.audience === audience);
    if (existing) return accepted(existing);
    await db.surveys.add(fresh.value);
    return fresh;
  });
}

async function updateSurvey(surveyId: string, changes: Partial<Pick<SurveyRecord, 'threshold' | 'kioskCode'>>): Promise<Checked<SurveyRecord>> {
  return commitDecided<SurveyRecord>(['campaigns', 'surveys'], async (db) => {
    const survey = await openSurvey(db, surveyId);
    if (!survey.ok) return survey;
    const checked = checkWith(SurveyRecordSchema, { ...survey.value, ...changes, updatedAt: Date.now() }, 'Questionnaire non valide.');
    if (!checked.ok) return checked;
    await db.surveys.put(checked.value);
    return checked;
  });
}

/** The fewest responses from which a figure shows: 5 at least, raised by the group if it wishes. */
export async function setSurveyThreshold(surveyId: string, threshold: unknown): Promise<Checked<SurveyRecord>> {
  const checked = checkThreshold(threshold);
  return checked.ok ? updateSurvey(surveyId, { threshold: checked.value }) : checked;
}

/** The code that leaves the kiosk mode (null: none). */
export async function setKioskCode(surveyId: string, code: string | null): Promise<Checked<SurveyRecord>> {
  if (code === null) return updateSurvey(surveyId, { kioskCode: null });
  const checked = checkKioskCodeInput(code);
  return checked.ok ? updateSurvey(surveyId, { kioskCode: await lockWith(checked.value) }) : checked;
}

export async function readSurvey(surveyId: string): Promise<SurveyRecord | undefined> {
  const row = await database().surveys.get(surveyId);
  return row ? parseAll(SurveyRecordSchema, [row])[0] : undefined;
}

/** One response given on this laptop (the kiosk). */
export async function addResponse(surveyId: string, response: SurveyResponse): Promise<Checked<true>> {
  return commitDecided<true>(['campaigns', 'surveys', 'surveyResponses'], async (db) => {
    const survey = await openSurvey(db, surveyId);
    if (!survey.ok) return survey;
    const checked = checkResponse(survey.value, response);
    if (!checked.ok) return checked;
    const record = checkWith(
      SurveyResponseRecordSchema,
      { ...checked.value, campaignId: survey.value.campaignId, schemaVersion: RECORD_SCHEMA_VERSION },
      'Réponse non valide.',
    );
    if (!record.ok) return record;
    // A random id never met twice; `add` refuses it if it were.
    await db.surveyResponses.add(record.value);
    return accepted(true);
  });
}

/**
 * Response files collected from teachers' laptops, many at once: each counted once (the same file
 * twice, or one already imported, changes nothing), those of another questionnaire set aside, the
 * unreadable refused with their reason. All the accepted ones are stored in one transaction.
 */
export async function importResponseFiles(
  surveyId: string,
  files: ReadonlyArray<{ name: string; text: string }>,
): Promise<Checked<ResponseImport>> {
  return commitDecided<ResponseImport>(['campaigns', 'surveys', 'surveyResponses'], async (db) => {
    const survey = await openSurvey(db, surveyId);
    if (!survey.ok) return survey;
    const existing = new Set((await db.surveyResponses.where('surveyId').equals(surveyId).primaryKeys()) as string[]);
    const found = importResponses(survey.value, existing, files);
    const records: SurveyResponseRecord[] = shuffled(found.added).map((r) => ({
      ...r,
      campaignId: survey.value.campaignId,
      schemaVersion: RECORD_SCHEMA_VERSION,
    }));
    await db.surveyResponses.bulkAdd(records);
    return accepted(found);
  });
}
