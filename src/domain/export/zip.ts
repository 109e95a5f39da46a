// Writing a ZIP file with fflate (small, well kept, streaming): entries are compressed one after
// the other and the chunks handed to a Blob, so memory holds one entry at a time, not the whole.
// Names are stored as UTF-8 (fflate sets the flag for non-ASCII names).
import { Zip, ZipDeflate, strToU8 } from 'fflate';

export interface ZipEntry {
  path: string;
  /** Text (written as UTF-8) or bytes. */
  data: string | Uint8Array;
}

export function writeZip(entries: readonly ZipEntry[], mtime = new Date()): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      chunks.push(chunk as Uint8Array<ArrayBuffer>);
      if (final) resolve(new Blob(chunks, { type: 'application/zip' }));
    });
    for (const entry of entries) {
      const file = new ZipDeflate(entry.path, { level: 6 });
      file.mtime = mtime;
      zip.add(file);
      file.push(typeof entry.data === 'string' ? strToU8(entry.data) : entry.data, true);
    }
    zip.end();
  });
}
