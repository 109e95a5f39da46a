// A Diagnum file with evidence files: a ZIP holding `diagnum.json` (the file as a JSON file would
// hold it) and `fichiers/<sha256>` (each file once, named by its content). Everything is checked
// before anything is inflated or written: a hostile container (a bomb, a climbing or colliding
// name, thousands of entries, a missing or hostile JSON, a file that is not what it says) is
// refused with a French sentence, and the database stays as it was.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { accepted, refused, type Checked } from '../result';
import { contentMatches, MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_FILES_BYTES, sha256Of } from '../evidence-files';
import { MAX_FILE_BYTES, type DiagnumFile } from './format';
import { fileMessages, parseFileBytes, readChosenFile, type ChosenFile } from './read-file';
import { serializeFile } from './build';
import { writeZip } from '../export/zip';

export const CONTAINER_JSON = 'diagnum.json';
export const containerFilePath = (sha256: string) => `fichiers/${sha256}`;
const FILE_PATH = /^fichiers\/([0-9a-f]{64})$/;
/** One JSON and the files of a dossier: a few hundred at most. */
export const MAX_CONTAINER_ENTRIES = 2_001;
export const MAX_CONTAINER_BYTES = MAX_EVIDENCE_FILES_BYTES + MAX_FILE_BYTES;
/** Deflate rarely shrinks more than 10 times; a bomb shrinks a thousand times. */
const MAX_RATIO = 100;

export interface ReadFile {
  file: DiagnumFile;
  /** The evidence files it brings, by content. */
  files: Map<string, Uint8Array>;
}

/** Evidence files named by the file, each once. */
export const filesNamed = (file: DiagnumFile): string[] => [...new Set(file.data.evidence.flatMap((e) => (e.file ? [e.file.sha256] : [])))];

/** The container of a file with evidence files: its JSON, then each file once, its bytes read when its turn comes. */
export function writeContainer(file: DiagnumFile, bytesOf: (sha256: string) => Promise<Uint8Array>): Promise<Blob> {
  return writeZip([
    { path: CONTAINER_JSON, data: serializeFile(file) },
    ...filesNamed(file).map((sha256) => ({ path: containerFilePath(sha256), store: true, data: () => bytesOf(sha256) })),
  ]);
}

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const refusal = (why: string) => refused(`Ce fichier est refusé : ${why} Il ne vient pas de Diagnum ou a été modifié. Rien n’a été importé.`);

/** The entries as the archive declares them, checked before any is inflated. */
function listProblem(entries: readonly UnzipFileInfo[]): string | undefined {
  if (entries.length > MAX_CONTAINER_ENTRIES) return `il contient ${entries.length.toLocaleString('fr-FR')} éléments, bien plus qu’un dossier Diagnum.`;
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (entry.name !== CONTAINER_JSON && !FILE_PATH.test(entry.name)) return `il contient un élément inattendu (« ${entry.name.slice(0, 80)} »).`;
    if (seen.has(entry.name.toLowerCase())) return `l’élément « ${entry.name} » y figure deux fois.`;
    seen.add(entry.name.toLowerCase());
    const limit = entry.name === CONTAINER_JSON ? MAX_FILE_BYTES : MAX_EVIDENCE_FILE_BYTES;
    if (entry.originalSize > limit) return `l’élément « ${entry.name} » annonce une taille excessive.`;
    if (entry.originalSize > 1024 * 1024 && entry.originalSize > entry.size * MAX_RATIO) return `l’élément « ${entry.name} » se décompresse démesurément (bombe de décompression).`;
    total += entry.originalSize;
  }
  if (total > MAX_CONTAINER_BYTES) return 'son contenu décompressé serait démesuré.';
  if (!seen.has(CONTAINER_JSON)) return `il ne contient pas « ${CONTAINER_JSON} ».`;
  return undefined;
}

/** Reads a container: its list checked, then inflated, then its JSON and every file checked. */
export async function readContainer(bytes: Uint8Array): Promise<Checked<ReadFile>> {
  if (bytes.length > MAX_CONTAINER_BYTES) return refusal('il est trop volumineux.');
  const entries: UnzipFileInfo[] = [];
  let inflated: Record<string, Uint8Array>;
  try {
    unzipSync(bytes, { filter: (entry) => (entries.push(entry), false) });
    const problem = listProblem(entries);
    if (problem) return refusal(problem);
    inflated = unzipSync(bytes);
  } catch {
    return refusal('l’archive est abîmée.');
  }
  for (const entry of entries) {
    // A size that lies: the inflated bytes must be exactly those announced.
    if (inflated[entry.name]?.length !== entry.originalSize) return refusal(`l’élément « ${entry.name} » n’a pas la taille annoncée.`);
  }
  const json = parseFileBytes(inflated[CONTAINER_JSON]!);
  if (!json.ok) return json;
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(inflated)) {
    const sha256 = FILE_PATH.exec(name)?.[1];
    if (sha256) files.set(sha256, data);
  }
  const problem = await filesProblem(json.value, files);
  return problem ? refused(problem) : accepted({ file: json.value, files });
}

/** Whether the files brought are exactly those the evidence names, each what it says it is. */
export async function filesProblem(file: DiagnumFile, files: ReadonlyMap<string, Uint8Array>): Promise<string | undefined> {
  const named = new Map(file.data.evidence.flatMap((e) => (e.file ? [[e.file.sha256, e.file] as const] : [])));
  for (const [sha256, meta] of named) {
    const data = files.get(sha256);
    if (!data) return `Ce fichier est refusé : le fichier de la preuve « ${meta.name} » en est absent. Rien n’a été importé.`;
    if (data.length !== meta.size || (await sha256Of(data as Uint8Array<ArrayBuffer>)) !== sha256) {
      return `Ce fichier est refusé : le fichier de la preuve « ${meta.name} » a été modifié ou abîmé. Rien n’a été importé.`;
    }
    if (!contentMatches(meta.type, data.subarray(0, 65_536), data.length <= 65_536)) {
      return `Ce fichier est refusé : le contenu du fichier « ${meta.name} » ne correspond pas à son type. Rien n’a été importé.`;
    }
  }
  for (const sha256 of files.keys()) {
    if (!named.has(sha256)) return 'Ce fichier est refusé : il contient un fichier qu’aucune preuve ne nomme. Rien n’a été importé.';
  }
  return undefined;
}

/** A file chosen for import: a Diagnum JSON file, or a container with evidence files. */
export async function readChosen(chosen: ChosenFile): Promise<Checked<ReadFile>> {
  if (chosen.size === 0) return refused(fileMessages.empty);
  const head = new Uint8Array(await (chosen.slice ? chosen.slice(0, 4) : chosen).arrayBuffer()).subarray(0, 4);
  if (isZip(head)) {
    if (chosen.size > MAX_CONTAINER_BYTES) return refusal('il est trop volumineux.');
    return readContainer(new Uint8Array(await chosen.arrayBuffer()));
  }
  const json = await readChosenFile(chosen); // its size checked before it is read
  if (!json.ok) return json;
  // A JSON file holds no bytes: evidence that names a file needs its container.
  const problem = await filesProblem(json.value, new Map());
  return problem ? refused(problem) : accepted({ file: json.value, files: new Map() });
}
