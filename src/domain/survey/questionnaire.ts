// The anonymous staff questionnaire ("questionnaire enseignants"): its questions are the DGESCO
// 3.6 usage counts, read from the référentiel so that a new item there needs no change here.
import { dgesco2010 } from '../../referentiels/dgesco-2010';
import { findItem, itemsOf } from '../../referentiels';

export { SurveyAudienceSchema, SurveyAnswerSchema, type SurveyAudience, type SurveyAnswer } from './audience';
import type { SurveyAnswer, SurveyAudience } from './audience';

export const SURVEY_AUDIENCES: readonly SurveyAudience[] = ['teachers', 'divisions'];

/** French nouns for an audience; the UI says "classe" for a division. */
export const audienceLabels: Record<SurveyAudience, { singular: string; plural: string; numberOf: string }> = {
  teachers: { singular: 'enseignant', plural: 'enseignants', numberOf: 'nombre d’enseignants' },
  divisions: { singular: 'classe', plural: 'classes', numberOf: 'nombre de classes' },
};

export interface SurveyQuestion {
  itemId: string;
  /** The section's code, e.g. "3.6.1". */
  code: string;
  /** The référentiel's own wording. */
  text: string;
}



/** In the order they are offered. */
export const SURVEY_ANSWERS: readonly SurveyAnswer[] = ['never', 'occasionally', 'regularly', 'unknown'];

export const SURVEY_ANSWER_LABELS: Record<SurveyAnswer, string> = {
  never: 'Jamais',
  occasionally: 'Occasionnellement',
  regularly: 'Régulièrement',
  unknown: 'Je ne sais pas',
};

// Built on first use; callers get a copy of the list.
const questionsByAudience = new Map<SurveyAudience, readonly SurveyQuestion[]>();

/** The DGESCO usage-count items counted over this audience, in document order. */
export function surveyQuestions(audience: SurveyAudience): SurveyQuestion[] {
  let questions = questionsByAudience.get(audience);
  if (!questions) {
    questions = itemsOf(dgesco2010).flatMap((item) =>
      item.kind === 'usage-counts' && item.of === audience
        ? [{ itemId: item.id, code: findItem(item.id)?.section.code ?? '', text: item.text }]
        : [],
    );
    questionsByAudience.set(audience, questions);
  }
  return questions.map((q) => ({ ...q }));
}

const questionIdsByAudience = new Map<SurveyAudience, ReadonlySet<string>>();

/** The item ids a response of this audience may answer. */
export function surveyQuestionIds(audience: SurveyAudience): ReadonlySet<string> {
  let ids = questionIdsByAudience.get(audience);
  if (!ids) {
    ids = new Set(surveyQuestions(audience).map((q) => q.itemId));
    questionIdsByAudience.set(audience, ids);
  }
  return ids;
}
