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

export const ActionRecordSchema = z.strictObject({
  ...ActionInputSchema.def.shape,
  id: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/)),
  campaignId: CampaignIdSchema,
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
  return action.due !== null && action.due < today && (action.status === 'prevue' || action.status === 'en-cours');
}
