// The shape of the three référentiels: documents, parts, sections and items.
// One zod schema per item kind, discriminated on `kind`; types come from the schemas.
// The tests check every definition against these schemas; the app imports only their types
// (building them cost a slow laptop about 20 ms at start-up), and checks ids with ids.ts.
import * as z from 'zod/mini';
import { DocumentIdSchema, ItemIdSchema } from './ids';

/** Non-empty official wording, trimmed. */
const Wording = z.string().check(z.regex(/^\S(?:[\s\S]*\S)?$/));

/** The DGESCO 3.1 reference figures that counts are read against. */
export const ReferenceFigureSchema = z.enum(['students', 'divisions', 'teachers', 'rooms', 'families']);
export type ReferenceFigure = z.infer<typeof ReferenceFigureSchema>;

const itemBase = {
  id: ItemIdSchema,
  /** Official wording, repaired where the PDF extraction broke it, never paraphrased. */
  text: Wording,
  /** Help given by the source (an italic note, a definition), in its own words. */
  help: z.optional(Wording),
  /** A sub-heading of the source under which the item stands (e.g. a law, "Services numériques accessibles aux familles"). */
  group: z.optional(Wording),
  /** How Diagnum reads an ambiguous or broken passage of the source; shown to users. */
  interpretation: z.optional(Wording),
  /** Asked only when this yes/no item is answered "oui" ("Si oui, ..."). */
  askedIf: z.optional(ItemIdSchema),
  /** DGESCO 3.6: the headline usage indicator, or an "élément d'analyse" giving its context. */
  role: z.optional(z.enum(['headline', 'context'])),
};

/** DGESCO 3.1: a figure of the school (students, divisions...), the base of every share. */
export const ReferenceFigureItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('reference-figure'),
  figure: ReferenceFigureSchema,
});

export const DateItemSchema = z.strictObject({ ...itemBase, kind: z.literal('date') });

export const YesNoItemSchema = z.strictObject({ ...itemBase, kind: z.literal('yes-no') });

/** DGESCO 3.6 headline indicators: how many teachers, divisions or families answer never / occasionally / regularly. */
export const UsageCountsItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('usage-counts'),
  of: z.enum(['teachers', 'divisions', 'families']),
});

/** A count, read against a reference figure when the source ties it to one (rooms out of teaching rooms). */
export const CountItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('count'),
  /** The reference figure the count is a part of; absent for plain counts (mobile projectors). */
  of: z.optional(ReferenceFigureSchema),
  /** True when the count can never exceed its reference figure ("divisions ou groupes" can). */
  bounded: z.optional(z.boolean()),
});

export const PercentageItemSchema = z.strictObject({ ...itemBase, kind: z.literal('percentage') });

export const FreeTextItemSchema = z.strictObject({ ...itemBase, kind: z.literal('free-text') });

const OptionSchema = z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9-]+$/)), label: Wording });
export type Option = z.infer<typeof OptionSchema>;

/** A list of services, each present or not (DGESCO 3.6.4, services accessible to families). */
export const ChecklistItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('checklist'),
  options: z.array(OptionSchema).check(z.minLength(2)),
});

/** DGESCO 3.3.4: for each service, the same statements answered yes or no. */
export const ServiceMatrixItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('service-matrix'),
  services: z.array(OptionSchema).check(z.minLength(1)),
  statements: z.array(OptionSchema).check(z.minLength(1)),
});

/** Occitanie grid: a criterion described at levels 1, 2 and 3; level 0 is "non atteint". */
export const LevelItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('level'),
  levels: z.tuple([Wording, Wording, Wording]),
});

export const LabelLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type LabelLevel = z.infer<typeof LabelLevelSchema>;

/**
 * An answer band of a label criterion, in order from the weakest.
 * Mandatory criterion: `level` is the highest label level this answer satisfies (0: none).
 * Optional criterion: `points` is what the answer is worth (0, 1, 2 or 4).
 */
export const BandSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  label: Wording,
  level: z.optional(z.union([z.literal(0), LabelLevelSchema])),
  points: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(4)])),
  /** For a measured criterion (a rate, a number a year): the band starts at this value. */
  from: z.optional(z.strictObject({ value: z.number(), inclusive: z.boolean() })),
});
export type Band = z.infer<typeof BandSchema>;

/** "Lycée numérique" label criterion: mandatory (required answer per level) or optional (points). */
export const LabelBandItemSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('label-band'),
  /** The criterion's code in the call, e.g. "C.2.2". */
  code: z.string().check(z.regex(/^[A-D](\.\d+){1,2}$/)),
  rule: z.enum(['mandatory', 'optional']),
  /** The three cells as printed in the call (level 1, 2, 3 or 1, 2, 4 points); "" where empty. */
  sourceCells: z.tuple([z.string(), z.string(), z.string()]),
  bands: z.array(BandSchema).check(z.minLength(2)),
  /** What the bands measure, when the school can type a figure instead of picking a band. */
  unit: z.optional(z.enum(['percent', 'per-year'])),
});

export const ItemSchema = z.discriminatedUnion('kind', [
  ReferenceFigureItemSchema,
  DateItemSchema,
  YesNoItemSchema,
  UsageCountsItemSchema,
  CountItemSchema,
  PercentageItemSchema,
  FreeTextItemSchema,
  ChecklistItemSchema,
  ServiceMatrixItemSchema,
  LevelItemSchema,
  LabelBandItemSchema,
]);
export type Item = z.infer<typeof ItemSchema>;
export type ItemKind = Item['kind'];
export type ItemOfKind<K extends ItemKind> = Extract<Item, { kind: K }>;

/** The unit of answering and of completion: a heading of the source with its items. */
export const SectionSchema = z.strictObject({
  id: ItemIdSchema,
  /** The source's numbering ("3.3.1", "C.1"), or "" where it has none. */
  code: z.string(),
  title: Wording,
  /** Introductory text of the source, in its own words. */
  intro: z.optional(z.array(Wording)),
  items: z.array(ItemSchema).check(z.minLength(1)),
});
export type Section = z.infer<typeof SectionSchema>;

/** A group of sections: one of the DGESCO seven parts, an Occitanie area, a label block A to D. */
export const PartSchema = z.strictObject({
  id: ItemIdSchema,
  code: z.string(),
  title: Wording,
  intro: z.optional(z.array(Wording)),
  sections: z.array(SectionSchema).check(z.minLength(1)),
});
export type Part = z.infer<typeof PartSchema>;

export const ReferentielSchema = z.strictObject({
  id: DocumentIdSchema,
  /** Full title as the source gives it. */
  title: Wording,
  /** A short name for menus and tables. */
  shortTitle: Wording,
  /** Who published it, and when. */
  publisher: Wording,
  /** Notes on how the source was encoded (repairs, readings of ambiguous passages). */
  notes: z.optional(z.array(Wording)),
  parts: z.array(PartSchema).check(z.minLength(1)),
});
export type Referentiel = z.infer<typeof ReferentielSchema>;
