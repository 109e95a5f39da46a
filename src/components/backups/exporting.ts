// The three exports, from the database to a downloaded file.
import { backupFile, campaignFile, contributionFile, fileNameFor, serializeFile, type ExportStamp } from '../../domain/transfer/build';
import type { DiagnumFile } from '../../domain/transfer/format';
import { accepted, refused, type Checked } from '../../domain/result';
import { readEvidenceFile, readSnapshot } from '../../state/transfer';
import { noteExported } from '../../state/backup-state';
import { saveBlob } from '../save-file';
import { filesNamed, writeContainer } from '../../domain/transfer/container';

const stamp = (): ExportStamp => ({
  exportId: crypto.randomUUID(),
  exportedAt: new Date().toISOString(),
  appVersion: __APP_VERSION__,
});

const UNREADABLE = 'L’export a échoué : les données n’ont pas pu être lues. Rechargez la page et réessayez.';

async function save(build: (snapshot: Awaited<ReturnType<typeof readSnapshot>>) => DiagnumFile): Promise<Checked<string>> {
  try {
    const start = performance.now();
    const file = build(await readSnapshot());
    const withFiles = filesNamed(file).length > 0;
    const name = fileNameFor(file, withFiles);
    saveBlob(withFiles ? await writeContainer(file, bytesOf) : new Blob([serializeFile(file)], { type: 'application/json' }), name);
    performance.measure('diagnum:export', { start }); // read by the benchmark
    return accepted(name);
  } catch (error) {
    console.error(error);
    return refused(UNREADABLE);
  }
}

/** An evidence file's bytes, read from the database when the container writes it. */
async function bytesOf(sha256: string): Promise<Uint8Array> {
  const stored = await readEvidenceFile(sha256);
  if (!stored) throw new Error(`Evidence file ${sha256} missing`);
  return new Uint8Array(await stored.blob.arrayBuffer());
}

/** The whole database; the backup reminder counts from here. */
export async function exportBackup(): Promise<Checked<string>> {
  const at = Date.now();
  const result = await save((snapshot) => backupFile(snapshot, stamp()));
  if (result.ok) noteExported(at);
  return result;
}

export const exportCampaign = (campaignId: string) => save((snapshot) => campaignFile(snapshot, campaignId, stamp()));

export const exportContribution = (campaignId: string, contributor: string, sections: readonly string[]) =>
  save((snapshot) => contributionFile(snapshot, campaignId, contributor, sections, stamp()));
