// The texts the label call asks the school to write: the A.7 argumentaire, the presentation of one
// or two innovative projects (C.2.3), and a proposal for the "Initiative numérique remarquable"
// mention. The call sets no length: Diagnum bounds each at 8,000 characters (about two pages).
import * as z from 'zod/mini';
import { CampaignIdSchema } from './campaigns';
import { boundedText } from './text-limits';
import { RECORD_SCHEMA_VERSION } from './schema-version';
import { InstantSchema } from './instants';

export const MAX_DOSSIER_TEXT = 8_000;

export const DossierTextIdSchema = z.enum(['a7-argumentaire', 'c23-projets', 'inr-proposition']);
export type DossierTextId = z.infer<typeof DossierTextIdSchema>;

export interface DossierTextSpec {
  id: DossierTextId;
  title: string;
  /** The label criterion the text goes with, by its code in the call; none for the INR mention. */
  criterion: string | null;
  /** What the call says of it, in its words. */
  call: string;
  /** The call asks for the document (C.2.3: "document à déposer"), not merely allows it. */
  asked: boolean;
}

export const DOSSIER_TEXTS: readonly DossierTextSpec[] = [
  {
    id: 'a7-argumentaire',
    title: 'Argumentaire sur loRdi (critère A.7)',
    criterion: 'A.7',
    call: '« Possibilité de déposer un argumentaire »',
    asked: false,
  },
  {
    id: 'c23-projets',
    title: 'Présentation d’un ou deux projets innovants (critère C.2.3)',
    criterion: 'C.2.3',
    call: '« Présentation d’un ou deux projets innovants autour du numérique (document à déposer) »',
    asked: true,
  },
  {
    id: 'inr-proposition',
    title: 'Proposition pour la mention « Initiative numérique remarquable »',
    criterion: null,
    call: 'mention facultative, sans financement : la reconnaissance d’un projet innovant et original',
    asked: false,
  },
];

export const DossierTextRecordSchema = z.strictObject({
  campaignId: CampaignIdSchema,
  textId: DossierTextIdSchema,
  text: boundedText(MAX_DOSSIER_TEXT, 'Texte du dossier'),
  updatedAt: InstantSchema,
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
});
export type DossierTextRecord = z.infer<typeof DossierTextRecordSchema>;
