// Instants (milliseconds since 1970) as stored on every record. A value a date cannot hold, or
// one no real save could carry, is refused: it would show "Invalid Date" and break the CSV export.
import * as z from 'zod/mini';

/** 2000-01-01T00:00:00Z: Diagnum did not exist before; the référentiel dates from 2010. */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
/** 2100-01-01T00:00:00Z: far enough for any campaign, near enough to catch a broken clock or file. */
export const LATEST_INSTANT = Date.UTC(2100, 0, 1);

export const isPlausibleInstant = (ms: number): boolean =>
  Number.isInteger(ms) && ms >= EARLIEST_INSTANT && ms < LATEST_INSTANT;

export const InstantSchema = z.number({ error: 'Horodatage : nombre attendu.' }).check(
  z.refine(isPlausibleInstant, { error: 'Horodatage hors des dates possibles, de 2000 à 2100.' }),
);
