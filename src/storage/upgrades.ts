// Upgrade functions, one per schema version that changes a record shape. Each only calls Dexie
// (no other awaits: the upgrade transaction would commit early) and returns its promise.
import type { Transaction } from 'dexie';
import { isPlausibleInstant } from '../domain/instants';
import { TargetSchema } from '../domain/campaigns';

/** v2: campaigns learn where they started from and who fills which section; answers, whether they were carried over. */
export async function addWorkshopFields(tx: Transaction): Promise<void> {
  const version = { schemaVersion: 2 };
  await tx.table('campaigns').toCollection().modify((c: Record<string, unknown>) => {
    Object.assign(c, { startedFrom: null, members: [], assignments: [] }, version);
  });
  await tx.table('answers').toCollection().modify((a: Record<string, unknown>) => {
    Object.assign(a, { carriedOver: false }, version);
  });
  await tx.table('sectionNotes').toCollection().modify((n: Record<string, unknown>) => Object.assign(n, version));
  await tx.table('school').toCollection().modify((s: Record<string, unknown>) => Object.assign(s, version));
}

/** v3: the action plan (a table of its own), the group's targets and the date of the next assessment. */
export async function addActionPlan(tx: Transaction): Promise<void> {
  const version = { schemaVersion: 3 };
  await tx.table('campaigns').toCollection().modify((c: Record<string, unknown>) => {
    Object.assign(c, { targets: [], nextAssessment: null }, version);
  });
  for (const table of ['answers', 'sectionNotes', 'school']) {
    await tx.table(table).toCollection().modify((r: Record<string, unknown>) => Object.assign(r, version));
  }
}

/** The instants a record may carry; each must be plausible (domain/instants.ts). */
const INSTANT_FIELDS = ['createdAt', 'updatedAt', 'importedAt'] as const;

/**
 * v5 (record shape 4): a 3.3.4 answer may list absent services, an optional field that no stored
 * answer needs. Every record is restamped, and what an import made before the checks at the
 * storage boundary may have stored, and the schemas now refuse, is repaired so that no database
 * becomes unreadable: an instant outside 2000–2100 becomes the upgrade's time, a target outside
 * its axis's scale (or that the target schema refuses otherwise) is dropped.
 */
export async function repairImportedInstantsAndTargets(tx: Transaction): Promise<void> {
  const now = Date.now();
  const repair = (r: Record<string, unknown>) => {
    for (const field of INSTANT_FIELDS) {
      const instant = r[field];
      if (field in r && !(typeof instant === 'number' && isPlausibleInstant(instant))) r[field] = now;
    }
    r.schemaVersion = 4;
  };
  await tx.table('campaigns').toCollection().modify((c: Record<string, unknown>) => {
    repair(c);
    if (Array.isArray(c.targets)) c.targets = c.targets.filter((t) => TargetSchema.safeParse(t).success);
  });
  for (const table of ['school', 'answers', 'sectionNotes', 'actions', 'imports']) {
    await tx.table(table).toCollection().modify(repair);
  }
}


/**
 * v6 (record shape 5): every action starts its own lineage (its id) with no earlier story; a
 * target may be marked proposed, an optional field no stored target needs. Every record is restamped.
 */
export async function addActionLineage(tx: Transaction): Promise<void> {
  await tx.table('actions').toCollection().modify((a: Record<string, unknown>) => {
    // A record a newer tab already wrote keeps its own story.
    if (typeof a.lineage !== 'string') a.lineage = a.id;
    if (!Array.isArray(a.history)) a.history = [];
    a.schemaVersion = 5;
  });
  for (const table of ['school', 'campaigns', 'answers', 'sectionNotes', 'imports']) {
    await tx.table(table).toCollection().modify((r: Record<string, unknown>) => void (r.schemaVersion = 5));
  }
}
