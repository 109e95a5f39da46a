// The staff questionnaire's records as stored and carried in files: its settings, its responses.
// Apart from the questions (questionnaire.ts reads the référentiel), so that the database and the
// app's first page can check these records without loading any document.
import * as z from 'zod/mini';
import { CampaignIdSchema, IsoDateSchema } from '../campaigns';
import { InstantSchema } from '../instants';
import { RECORD_SCHEMA_VERSION } from '../schema-version';
import { SurveyAnswerSchema, SurveyAudienceSchema, type SurveyAudience } from './audience';

/** Random ids: 22 to 64 url-safe characters (a base64url UUID-sized value and longer). */
const idSchema = (what: string, pattern: RegExp) =>
  z.string({ error: `${what} : identifiant non valide.` }).check(z.regex(pattern, { error: `${what} : identifiant non valide.` }));
/** A campaign's id and the audience (`surveyIdOf`). */
export const SurveyIdSchema = idSchema('Questionnaire', /^[A-Za-z0-9_-]{16,80}$/);
/** Random: 16 bytes in base64url (`randomId`). */
export const ResponseIdSchema = idSchema('Réponse', /^[A-Za-z0-9_-]{22,64}$/);

/**
 * The questionnaire of a campaign for an audience has one id wherever it was prepared: two laptops
 * that each prepared it hold the same questionnaire, whose responses merge, and a response file
 * from either link imports on both.
 */
export const surveyIdOf = (campaignId: string, audience: SurveyAudience): string => `${campaignId}-${audience}`;

/** Far above the 3 or 4 questions of an audience: room for the référentiel to grow, not for a hostile file. */
export const MAX_ANSWERS = 20;

/** Shown for a key the schema does not know; cut short, a hostile file chooses it. */
export const unexpectedKey = (what: string) => (issue: { code?: string; keys?: unknown }) =>
  issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)
    ? `${what} : champ inattendu (« ${String(issue.keys[0]).slice(0, 40)} »). Une réponse au questionnaire ne contient ni nom ni heure.`
    : `${what} non valide.`;

export const SurveyAnswerEntrySchema = z.strictObject(
  {
    itemId: z.string({ error: 'Réponse : question non valide.' }).check(
      z.regex(/^[a-z0-9]+(\.[A-Za-z0-9-]+)+$/, { error: 'Réponse : question non valide.' }),
      z.maxLength(100, { error: 'Réponse : question non valide.' }),
    ),
    answer: SurveyAnswerSchema,
  },
  { error: unexpectedKey('Réponse') },
);

const responseShape = {
  id: ResponseIdSchema,
  surveyId: SurveyIdSchema,
  audience: z.enum(SurveyAudienceSchema.options, { error: 'Réponse : public du questionnaire inconnu.' }),
  /** The day only: an hour would let the one who collects the files tell who answered. */
  day: IsoDateSchema,
  /** An array, not a record keyed by item id: keys like `__proto__` cannot get lost. */
  answers: z.array(SurveyAnswerEntrySchema, { error: 'Réponse : liste des réponses attendue.' }).check(
    z.maxLength(MAX_ANSWERS, { error: `Réponse : ${MAX_ANSWERS} questions au plus.` }),
  ),
};

export const SurveyResponseSchema = z.strictObject(responseShape, { error: unexpectedKey('Réponse au questionnaire') });
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

/** A response as stored, in the campaign the questionnaire belongs to. */
export const SurveyResponseRecordSchema = z.strictObject(
  {
    ...responseShape,
    campaignId: CampaignIdSchema,
    schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  },
  { error: unexpectedKey('Réponse au questionnaire') },
);
export type SurveyResponseRecord = z.infer<typeof SurveyResponseRecordSchema>;

/** Below 5 responses, a figure could point at a person. */
export const MIN_THRESHOLD = 5;
export const MAX_THRESHOLD = 1000;

export const ThresholdSchema = z.int({ error: 'Le seuil d’anonymat est un nombre entier de réponses.' }).check(
  z.minimum(MIN_THRESHOLD, { error: `Le seuil d’anonymat ne peut pas descendre sous ${MIN_THRESHOLD} réponses.` }),
  // Built when needed, like the other limits: formatting a number sets up Intl.
  z.maximum(MAX_THRESHOLD, { error: () => `Le seuil d’anonymat ne peut pas dépasser ${MAX_THRESHOLD.toLocaleString('fr-FR')} réponses.` }),
);

/** The kiosk's code, never stored in clear: a salt and the SHA-256 of salt and code, in lowercase hex. */
export const KioskCodeSchema = z.strictObject({
  salt: z.string().check(z.regex(/^[0-9a-f]{16,128}$/)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type KioskCode = z.infer<typeof KioskCodeSchema>;

/** A questionnaire's settings: one per campaign and audience. */
export const SurveyRecordSchema = z.strictObject({
  id: SurveyIdSchema,
  campaignId: CampaignIdSchema,
  audience: SurveyAudienceSchema,
  /** The fewest responses from which any figure is shown. */
  threshold: ThresholdSchema,
  /** null: no kiosk code; the kiosk mode is not locked. */
  kioskCode: z.nullable(KioskCodeSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type SurveyRecord = z.infer<typeof SurveyRecordSchema>;

export type SurveyOf = Pick<SurveyRecord, 'id' | 'audience'>;

/** A response id: 16 random bytes in base64url, 22 characters. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
