// What the home page and the backups page say about saving: the changes no export holds yet,
// whether the database holds data, and whether the browser may clear it.
import { holdsData } from '../storage/campaign-list';
import { watch } from '../storage/watch';

export { onBackupState, noteExported, noteHeldData, forgetFormerData, type BackupState } from '../storage/backup-state';
export { readStorageState, requestPersistence, evidenceFilesSize, type StorageState } from '../storage/persistence';

/** Whether the database holds the school or a campaign, live. */
export const watchHoldsData = () => watch(holdsData);
