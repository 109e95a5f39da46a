// Who answers the staff questionnaire, and what each answer can be: apart from the questions
// (which read the référentiel), so that records can be checked without loading any document.
import * as z from 'zod/mini';

/**
 * Who answers. 'teachers': each teacher for themself. 'divisions': one response per class,
 * answered by the class (its délégués with the professeur principal): the référentiel counts
 * divisions, not students.
 */
export const SurveyAudienceSchema = z.enum(['teachers', 'divisions']);
export type SurveyAudience = z.infer<typeof SurveyAudienceSchema>;

export const SurveyAnswerSchema = z.enum(['never', 'occasionally', 'regularly', 'unknown'], {
  error: 'Réponse : choix inconnu.',
});
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;
