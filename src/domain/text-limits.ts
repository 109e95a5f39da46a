// Limits on free text, so that a pasted book or a hostile file cannot bloat the database.
import * as z from 'zod/mini';

export const MAX_NAME = 200;
export const MAX_COMMENT = 5_000;
export const MAX_NOTE = 20_000;
export const MAX_FREE_TEXT = 10_000;

/** Text typed by a person: bounded, well-formed Unicode (no lone surrogate), no NUL. */
export function boundedText(max: number, what: string, required = false) {
  return z.string({ error: `${what} : texte attendu.` }).check(
    // Built when needed: formatting a number at start-up sets up Intl, ~30 ms of the first page.
    z.maxLength(max, { error: () => `${what} : ${max.toLocaleString('fr-FR')} caractères au plus.` }),
    z.refine((s) => s.isWellFormed() && !s.includes('\u0000'), {
      error: `${what} : le texte contient des caractères invalides.`,
    }),
    z.refine((s) => !required || s.trim().length > 0, { error: `${what} : ce champ est obligatoire.` }),
  );
}

/** What a field says when a text over its limit is kept on screen, unsaved, to be shortened. */
export function tooLongMessage(what: 'Commentaire' | 'Analyse' | 'Texte', length: number, max: number): string {
  const count = `${length.toLocaleString('fr-FR')} caractères pour ${max.toLocaleString('fr-FR')} au plus`;
  return what === 'Analyse'
    ? `Analyse trop longue : ${count}. Raccourcissez-la : elle n’est pas enregistrée.`
    : `${what} trop long : ${count}. Raccourcissez-le : il n’est pas enregistré.`;
}
