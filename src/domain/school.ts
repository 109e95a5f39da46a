// The school: one record, its name, its UAI code and its académie.
import * as z from 'zod/mini';
import { boundedText, MAX_NAME } from './text-limits';
import { checkWith, type Checked } from './result';
import { RECORD_SCHEMA_VERSION } from './schema-version';
import { InstantSchema } from './instants';

/** UAI (ex-RNE): 7 digits and a letter, e.g. 0341234A. */
export const UAI_PATTERN = /^\d{7}[A-Za-z]$/;

export const SchoolInputSchema = z.strictObject({
  name: boundedText(MAX_NAME, "Nom de l'établissement", true),
  uai: z.optional(
    z.string().check(
      z.regex(UAI_PATTERN, { error: 'Code UAI : 7 chiffres suivis d’une lettre (par exemple 0341234A).' }),
    ),
  ),
  academie: z.optional(boundedText(80, 'Académie')),
});
export type SchoolInput = z.infer<typeof SchoolInputSchema>;

export const SchoolRecordSchema = z.strictObject({
  ...SchoolInputSchema.def.shape,
  id: z.literal('school'),
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type SchoolRecord = z.infer<typeof SchoolRecordSchema>;

/** Trims what was typed, drops empty optional fields, upper-cases the UAI letter. */
export function checkSchoolInput(input: { name: string; uai?: string; academie?: string }): Checked<SchoolInput> {
  const uai = input.uai?.trim().toUpperCase();
  const academie = input.academie?.trim();
  return checkWith(
    SchoolInputSchema,
    {
      name: input.name.trim(),
      ...(uai ? { uai } : {}),
      ...(academie ? { academie } : {}),
    },
    "Les informations de l'établissement ne sont pas valides.",
  );
}
