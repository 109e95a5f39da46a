// Answer values, one shape per item kind, and the checks that keep a bad value out of the database.
import * as z from 'zod/mini';
import { ItemIdSchema } from '../referentiels/ids';
import type { Item, ItemOfKind, ReferenceFigure } from '../referentiels/kinds';
import { CampaignIdSchema, IsoDateSchema } from './campaigns';
import { boundedText, MAX_COMMENT, MAX_FREE_TEXT } from './text-limits';
import { accepted, checkWith, refused, type Checked } from './result';
import { RECORD_SCHEMA_VERSION } from './schema-version';
import { InstantSchema } from './instants';
import { fr } from '../text/fr';

/** Counts are whole numbers; a million is far above any school's figure. */
const MAX_COUNT = 1_000_000;
const Count = z.int({ error: 'Nombre entier attendu (sans virgule).' }).check(
  z.minimum(0, { error: 'Le nombre ne peut pas être négatif.' }),
  z.maximum(MAX_COUNT, { error: 'Nombre trop grand.' }),
);
const OptionalCount = z.nullable(Count);

export const ABSENT_WITH_CELLS = 'Un service absent ne peut pas avoir de case renseignée : videz sa ligne ou décochez « Service absent ».';

export const AnswerValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('number'), value: Count }),
  z.strictObject({ kind: z.literal('date'), value: IsoDateSchema }),
  z.strictObject({ kind: z.literal('yes-no'), value: z.boolean() }),
  /** A count per frequency; null while the group has not typed it yet. */
  z.strictObject({
    kind: z.literal('usage-counts'),
    never: OptionalCount,
    occasionally: OptionalCount,
    regularly: OptionalCount,
  }),
  z.strictObject({
    kind: z.literal('percentage'),
    value: z.number({ error: 'Pourcentage attendu.' }).check(
      z.minimum(0, { error: 'Un pourcentage est compris entre 0 et 100.' }),
      z.maximum(100, { error: 'Un pourcentage est compris entre 0 et 100.' }),
    ),
  }),
  z.strictObject({ kind: z.literal('text'), value: boundedText(MAX_FREE_TEXT, 'Réponse') }),
  z.strictObject({ kind: z.literal('checklist'), checked: z.array(z.string()) }),
  z
    .strictObject({
      kind: z.literal('service-matrix'),
      cells: z.array(z.strictObject({ service: z.string(), statement: z.string(), value: z.boolean() })),
      /**
       * Services the school does not have ("service absent"): not evaluated, left out of the score
       * and of completeness. Optional: records and files written before shape 4 have none.
       */
      absent: z.optional(z.array(z.string())),
    })
    .check(
      z.refine((v) => !v.absent?.some((service) => v.cells.some((c) => c.service === service)), {
        error: ABSENT_WITH_CELLS,
        path: ['absent'],
      }),
    ),
  z.strictObject({
    kind: z.literal('level'),
    value: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  }),
  z.strictObject({ kind: z.literal('band'), band: z.string() }),
  /** "Non concerné": the item does not apply to the school; left out of every score. */
  z.strictObject({ kind: z.literal('not-applicable') }),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

export const AnswerRecordSchema = z.strictObject({
  campaignId: CampaignIdSchema,
  itemId: ItemIdSchema,
  /** null: the item is not answered yet, though a comment or a flag may exist. */
  value: z.nullable(AnswerValueSchema),
  comment: boundedText(MAX_COMMENT, 'Commentaire'),
  /** "À vérifier": the group doubts the figure. */
  toCheck: z.boolean(),
  /** Where the figure came from ("statistiques ENT"). */
  source: boundedText(200, 'Source'),
  /** Copied from the previous campaign and not yet confirmed or changed by the group. */
  carriedOver: z.boolean(),
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>;

/**
 * The record of an item nobody has touched yet: "non renseigné". Its `updatedAt` of 0 means
 * "never saved" and is no storable instant: a save sets the time before the record is checked.
 */
export function emptyAnswer(campaignId: string, itemId: string): AnswerRecord {
  return {
    campaignId,
    itemId,
    value: null,
    comment: '',
    toCheck: false,
    source: '',
    carriedOver: false,
    updatedAt: 0,
    schemaVersion: RECORD_SCHEMA_VERSION,
  };
}

/** The school's reference figures (DGESCO 3.1) for a campaign, when answered. */
export type ReferenceFigures = Partial<Record<ReferenceFigure, number>>;

/** The value kind each item kind is answered with. */
const valueKindOf: Record<Item['kind'], AnswerValue['kind']> = {
  'reference-figure': 'number',
  count: 'number',
  date: 'date',
  'yes-no': 'yes-no',
  'usage-counts': 'usage-counts',
  percentage: 'percentage',
  'free-text': 'text',
  checklist: 'checklist',
  'service-matrix': 'service-matrix',
  level: 'level',
  'label-band': 'band',
};

export function valueKindFor(item: Item): AnswerValue['kind'] {
  return valueKindOf[item.kind];
}

/**
 * Checks a value against its item: the right shape, option ids the item knows, and counts
 * that fit the reference figure they are part of (DGESCO 3.1).
 */
export function checkAnswerValue(item: Item, input: unknown, figures: ReferenceFigures = {}): Checked<AnswerValue> {
  const parsed = checkWith(AnswerValueSchema, input, 'Réponse non valide.');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value.kind === 'not-applicable') return parsed;
  if (value.kind !== valueKindFor(item)) return refused('Cette réponse ne correspond pas à la question.');

  if (item.kind === 'usage-counts' && value.kind === 'usage-counts') {
    const total = (value.never ?? 0) + (value.occasionally ?? 0) + (value.regularly ?? 0);
    const figure = figures[item.of];
    if (figure !== undefined && total > figure) {
      return refused(
        `La somme (${total}) dépasse le nombre ${fr.figuresOf[item.of]} (${figure}) indiqué dans les éléments de référence.`,
      );
    }
  }
  if (item.kind === 'count' && item.of && item.bounded && value.kind === 'number') {
    const figure = figures[item.of];
    if (figure !== undefined && value.value > figure) {
      return refused(
        `${value.value} dépasse le nombre ${fr.figuresOf[item.of]} (${figure}) indiqué dans les éléments de référence.`,
      );
    }
  }
  if (item.kind === 'checklist' && value.kind === 'checklist') {
    const known = new Set(item.options.map((o) => o.id));
    if (value.checked.some((id) => !known.has(id)) || new Set(value.checked).size !== value.checked.length) {
      return refused('Réponse non valide : option inconnue ou répétée.');
    }
  }
  if (item.kind === 'service-matrix' && value.kind === 'service-matrix') {
    const services = new Set(item.services.map((o) => o.id));
    const statements = new Set(item.statements.map((o) => o.id));
    const absent = value.absent ?? [];
    if (absent.some((id) => !services.has(id)) || new Set(absent).size !== absent.length) {
      return refused('Réponse non valide : service absent inconnu ou répété.');
    }
    const seen = new Set<string>();
    for (const cell of value.cells) {
      const key = `${cell.service}/${cell.statement}`;
      if (!services.has(cell.service) || !statements.has(cell.statement) || seen.has(key)) {
        return refused('Réponse non valide : case du tableau inconnue ou répétée.');
      }
      seen.add(key);
    }
  }
  if (item.kind === 'label-band' && value.kind === 'band') {
    if (!item.bands.some((b) => b.id === value.band)) return refused('Réponse non valide : choix inconnu.');
  }
  return accepted(value);
}

/** Reads the reference figures of a campaign from its answers to DGESCO 3.1. */
export function referenceFiguresFrom(
  answers: ReadonlyArray<Pick<AnswerRecord, 'itemId' | 'value'>>,
  figureItems: ReadonlyArray<Extract<Item, { kind: 'reference-figure' }>>,
): ReferenceFigures {
  const figures: ReferenceFigures = {};
  for (const item of figureItems) {
    const answer = answers.find((a) => a.itemId === item.id);
    if (answer?.value?.kind === 'number') figures[item.figure] = answer.value.value;
  }
  return figures;
}

/**
 * Lowering a reference figure below what is already counted against it would leave the campaign
 * inconsistent: the message names the first item to correct first.
 */
export function figureConflict(
  figure: ReferenceFigure,
  newValue: number,
  answers: ReadonlyArray<Pick<AnswerRecord, 'itemId' | 'value'>>,
  itemOf: (itemId: string) => Item | undefined,
): string | undefined {
  for (const answer of answers) {
    const item = itemOf(answer.itemId);
    const value = answer.value;
    if (!item || !value) continue;
    let counted: number | undefined;
    if (item.kind === 'usage-counts' && item.of === figure && value.kind === 'usage-counts') {
      counted = (value.never ?? 0) + (value.occasionally ?? 0) + (value.regularly ?? 0);
    } else if (item.kind === 'count' && item.of === figure && item.bounded && value.kind === 'number') {
      counted = value.value;
    }
    if (counted !== undefined && counted > newValue) {
      return `Impossible : ${counted} ${fr.figures[figure]} sont déjà comptés dans la question « ${item.text} ». Corrigez d’abord cette réponse.`;
    }
  }
  return undefined;
}

type MatrixCell = Extract<AnswerValue, { kind: 'service-matrix' }>['cells'][number];
/** A change of the 3.3.4 matrix computed from the stored value, so that it composes with the saves pending before it. */
export type MatrixChange = (stored: AnswerValue | null) => AnswerValue | null;

/** Rebuilds the matrix from a change of its parts; neither cells nor absent services: not answered. */
function changeMatrix(change: (cells: MatrixCell[], absent: string[]) => { cells: MatrixCell[]; absent: string[] }): MatrixChange {
  return (stored) => {
    const matrix = stored?.kind === 'service-matrix' ? stored : undefined;
    const { cells, absent } = change(matrix?.cells ?? [], matrix?.absent ?? []);
    if (cells.length === 0 && absent.length === 0) return null;
    return absent.length === 0 ? { kind: 'service-matrix', cells } : { kind: 'service-matrix', cells, absent };
  };
}

/**
 * The changes the 3.3.4 table offers, one save each. A service given a yes or a no is one the
 * school has: it stops being absent; marking it absent clears its row.
 */
export const matrixChanges = {
  /** One cell: oui (true), non (false) or back to blank (null). */
  cell: (service: string, statement: string, choice: boolean | null): MatrixChange =>
    changeMatrix((cells, absent) => ({
      cells: [
        ...cells.filter((c) => !(c.service === service && c.statement === statement)),
        ...(choice === null ? [] : [{ service, statement, value: choice }]),
      ],
      absent: choice === null ? absent : absent.filter((id) => id !== service),
    })),

  /** A whole row: every statement answered the same for one service. */
  row: (item: ItemOfKind<'service-matrix'>, service: string, choice: boolean): MatrixChange =>
    changeMatrix((cells, absent) => ({
      cells: [...cells.filter((c) => c.service !== service), ...item.statements.map((t) => ({ service, statement: t.id, value: choice }))],
      absent: absent.filter((id) => id !== service),
    })),

  /** A whole column: one statement answered the same for every service the school has (absent ones stay absent). */
  column: (item: ItemOfKind<'service-matrix'>, statement: string, choice: boolean): MatrixChange =>
    changeMatrix((cells, absent) => {
      const present = item.services.filter((s) => !absent.includes(s.id)).map((s) => s.id);
      return {
        cells: [
          ...cells.filter((c) => !(c.statement === statement && present.includes(c.service))),
          ...present.map((service) => ({ service, statement, value: choice })),
        ],
        absent,
      };
    }),

  /** "Service absent" ticked (its cells cleared) or unticked (its row left blank). */
  absent: (service: string, isAbsent: boolean): MatrixChange =>
    changeMatrix((cells, absent) => ({
      cells: isAbsent ? cells.filter((c) => c.service !== service) : cells,
      absent: isAbsent ? [...absent.filter((id) => id !== service), service] : absent.filter((id) => id !== service),
    })),
};
