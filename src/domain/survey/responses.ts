// Responses to the staff questionnaire: the checks against its questions, the small file a laptop
// saves, and the import of a batch of such files. Anonymous by construction: no name, no time finer
// than the day, and strict schemas so that a field added by hand (a name, a timestamp) is refused.
import { accepted, checkWith, refused, type Checked } from '../result';
import { formatBytes } from '../../text/format';
import * as z from 'zod/mini';
import { surveyQuestionIds, surveyQuestions, type SurveyAnswer, type SurveyAudience } from './questionnaire';
import { randomId, SurveyResponseSchema, unexpectedKey, type SurveyOf, type SurveyResponse } from './records';

export * from './records';


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
