// What a person types in a number field, read into a value or a French message. Fields are
// text inputs (inputmode numeric) so that "-3" or "2,5" reach us and get a precise message,
// rather than the empty string a number input gives for what it cannot parse.
import { accepted, refused, type Checked } from './result';
import { decimal } from '../text/format';

/** A whole count, or null for an emptied field ("non renseigné"). */
export function readCount(text: string): Checked<number | null> {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return accepted(null);
  if (/^-/.test(t)) return refused('Le nombre ne peut pas être négatif.');
  if (/^\d+[.,]\d*$/.test(t)) return refused('Nombre entier attendu (sans virgule).');
  if (!/^\d+$/.test(t)) return refused('Nombre attendu : des chiffres uniquement.');
  const n = Number(t);
  if (n > 1_000_000) return refused('Nombre trop grand.');
  return accepted(n);
}

/** A percentage from 0 to 100, with a decimal comma or point. */
export function readPercentage(text: string): Checked<number | null> {
  const t = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (t === '') return accepted(null);
  if (!/^-?\d+(\.\d+)?$/.test(t)) return refused('Pourcentage attendu : un nombre entre 0 et 100.');
  const n = Number(t);
  if (n < 0 || n > 100) return refused('Un pourcentage est compris entre 0 et 100.');
  return accepted(n);
}

/** "30 %", "12,5 %": a share of a figure as people read it. */
export function shareOf(part: number, whole: number): string | undefined {
  if (whole <= 0) return undefined;
  const percent = Math.round((part / whole) * 1000) / 10;
  return `${decimal(percent)} %`;
}
