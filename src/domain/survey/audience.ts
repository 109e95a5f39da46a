// Who answers the staff questionnaire: apart from the questions (which read the référentiel), so
// that the app's shell can tell a kiosk's audience without loading any document.
import * as z from 'zod/mini';

/**
 * Who answers. 'teachers': each teacher for themself. 'divisions': one response per class,
 * answered by the class (its délégués with the professeur principal): the référentiel counts
 * divisions, not students.
 */
export const SurveyAudienceSchema = z.enum(['teachers', 'divisions']);
export type SurveyAudience = z.infer<typeof SurveyAudienceSchema>;
