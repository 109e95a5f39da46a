// The school record: read it, save it.
import { SchoolRecordSchema, checkSchoolInput, type SchoolRecord } from '../domain/school';
import { RECORD_SCHEMA_VERSION } from '../domain/schema-version';
import { checkWith, type Checked } from '../domain/result';
import { commit, database } from './connection';
import { parseAll, watch } from './watch';

export async function readSchool(): Promise<SchoolRecord | undefined> {
  const row = await database().school.get('school');
  return row ? parseAll(SchoolRecordSchema, [row])[0] : undefined;
}

export const watchSchool = () => watch(readSchool);

export async function saveSchool(input: { name: string; uai?: string; academie?: string }): Promise<Checked<true>> {
  const checked = checkSchoolInput(input);
  if (!checked.ok) return checked;
  const record = checkWith(
    SchoolRecordSchema,
    { ...checked.value, id: 'school', updatedAt: Date.now(), schemaVersion: RECORD_SCHEMA_VERSION },
    "Les informations de l'établissement ne sont pas valides.",
  );
  if (!record.ok) return record;
  return commit(['school'], (db) => db.school.put(record.value));
}
