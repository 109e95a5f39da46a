// Files in and out: a snapshot of the database to export, an import written in one transaction,
// the log of imported files. Loaded with the backups page only.
export { readSnapshot, applyImport, watchImports } from '../storage/transfer';
export { readEvidenceFile } from '../storage/evidence';
