// Diagnum files opened from the file manager with the installed app (Chromium desktop: the
// manifest's `file_handlers` and `launchQueue`). They wait here until the backups page takes them
// into its import preview, the same way as files chosen in its file field.

interface LaunchParams {
  files: ReadonlyArray<{ getFile(): Promise<File> }>;
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

class LaunchedFiles {
  pending = $state.raw<File[]>([]);

  /** The files waiting for the import preview, handed over once. */
  take(): File[] {
    const files = this.pending;
    this.pending = [];
    return files;
  }
}

export const launchedFiles = new LaunchedFiles();

/** Where the browser supports it, files opened with Diagnum go to the backups page's import. */
export function receiveLaunchedFiles(): void {
  const queue = (window as unknown as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    if (params.files.length === 0) return;
    void Promise.all(params.files.map((handle) => handle.getFile())).then((files) => {
      launchedFiles.pending = files;
      location.hash = '#/sauvegardes';
    });
  });
}
