// Files behind evidence: which kinds Diagnum keeps, how big, and whether a file's bytes are what
// its name says. A file is known by its content (SHA-256): the same file attached twice, or brought
// by two backups, is stored once. Nothing here reads the database or the DOM.
import * as z from 'zod/mini';
import { boundedText } from './text-limits';

export const MAX_EVIDENCE_FILE_BYTES = 50 * 1024 * 1024;
/** Every file of the database together: a school's dossier over years stays far below. */
export const MAX_EVIDENCE_FILES_BYTES = 500 * 1024 * 1024;

/** The kinds kept, by extension. SVG and HTML are refused: they could run code if ever opened here. */
export const EVIDENCE_FILE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  txt: 'text/plain',
  csv: 'text/csv',
} as const;
export type EvidenceFileType = (typeof EVIDENCE_FILE_TYPES)[keyof typeof EVIDENCE_FILE_TYPES];
const TYPES = [...new Set(Object.values(EVIDENCE_FILE_TYPES))] as [EvidenceFileType, ...EvidenceFileType[]];

/** Only these are ever shown inside the app (as an <img>); every other kind is downloaded. */
export const PREVIEWABLE: readonly EvidenceFileType[] = ['image/png', 'image/jpeg', 'image/webp'];

export const Sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/));

export const EvidenceFileMetaSchema = z.strictObject({
  /** The name as the person's computer gave it, shown as text only. */
  name: boundedText(255, 'Nom du fichier', true),
  type: z.enum(TYPES),
  size: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_EVIDENCE_FILE_BYTES)),
  sha256: Sha256Schema,
});
export type EvidenceFileMeta = z.infer<typeof EvidenceFileMetaSchema>;

/** A stored file: its bytes and what they are. */
export interface StoredEvidenceFile {
  sha256: string;
  type: EvidenceFileType;
  size: number;
  blob: Blob;
}

export const typeOfName = (name: string): EvidenceFileType | undefined => {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  return extension ? (EVIDENCE_FILE_TYPES as Record<string, EvidenceFileType>)[extension] : undefined;
};

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, text: string) => [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));

/**
 * Whether the first bytes of a file (64 KB are enough) are those of its declared kind. `whole`:
 * the head is the whole file (a text may then not end inside a character).
 */
export function contentMatches(type: EvidenceFileType, head: Uint8Array, whole: boolean): boolean {
  switch (type) {
    case 'application/pdf':
      return ascii(head, 0, '%PDF-');
    case 'image/png':
      return startsWith(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return startsWith(head, 0xff, 0xd8, 0xff);
    case 'image/webp':
      return ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP');
    case 'application/msword':
    case 'application/vnd.ms-excel':
    case 'application/vnd.ms-powerpoint':
      return startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    case 'text/plain':
    case 'text/csv':
      return !head.includes(0) && isUtf8(head, whole);
    default: // the OOXML and OpenDocument formats are ZIP files
      return startsWith(head, 0x50, 0x4b, 0x03, 0x04);
  }
}

/** UTF-8 text; a read cut short may end inside a character (streaming decode allows it there only). */
function isUtf8(head: Uint8Array, whole: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !whole });
    return true;
  } catch {
    return false;
  }
}

export const fileMessages = {
  type: (name: string) =>
    `« ${name} » n’est pas accepté : Diagnum garde les PDF, les images (PNG, JPEG, WebP), les documents bureautiques (Word, Excel, PowerPoint, LibreOffice) et le texte (TXT, CSV).`,
  mismatch: (name: string) => `« ${name} » est refusé : son contenu ne correspond pas à son extension.`,
  tooBig: (name: string, size: number) =>
    `« ${name} » est trop volumineux (${megabytes(size)}) : 50 Mo au plus par fichier.`,
  empty: (name: string) => `« ${name} » est vide.`,
  total: (size: number) => `Les preuves occuperaient ${megabytes(size)} : 500 Mo au plus pour toutes. Supprimez-en ou allégez les fichiers.`,
  space: (size: number, free: number) =>
    `Pas assez de place dans ce navigateur pour ce fichier (${megabytes(size)}, ${megabytes(free)} disponibles) : rien n’a été enregistré. Libérez de l’espace disque ou allégez le fichier.`,
};

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toLocaleString('fr-FR', { maximumFractionDigits: 1 }) : Math.round(mb).toLocaleString('fr-FR')} Mo`;
}

/** Why a chosen file cannot be kept, from its name, size and first bytes; undefined when it can. */
export function fileProblem(name: string, size: number, head: Uint8Array): string | undefined {
  const type = typeOfName(name);
  if (!type) return fileMessages.type(name);
  if (size === 0) return fileMessages.empty(name);
  if (size > MAX_EVIDENCE_FILE_BYTES) return fileMessages.tooBig(name, size);
  return contentMatches(type, head, size <= head.length) ? undefined : fileMessages.mismatch(name);
}

export async function sha256Of(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
