// The action plan: from a weak axis or a blocking label criterion, what the group will do, who,
// by when, and where it stands (DGESCO 2.2: a first assessment, actions, a new assessment).
import * as z from 'zod/mini';
import { CampaignIdSchema, IsoDateSchema } from './campaigns';
import { boundedText, MAX_COMMENT, MAX_NAME } from './text-limits';
import { checkWith, type Checked } from './result';
import { RECORD_SCHEMA_VERSION } from './schema-version';
import { InstantSchema } from './instants';

export const ActionStatusSchema = z.enum(['prevue', 'en-cours', 'realisee', 'abandonnee']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const actionStatusLabels: Record<ActionStatus, string> = {
  prevue: 'Prévue',
  'en-cours': 'En cours',
  realisee: 'Réalisée',
  abandonnee: 'Abandonnée',
};

export const ActionInputSchema = z.strictObject({
  /** The axis or criterion it answers: an axis id of the results, or a label criterion id. */
  axis: z.string().check(z.regex(/^[A-Za-z0-9.-]{1,80}$/)),
  objective: boundedText(MAX_NAME, 'Objectif', true),
  action: boundedText(MAX_COMMENT, 'Action'),
  owner: boundedText(80, 'Responsable'),
  due: z.nullable(IsoDateSchema),
  status: ActionStatusSchema,
});
export type ActionInput = z.infer<typeof ActionInputSchema>;

const ActionIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));

/** Where an action stood when a campaign ended and the next one took it over. */
export const ActionStepSchema = z.strictObject({
  campaign: boundedText(MAX_NAME, 'Campagne', true),
  date: IsoDateSchema,
  status: ActionStatusSchema,
  due: z.nullable(IsoDateSchema),
});
export type ActionStep = z.infer<typeof ActionStepSchema>;

/** A plan is a few dozen actions; an action lives a few years. */
const MAX_HISTORY = 50;

export const ActionRecordSchema = z.strictObject({
  ...ActionInputSchema.def.shape,
  id: ActionIdSchema,
  campaignId: CampaignIdSchema,
  /**
   * The id of the action as first written: the same action taken over from campaign to campaign
   * keeps it, so a campaign never holds it twice and its story can be told (shape 5).
   */
  lineage: ActionIdSchema,
  /** Its earlier campaigns, oldest first: what it was there when the next campaign took it over. */
  history: z.array(ActionStepSchema).check(z.maxLength(MAX_HISTORY)),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type ActionRecord = z.infer<typeof ActionRecordSchema>;

export function checkActionInput(input: ActionInput): Checked<ActionInput> {
  return checkWith(
    ActionInputSchema,
    { ...input, objective: input.objective.trim(), owner: input.owner.trim(), due: input.due || null },
    'Action non valide.',
  );
}

/** Late: its date has passed and it is neither done nor abandoned. `today` is YYYY-MM-DD. */
export function isLate(action: Pick<ActionRecord, 'due' | 'status'>, today: string): boolean {
  return action.due !== null && action.due < today && isOpen(action);
}

/** Open actions go on in the next campaign; done and abandoned ones stay where they ended. */
/**
 * The plan's order: oldest first. Actions made in the same millisecond (a quick succession, a
 * file) follow their lineage, which a plan taken over keeps: the next campaign lists them alike.
 */
export function inPlanOrder<T extends Pick<ActionRecord, 'createdAt' | 'lineage'>>(actions: readonly T[]): T[] {
  return [...actions].sort((a, b) => a.createdAt - b.createdAt || (a.lineage < b.lineage ? -1 : a.lineage > b.lineage ? 1 : 0));
}

export const isOpen = (action: Pick<ActionRecord, 'status'>): boolean => action.status === 'prevue' || action.status === 'en-cours';

/**
 * The open actions of `previous` as the next campaign takes them over: same lineage, their story
 * one step longer, new ids. An action whose lineage the next campaign already holds is not taken
 * again, so starting twice (or retrying) never duplicates one.
 */
export function carryOverActions(
  previous: { campaign: { name: string; date: string }; actions: readonly ActionRecord[] },
  next: { campaignId: string; held: readonly Pick<ActionRecord, 'lineage'>[]; now: number; newId: () => string },
): ActionRecord[] {
  const held = new Set(next.held.map((a) => a.lineage));
  return previous.actions
    .filter((a) => isOpen(a) && !held.has(a.lineage))
    .map((a) => ({
      ...a,
      id: next.newId(),
      campaignId: next.campaignId,
      history: [...a.history, { campaign: previous.campaign.name, date: previous.campaign.date, status: a.status, due: a.due }].slice(-MAX_HISTORY),
      updatedAt: next.now,
    }));
}

/**
 * What the school achieved between two campaigns: actions of the earlier plan marked done there,
 * or done in the later plan that took them over, once each (by lineage), the later word winning.
 */
export function achievedBetween(earlier: readonly ActionRecord[], later: readonly ActionRecord[]): ActionRecord[] {
  const lineages = new Set(earlier.map((a) => a.lineage));
  const latest = new Map<string, ActionRecord>();
  for (const a of earlier) latest.set(a.lineage, a);
  for (const a of later) if (lineages.has(a.lineage)) latest.set(a.lineage, a);
  return [...latest.values()].filter((a) => a.status === 'realisee');
}
