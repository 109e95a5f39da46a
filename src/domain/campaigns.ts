// Campaigns: one assessment of the school at a date, covering one or more of the documents.
import * as z from 'zod/mini';
import { DocumentIdSchema, ItemIdSchema } from '../referentiels/ids';
import { occitanieAreaIds } from '../referentiels/catalog';
import { InstantSchema } from './instants';
import { boundedText, MAX_NAME } from './text-limits';
import { checkWith, type Checked } from './result';
import { RECORD_SCHEMA_VERSION } from './schema-version';

export const CampaignIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

/**
 * A calendar date as typed in a date field (YYYY-MM-DD), a real one (no 31 February), between 2000
 * and 2100. An emptied field and a year out of range each get their own words.
 */
export const IsoDateSchema = z.string({ error: 'Date : format attendu AAAA-MM-JJ.' }).check(
  z.minLength(1, { error: 'Date : indiquez une date.', abort: true }),
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date : format attendu AAAA-MM-JJ.', abort: true }),
  z.refine((s) => isRealDate(s), { error: 'Date : cette date n’existe pas.', abort: true }),
  z.refine((s) => yearOf(s) >= 2000 && yearOf(s) <= 2100, { error: 'Date : choisissez une date entre l’an 2000 et l’an 2100.' }),
);

const yearOf = (iso: string) => Number(iso.slice(0, 4));

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // Date.UTC would read years 0–99 as 1900–1999
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const CampaignStatusSchema = z.enum(['open', 'closed']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

export const CampaignInputSchema = z.strictObject({
  name: boundedText(MAX_NAME, 'Nom de la campagne', true),
  date: IsoDateSchema,
  documents: z.array(DocumentIdSchema).check(
    z.minLength(1, { error: 'Choisissez au moins un référentiel.' }),
    z.refine((ids) => new Set(ids).size === ids.length, { error: 'Un référentiel est coché deux fois.' }),
  ),
});
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

/** A member of the pilot group: a name only, no account. */
export const MemberNameSchema = boundedText(80, 'Nom du membre', true);

/** Who in the group fills a section ("division of work", DGESCO 2.2). */
export const AssignmentSchema = z.strictObject({ sectionId: ItemIdSchema, member: MemberNameSchema });
export type Assignment = z.infer<typeof AssignmentSchema>;

/** The Occitanie grid's areas, rated 0 to 3 like its criteria. */
// From the catalog, not the grid itself: campaigns are read by the first page, which must not load the documents.
const occitanieAreas: ReadonlySet<string> = new Set(occitanieAreaIds);

/** The axis of the label's level, among the targets. */
export const LABEL_TARGET_AXIS = 'label';

/** The highest target an axis takes: 3 on an area of the Occitanie grid and on the label's level, 100 on any other axis (a DGESCO score). */
export const targetMax = (axis: string): number => (occitanieAreas.has(axis) || axis === LABEL_TARGET_AXIS ? 3 : 100);

/** A level the group aims for on an axis of the results, within that axis's scale (`targetMax`). */
export const TargetSchema = z
  .strictObject({
    axis: z.string().check(z.regex(/^[A-Za-z0-9.-]{1,80}$/, { error: 'Objectif : axe non valide.' })),
    value: z.number({ error: 'Objectif : nombre attendu.' }),
    /** Proposed by Diagnum when the campaign was created (the next level up), not yet accepted or changed by the group (shape 5). */
    proposed: z.optional(z.literal(true)),
  })
  .check(
    z.superRefine((target, ctx) => {
      const max = targetMax(target.axis);
      if (target.value < 0 || target.value > max) {
        ctx.addIssue({ code: 'custom', message: `Objectif : un nombre de 0 à ${max}.`, path: ['value'], input: target.value });
      }
    }),
  );
export type Target = z.infer<typeof TargetSchema>;

export const CampaignRecordSchema = z.strictObject({
  ...CampaignInputSchema.def.shape,
  id: CampaignIdSchema,
  status: CampaignStatusSchema,
  /** The campaign whose answers this one started from, if any. */
  startedFrom: z.nullable(CampaignIdSchema),
  members: z.array(MemberNameSchema),
  /** An array, not a record keyed by section: keys like `__proto__` cannot get lost. */
  assignments: z.array(AssignmentSchema),
  targets: z.array(TargetSchema),
  /** When the group plans its next assessment (the method's calendar). */
  nextAssessment: z.nullable(IsoDateSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type CampaignRecord = z.infer<typeof CampaignRecordSchema>;

export function checkCampaignInput(input: CampaignInput): Checked<CampaignInput> {
  return checkWith(
    CampaignInputSchema,
    { ...input, name: input.name.trim() },
    'Les informations de la campagne ne sont pas valides.',
  );
}

export function checkCampaignName(name: string): Checked<string> {
  return checkWith(CampaignInputSchema.def.shape.name, name.trim(), 'Nom de la campagne non valide.');
}

/**
 * Newest first, then by name: the order of the home page. ISO dates compare as plain strings; the
 * French collation (slow to set up on a school laptop) is needed only for two of the same date.
 */
export function sortCampaigns<T extends { date: string; name: string }>(campaigns: readonly T[]): T[] {
  return [...campaigns].sort((a, b) => (a.date === b.date ? a.name.localeCompare(b.name, 'fr') : a.date < b.date ? 1 : -1));
}

/** The campaign a report compares with: the one it started from, or else the latest one dated before it. */
export function previousCampaignId(
  campaign: Pick<CampaignRecord, 'id' | 'date' | 'startedFrom'>,
  newestFirst: ReadonlyArray<Pick<CampaignRecord, 'id' | 'date'>>,
): string | undefined {
  return campaign.startedFrom ?? newestFirst.find((c) => c.id !== campaign.id && c.date < campaign.date)?.id;
}

/** How many days before the planned date the home page starts reminding the group. */
export const NEXT_ASSESSMENT_NOTICE_DAYS = 60;

export interface NextAssessmentNotice {
  /** The campaign that planned it: the latest one. */
  campaign: Pick<CampaignRecord, 'id' | 'name'>;
  date: string;
  /** Days from today to the date: negative once it is past. */
  days: number;
}

/**
 * The next assessment planned by the latest campaign, once it is near (within
 * NEXT_ASSESSMENT_NOTICE_DAYS) or past; nothing when none is planned or it is still far.
 * `today` is YYYY-MM-DD, `newestFirst` in the home page's order.
 */
export function nextAssessmentNotice(
  newestFirst: ReadonlyArray<Pick<CampaignRecord, 'id' | 'name' | 'date' | 'nextAssessment'>>,
  today: string,
): NextAssessmentNotice | undefined {
  const latest = newestFirst[0];
  if (!latest?.nextAssessment) return undefined;
  const days = Math.round((Date.parse(latest.nextAssessment) - Date.parse(today)) / 86_400_000);
  return days <= NEXT_ASSESSMENT_NOTICE_DAYS ? { campaign: { id: latest.id, name: latest.name }, date: latest.nextAssessment, days } : undefined;
}
