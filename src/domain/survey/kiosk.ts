// The kiosk's code: a lock against casual access on a shared laptop, not a security boundary
// (anyone with the browser's developer tools can read the database). Kept as a salted hash so that
// it is not shown in clear to whoever opens a backup.
import * as z from 'zod/mini';
import { checkWith, type Checked } from '../result';
import type { KioskCode } from './responses';

export const KioskCodeInputSchema = z
  .string({ error: 'Code : texte attendu.' })
  .check(
    z.minLength(4, { error: 'Le code du kiosque compte au moins 4 caractères.' }),
    z.maxLength(40, { error: 'Le code du kiosque compte au plus 40 caractères.' }),
  );

export const checkKioskCodeInput = (code: string): Checked<string> =>
  checkWith(KioskCodeInputSchema, code.trim(), 'Code du kiosque non valide.');

const hex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

async function digest(salt: string, code: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${code.trim()}`)));
}

export async function lockWith(code: string): Promise<KioskCode> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  return { salt, hash: await digest(salt, code) };
}

export async function opens(lock: KioskCode, code: string): Promise<boolean> {
  return (await digest(lock.salt, code)) === lock.hash;
}
