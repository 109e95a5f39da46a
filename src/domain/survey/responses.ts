// Responses to the staff questionnaire: their shape, the small file a laptop saves, and the import
// of a batch of such files. Anonymous by construction: no name, no time finer than the day, and
// strict schemas so that a field added by hand (a name, a timestamp) is refused, not stored.
import * as z from 'zod/mini';
import { CampaignIdSchema, IsoDateSchema } from '../campaigns';
import { InstantSchema } from '../instants';
import { accepted, checkWith, refused, type Checked } from '../result';
import { RECORD_SCHEMA_VERSION } from '../schema-version';
import { formatBytes } from '../../text/format';
import {
  SurveyAnswerSchema,
  SurveyAudienceSchema,
  surveyQuestionIds,
  surveyQuestions,
  type SurveyAnswer,
  type SurveyAudience,
} from './questionnaire';

/** Random ids: 22 to 64 url-safe characters (a base64url UUID-sized value and longer). */
const idSchema = (what: string) =>
  z.string({ error: `${what} : identifiant non valide.` }).check(
    z.regex(/^[A-Za-z0-9_-]{22,64}$/, { error: `${what} : identifiant non valide.` }),
  );
export const SurveyIdSchema = idSchema('Questionnaire');
export const ResponseIdSchema = idSchema('Réponse');

/** Far above the 3 or 4 questions of an audience: room for the référentiel to grow, not for a hostile file. */
export const MAX_ANSWERS = 20;

/** Shown for a key the schema does not know; cut short, a hostile file chooses it. */
const unexpectedKey = (what: string) => (issue: { code?: string; keys?: unknown }) =>
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

export const responseMessages = {
  otherSurvey: 'Cette réponse appartient à une autre campagne ou à un autre questionnaire.',
  otherAudience: 'Cette réponse ne correspond pas au public de ce questionnaire.',
  unknownQuestion: (itemId: string) => `Réponse : question inconnue (${itemId}).`,
  repeatedQuestion: (itemId: string) => `Réponse : la question ${itemId} est répondue deux fois.`,
  invalid: 'Réponse au questionnaire non valide.',
} as const;

/** Every answered item a question of the audience, none twice. */
function checkAnswers(audience: SurveyAudience, answers: SurveyResponse['answers']): Checked<true> {
  const known = surveyQuestionIds(audience);
  const seen = new Set<string>();
  for (const { itemId } of answers) {
    if (!known.has(itemId)) return refused(responseMessages.unknownQuestion(itemId), 'answers');
    if (seen.has(itemId)) return refused(responseMessages.repeatedQuestion(itemId), 'answers');
    seen.add(itemId);
  }
  return accepted(true);
}

/**
 * A response checked against the questionnaire it is meant for. A response of another
 * questionnaire is refused on the field `surveyId`, so that an import can tell it apart.
 */
export function checkResponse(survey: SurveyOf, input: unknown): Checked<SurveyResponse> {
  const parsed = checkWith(SurveyResponseSchema, input, responseMessages.invalid);
  if (!parsed.ok) return parsed;
  const belongs = belongsTo(survey, parsed.value);
  if (!belongs.ok) return belongs;
  const answers = checkAnswers(parsed.value.audience, parsed.value.answers);
  return answers.ok ? parsed : answers;
}

function belongsTo(survey: SurveyOf, response: SurveyResponse): Checked<true> {
  if (response.surveyId !== survey.id) return refused(responseMessages.otherSurvey, 'surveyId');
  if (response.audience !== survey.audience) return refused(responseMessages.otherAudience, 'audience');
  return accepted(true);
}

/** A response id: 16 random bytes in base64url, 22 characters. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type AnswerList = ReadonlyArray<{ itemId: string; answer: SurveyAnswer }>;
type AnswersInput = ReadonlyMap<string, SurveyAnswer> | AnswerList;
const isAnswerList = (answers: AnswersInput): answers is AnswerList => Array.isArray(answers);

/**
 * A new response, its answers in question order. Questions left unanswered are left out (they
 * are not "Je ne sais pas"); an item that is no question of the audience is dropped.
 */
export function newResponse(survey: SurveyOf, answers: AnswersInput, day: string, newId: () => string = randomId): SurveyResponse {
  const given: ReadonlyMap<string, SurveyAnswer> = isAnswerList(answers) ? new Map(answers.map((a) => [a.itemId, a.answer])) : answers;
  return {
    id: newId(),
    surveyId: survey.id,
    audience: survey.audience,
    day,
    answers: surveyQuestions(survey.audience).flatMap(({ itemId }) => {
      const answer = given.get(itemId);
      return answer === undefined ? [] : [{ itemId, answer }];
    }),
  };
}

// The response file: what a teacher's laptop saves, a few hundred bytes of JSON.
export const RESPONSE_FILE_FORMAT = 'diagnum-reponse-questionnaire';
export const RESPONSE_FILE_VERSION = 1;
/** A response weighs a few hundred bytes: anything far larger is some other file. */
export const MAX_RESPONSE_FILE_BYTES = 64 * 1024;

export const ResponseFileSchema = z.strictObject(
  {
    format: z.literal(RESPONSE_FILE_FORMAT),
    version: z.literal(RESPONSE_FILE_VERSION),
    response: SurveyResponseSchema,
  },
  { error: unexpectedKey('Fichier de réponse') },
);
export type ResponseFile = z.infer<typeof ResponseFileSchema>;

export const responseFileMessages = {
  tooLarge: (bytes: number) =>
    `Ce fichier est trop volumineux (${formatBytes(bytes)}) : une réponse au questionnaire Diagnum pèse moins de 64 Ko. Vérifiez qu’il s’agit du bon fichier.`,
  notResponse: 'Ce fichier n’est pas une réponse au questionnaire Diagnum.',
  newer: (version: number) =>
    `Cette réponse a été enregistrée par une version plus récente de Diagnum (format ${version}). Mettez Diagnum à jour (rechargez la page en ligne), puis importez-la à nouveau.`,
  badVersion: 'Ce fichier de réponse indique une version de format invalide.',
} as const;

export function responseFileName(response: Pick<SurveyResponse, 'id' | 'day'>): string {
  return `reponse-questionnaire-${response.day}-${response.id.slice(0, 8)}.json`;
}

/** The file's JSON, keys always in the same order. */
export function serializeResponseFile(response: SurveyResponse): string {
  const file: ResponseFile = {
    format: RESPONSE_FILE_FORMAT,
    version: RESPONSE_FILE_VERSION,
    response: {
      id: response.id,
      surveyId: response.surveyId,
      audience: response.audience,
      day: response.day,
      answers: response.answers.map((a) => ({ itemId: a.itemId, answer: a.answer })),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * A response file's text, checked on its own (not yet against a questionnaire). Never throws.
 * `__proto__` and the like are own keys after JSON.parse, which every strict schema refuses.
 */
export function parseResponseFile(text: string): Checked<SurveyResponse> {
  // A UTF-8 character takes at least as many bytes as UTF-16 code units: no need to encode a huge text.
  if (text.length > MAX_RESPONSE_FILE_BYTES) return refused(responseFileMessages.tooLarge(utf8Length(text)));
  const bytes = utf8Length(text);
  if (bytes > MAX_RESPONSE_FILE_BYTES) return refused(responseFileMessages.tooLarge(bytes));
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refused(responseFileMessages.notResponse);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refused(responseFileMessages.notResponse);
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== RESPONSE_FILE_FORMAT) return refused(responseFileMessages.notResponse);
  if (version !== RESPONSE_FILE_VERSION) {
    return refused(
      Number.isInteger(version) && (version as number) > RESPONSE_FILE_VERSION
        ? responseFileMessages.newer(version as number)
        : responseFileMessages.badVersion,
    );
  }
  const file = checkWith(ResponseFileSchema, json, responseFileMessages.notResponse);
  if (!file.ok) return file;
  const answers = checkAnswers(file.value.response.audience, file.value.response.answers);
  return answers.ok ? accepted(file.value.response) : answers;
}

const encoder = new TextEncoder();
const utf8Length = (text: string): number => encoder.encode(text).length;

export interface ResponseImport {
  added: SurveyResponse[];
  /** Names of files whose response is already stored, or already in this batch. */
  duplicates: string[];
  /** Names of files answering another questionnaire (or another campaign's). */
  otherSurvey: string[];
  refused: Array<{ name: string; message: string }>;
}

/** A batch of response files, each counted once; nothing is stored here. */
export function importResponses(
  survey: SurveyOf,
  existingIds: ReadonlySet<string>,
  files: ReadonlyArray<{ name: string; text: string }>,
): ResponseImport {
  const result: ResponseImport = { added: [], duplicates: [], otherSurvey: [], refused: [] };
  const inBatch = new Set<string>();
  for (const { name, text } of files) {
    const parsed = parseResponseFile(text);
    if (!parsed.ok) {
      result.refused.push({ name, message: parsed.message });
      continue;
    }
    // The file's own checks covered the schema and the answers: only the questionnaire is left.
    const belongs = belongsTo(survey, parsed.value);
    if (!belongs.ok) {
      if (belongs.field === 'surveyId') result.otherSurvey.push(name);
      else result.refused.push({ name, message: belongs.message });
      continue;
    }
    const { id } = parsed.value;
    if (existingIds.has(id) || inBatch.has(id)) {
      result.duplicates.push(name);
      continue;
    }
    inBatch.add(id);
    result.added.push(parsed.value);
  }
  return result;
}

/** A shuffled copy (Fisher–Yates): stored in this order, responses tell nothing of who answered when. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1))); // a random() of 1 stays in range
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
