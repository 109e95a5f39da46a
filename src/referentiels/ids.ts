// The ids a référentiel gives its documents and items: the only part of its shape that the app
// checks at run time (in stored records and imported files). The definitions' full schemas, in
// kinds.ts, are checked by the tests and never built in the app.
import * as z from 'zod/mini';

/** Stable ids live in users' databases and files for years: never rename or reuse one. */
export const ItemIdSchema = z.string().check(z.regex(/^[a-z0-9]+(\.[A-Za-z0-9-]+)+$/));

export const DocumentIdSchema = z.enum(['dgesco-2010', 'occitanie-grille', 'label-lycee-2023']);
export type DocumentId = z.infer<typeof DocumentIdSchema>;
