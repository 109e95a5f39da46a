// Upgrade functions, one per schema version that changes a record shape. Each only calls Dexie
// (no other awaits: the upgrade transaction would commit early) and returns its promise.
import type { Transaction } from 'dexie';

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
