// Evidence: what backs an answer (the projet d'établissement for A.1, the charter, ENT statistics).
// A piece of evidence is described once (title, date, what it shows, where to find it) and may
// support several items and sections: attach once, link many. This first step holds references
// (a page of the ENT, a binder in the secretary's office) or a file kept in this browser (its
// bytes stored apart, by content: evidence-files.ts).
// No document is imported here (the first page reads these records): what a link points to is
// checked in evidence-targets.ts.
import * as z from 'zod/mini';
import { ItemIdSchema } from '../referentiels/ids';
import { documentOfItem } from '../referentiels/catalog';
import { CampaignIdSchema, IsoDateSchema } from './campaigns';
import { boundedText, MAX_NAME } from './text-limits';
import { checkWith, type Checked } from './result';
import { RECORD_SCHEMA_VERSION } from './schema-version';
import { InstantSchema } from './instants';
import { EvidenceFileMetaSchema } from './evidence-files';

export const MAX_EVIDENCE_SHOWS = 1_000;
/** A piece of evidence backs a few items; a hundred is far beyond any real dossier. */
export const MAX_EVIDENCE_LINKS = 100;

export const EvidenceInputSchema = z.strictObject({
  title: boundedText(MAX_NAME, 'Titre', true),
  /** The document's own date (a charter voted on, statistics of a month), when it has one. */
  date: z.nullable(IsoDateSchema),
  /** « Ce que cela montre »: why it backs the answer. */
  shows: boundedText(MAX_EVIDENCE_SHOWS, 'Ce que cela montre'),
  /** Where the group finds it: an ENT page, a binder, a shared folder. */
  where: boundedText(MAX_NAME, 'Où le trouver'),
});
export type EvidenceInput = z.infer<typeof EvidenceInputSchema>;

export const EvidenceIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

export const EvidenceRecordSchema = z.strictObject({
  ...EvidenceInputSchema.def.shape,
  id: EvidenceIdSchema,
  campaignId: CampaignIdSchema,
  /** A reference (found elsewhere) or a file kept in this browser, known by its content. */
  kind: z.enum(['reference', 'file']),
  file: z.nullable(EvidenceFileMetaSchema),
  /** The items and sections it supports, in the order they were linked. */
  links: z.array(ItemIdSchema).check(z.maxLength(MAX_EVIDENCE_LINKS)),
  /** Carried over from the previous campaign: "à revoir" until the group confirms it still holds. */
  toReview: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
}).check(
  z.refine((e) => (e.kind === 'file') === (e.file !== null), { error: 'Preuve : un fichier est décrit si et seulement si la preuve est un fichier.' }),
);
export type EvidenceRecord = z.infer<typeof EvidenceRecordSchema>;

export function checkEvidenceInput(input: EvidenceInput): Checked<EvidenceInput> {
  return checkWith(
    EvidenceInputSchema,
    { title: input.title.trim(), date: input.date || null, shows: input.shows.trim(), where: input.where.trim() },
    'Preuve non valide.',
  );
}

/** The evidence that supports an item or a section, oldest first. */
export function evidenceOf(targetId: string, evidence: readonly EvidenceRecord[]): EvidenceRecord[] {
  return evidence.filter((e) => e.links.includes(targetId)).sort((a, b) => a.createdAt - b.createdAt);
}

/** The links once `targetId` is added or removed (no duplicate, order kept). */
export function withLink(links: readonly string[], targetId: string, linked: boolean): string[] {
  const others = links.filter((l) => l !== targetId);
  return linked ? [...others, targetId] : others;
}

/**
 * The previous campaign's evidence as the next one takes it over: same description, new ids, each
 * "à revoir" until the group confirms it still holds. Links to documents the next campaign does
 * not cover are left behind, and a piece left with no link stays in the previous campaign only.
 */
export function carryOverEvidence(
  previous: readonly EvidenceRecord[],
  next: { campaignId: string; documents: readonly string[]; now: number; newId: () => string },
): EvidenceRecord[] {
  return previous.flatMap((e) => {
    // Links were checked when written: their document (an id's prefix) is all that can change.
    const links = e.links.filter((l) => next.documents.includes(documentOfItem(l) ?? ''));
    if (links.length === 0) return [];
    return [{ ...e, links, id: next.newId(), campaignId: next.campaignId, toReview: true, createdAt: next.now, updatedAt: next.now }];
  });
}
