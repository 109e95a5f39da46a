// Every write and every check answers with a value, never a throw: the UI shows `message` as is.
import type * as z from 'zod/mini';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; field?: string };

export const accepted = <T>(value: T): Checked<T> => ({ ok: true, value });
export const refused = (message: string, field?: string): Checked<never> =>
  field === undefined ? { ok: false, message } : { ok: false, message, field };

/** Runs a schema whose checks carry French messages; the first issue becomes the message. */
export function checkWith<T>(schema: z.ZodMiniType<T>, input: unknown, fallback: string): Checked<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return accepted(parsed.data);
  const issue = parsed.error.issues[0];
  // zod's own English defaults ("Invalid input") are replaced by the caller's French fallback.
  const message = issue && !issue.message.startsWith('Invalid') ? issue.message : fallback;
  const field = issue?.path.map(String).join('.');
  return refused(message, field || undefined);
}
