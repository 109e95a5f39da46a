// The only place that declares the database: every schema version in order, each with its why,
// and the middleware every instance carries (each commit heard first, for connection.ts's commit).
// Never edit a shipped version: append a new one, with an upgrade function named for its effect
// (in upgrades.ts) and a migration test from the previous version.
import Dexie, { type DBCore, type DBCoreTransaction, type Middleware, type Table, type Transaction } from 'dexie';
import type { SchoolRecord } from '../domain/school';
import type { CampaignRecord } from '../domain/campaigns';
import type { AnswerRecord } from '../domain/answers';
import type { SectionNoteRecord } from '../domain/section-notes';
import type { ActionRecord } from '../domain/actions';
import type { ImportRecord } from '../domain/transfer/format';
import type { EvidenceRecord } from '../domain/evidence';
import type { StoredEvidenceFile } from '../domain/evidence-files';
import type { DossierTextRecord } from '../domain/dossier-texts';
import type { PositionsRecord } from '../domain/positions';
import type { SurveyRecord, SurveyResponseRecord } from '../domain/survey/records';
import { addActionLineage, addActionPlan, addWorkshopFields, repairImportedInstantsAndTargets } from './upgrades';

export const DB_NAME = 'diagnum';

// Dexie turns on long stack traces on localhost, where the app is served by `npm start` and the
// tests: the same code must run, at the same speed, there and on a school's server.
Dexie.debug = false;

interface SchemaVersion {
  version: number;
  why: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: import('dexie').Transaction) => Promise<void>;
}

/** Version 7's tables, as shipped; version 8 adds to them. */
const DOSSIER_STORES = {
  school: 'id',
  campaigns: 'id, date',
  answers: '[campaignId+itemId], campaignId',
  sectionNotes: '[campaignId+sectionId], campaignId',
  actions: 'id, campaignId',
  imports: 'id',
  evidence: 'id, campaignId, file.sha256',
  evidenceFiles: 'sha256',
  dossierTexts: '[campaignId+textId], campaignId',
} as const;

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    why: 'first schema: the school, its campaigns, their answers and the section notes',
    stores: {
      school: 'id',
      campaigns: 'id, date',
      answers: '[campaignId+itemId], campaignId',
      sectionNotes: '[campaignId+sectionId], campaignId',
    },
  },
  {
    version: 2,
    why: 'the workshop: answers carried over from the previous campaign, members of the group and the sections they fill',
    stores: {
      school: 'id',
      campaigns: 'id, date',
      answers: '[campaignId+itemId], campaignId',
      sectionNotes: '[campaignId+sectionId], campaignId',
    },
    upgrade: addWorkshopFields,
  },
  {
    version: 3,
    why: 'results: the action plan, the targets of the group and the date of the next assessment',
    stores: {
      school: 'id',
      campaigns: 'id, date',
      answers: '[campaignId+itemId], campaignId',
      sectionNotes: '[campaignId+sectionId], campaignId',
      actions: 'id, campaignId',
    },
    upgrade: addActionPlan,
  },
  {
    version: 4,
    why: 'files between laptops: the log of imported files, so that importing the same file twice changes nothing',
    stores: {
      school: 'id',
      campaigns: 'id, date',
      answers: '[campaignId+itemId], campaignId',
      sectionNotes: '[campaignId+sectionId], campaignId',
      actions: 'id, campaignId',
      imports: 'id',
    },
  },
  {
    version: 5,
    why: 'DGESCO 3.3.4: a service the school does not have ("service absent") is recorded and left out of the score; instants and targets an earlier import let through are repaired',
    stores: {
      school: 'id',
      campaigns: 'id, date',
      answers: '[campaignId+itemId], campaignId',
      sectionNotes: '[campaignId+sectionId], campaignId',
      actions: 'id, campaignId',
      imports: 'id',
    },
    upgrade: repairImportedInstantsAndTargets,
  },
  {
    version: 6,
    why: 'the year-to-year loop: an open action goes on in the next campaign with its story (lineage, history); a target may be a proposal of the next level up',
    stores: {
      school: 'id',
      campaigns: 'id, date',
      answers: '[campaignId+itemId], campaignId',
      sectionNotes: '[campaignId+sectionId], campaignId',
      actions: 'id, campaignId',
      imports: 'id',
    },
    upgrade: addActionLineage,
  },
  {
    version: 7,
    why: 'the label dossier: evidence (a reference or a file backing items and sections: attach once, link many), the files themselves by content, and the texts the call asks for (A.7, C.2.3, INR)',
    stores: DOSSIER_STORES,
  },
  {
    version: 8,
    why: 'several voices: each member\'s position on an item before the group agrees, and the anonymous staff questionnaire (its settings, its responses keyed by a random id: stored in no telling order)',
    stores: {
      ...DOSSIER_STORES,
      positions: '[campaignId+itemId], campaignId',
      surveys: 'id, campaignId',
      surveyResponses: 'id, campaignId, surveyId',
    },
  },
];

/** The tables of the latest version, as a write names them. */
export type StoreName =
  | 'school'
  | 'campaigns'
  | 'answers'
  | 'sectionNotes'
  | 'actions'
  | 'imports'
  | 'evidence'
  | 'evidenceFiles'
  | 'dossierTexts'
  | 'positions'
  | 'surveys'
  | 'surveyResponses';

export const LATEST_VERSION = schemaVersions[schemaVersions.length - 1]!.version;

/**
 * What to run when a read-write transaction commits, heard from IndexedDB's own "complete" event
 * before Dexie's handler, which first starts every live query again (a few milliseconds per save
 * on a slow laptop) and only then resolves the transaction's promise.
 */
const commitHooks = new WeakMap<DBCoreTransaction, () => void>();

export function onCommitOf(transaction: Transaction, hook: () => void): void {
  commitHooks.set(transaction.idbtrans as unknown as DBCoreTransaction, hook);
}

const commitHooksMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'commit-hooks',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) => {
      const transaction = down.transaction(stores, mode, options);
      if (mode === 'readwrite') {
        // A listener added here comes before the `oncomplete` Dexie sets once this returns.
        (transaction as unknown as IDBTransaction).addEventListener('complete', () => commitHooks.get(transaction)?.(), { once: true });
      }
      return transaction;
    },
  }),
};

export class DiagnumDB extends Dexie {
  school!: Table<SchoolRecord, 'school'>;
  campaigns!: Table<CampaignRecord, string>;
  answers!: Table<AnswerRecord, [string, string]>;
  sectionNotes!: Table<SectionNoteRecord, [string, string]>;
  actions!: Table<ActionRecord, string>;
  imports!: Table<ImportRecord, string>;
  evidence!: Table<EvidenceRecord, string>;
  evidenceFiles!: Table<StoredEvidenceFile, string>;
  dossierTexts!: Table<DossierTextRecord, [string, string]>;
  positions!: Table<PositionsRecord, [string, string]>;
  surveys!: Table<SurveyRecord, string>;
  surveyResponses!: Table<SurveyResponseRecord, string>;

  /** `upTo` builds the database as an older version declared it, for migration tests. */
  constructor(name: string = DB_NAME, upTo: number = LATEST_VERSION) {
    super(name);
    for (const v of schemaVersions) {
      if (v.version > upTo) break;
      // Dexie needs only the versions with an upgrade, and the one it opens: it reads the installed
      // tables itself. Each declaration parses every one before it again, at start-up.
      if (!v.upgrade && v.version !== upTo) continue;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    this.use(commitHooksMiddleware);
  }
}
