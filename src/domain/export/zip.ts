// Writing a ZIP file with fflate (small, well kept, streaming): entries are written one after the
// other, a file's bytes read only when its turn comes, and the output folded into a Blob every few
// megabytes, so that the page's memory holds about one file at a time, not the whole archive.
// Names are stored as UTF-8 (fflate sets the flag for non-ASCII names).
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

export interface ZipEntry {
  path: string;
  /** Text (written as UTF-8), bytes, or bytes read when the entry is written. */
  data: string | Uint8Array | (() => Promise<Uint8Array>);
  /** Stored as is: files already compressed (PDF, images, office documents). */
  store?: boolean;
}

const FOLD_BYTES = 8 * 1024 * 1024;

export async function writeZip(entries: readonly ZipEntry[], mtime = new Date()): Promise<Blob> {
  let folded = new Blob([]);
  let chunks: Uint8Array<ArrayBuffer>[] = [];
  let pending = 0;
  let failure: unknown;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    chunks.push(chunk as Uint8Array<ArrayBuffer>);
    pending += chunk.length;
    if (pending >= FOLD_BYTES || final) {
      folded = new Blob([folded, ...chunks]);
      chunks = [];
      pending = 0;
    }
    if (final) finished = true;
  });
  for (const entry of entries) {
    const file = entry.store ? new ZipPassThrough(entry.path) : new ZipDeflate(entry.path, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    const data = typeof entry.data === 'function' ? await entry.data() : entry.data;
    file.push(typeof data === 'string' ? strToU8(data) : data, true);
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error('ZIP not finished');
  return new Blob([folded], { type: 'application/zip' });
}
