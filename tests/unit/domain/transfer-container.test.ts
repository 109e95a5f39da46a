// A Diagnum file with evidence files: a ZIP holding `diagnum.json` and `fichiers/<sha256>`. The
// container the app writes reads back with the same bytes; every hostile container (too many
// entries, a climbing or unexpected name, a name twice, a size that lies, a bomb, no JSON, a damaged
// archive, a hostile JSON, a file missing, changed, of another kind or named by no evidence) is
// refused with its French sentence. Hostile archives are built with fflate and patched by hand.
import { describe, expect, it } from 'vitest';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync, type Zippable } from 'fflate';
import {
  CONTAINER_JSON,
  containerFilePath,
  filesProblem,
  MAX_CONTAINER_BYTES,
  MAX_CONTAINER_ENTRIES,
  readChosen,
  readContainer,
} from '../../../src/domain/transfer/container';
import { writeZip } from '../../../src/domain/export/zip';
import { sha256Of, type EvidenceFileMeta } from '../../../src/domain/evidence-files';
import type { EvidenceRecord } from '../../../src/domain/evidence';
import { serializeFile } from '../../../src/domain/transfer/build';
import { fileMessages, parseFileBytes } from '../../../src/domain/transfer/read-file';
import type { DiagnumFile } from '../../../src/domain/transfer/format';
import type { Checked } from '../../../src/domain/result';
import { backupOf, buildHistory } from '../../fixtures/history';

const encoder = new TextEncoder();
/** Text as UTF-8 bytes of this realm: under jsdom, TextEncoder's arrays fail fflate's `instanceof Uint8Array` (zipSync would take them for folders). */
const utf8 = (text: string) => new Uint8Array(strToU8(text));
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const PDF = bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

function ok<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

/** The sentence of a container refused for `why`. */
const refusal = (why: string) => `Ce fichier est refusé : ${why} Il ne vient pas de Diagnum ou a été modifié. Rien n’a été importé.`;
const absent = (name: string) => `Ce fichier est refusé : le fichier de la preuve « ${name} » en est absent. Rien n’a été importé.`;
const modified = (name: string) => `Ce fichier est refusé : le fichier de la preuve « ${name} » a été modifié ou abîmé. Rien n’a été importé.`;
const EXTRA = 'Ce fichier est refusé : il contient un fichier qu’aucune preuve ne nomme. Rien n’a été importé.';

async function refusedWith(zip: Uint8Array): Promise<string> {
  const result = await readContainer(zip);
  if (result.ok) throw new Error('The container was accepted');
  return result.message;
}

const history = buildHistory({ campaigns: 1 });
let exports = 0;

const metaOf = async (data: Uint8Array, name = 'Charte signée.pdf', type: EvidenceFileMeta['type'] = 'application/pdf'): Promise<EvidenceFileMeta> => ({
  name,
  type,
  size: data.length,
  sha256: await sha256Of(data as Uint8Array<ArrayBuffer>),
});

/** A piece of evidence of the history's campaign, holding a file. */
const fileEvidence = (meta: EvidenceFileMeta, n = 1): EvidenceRecord => ({
  ...history.evidence[1]!,
  id: `evidence-2017-file-${n}`,
  kind: 'file',
  file: meta,
  title: `Charte d’usage signée (${n})`,
  links: ['label2023.A.2'],
});

/** The school's backup with these pieces of evidence added. */
const backupWith = (...evidence: EvidenceRecord[]): DiagnumFile =>
  backupOf({ ...history, evidence: [...history.evidence, ...evidence] }, ++exports);

/** The container as the app writes it (components/backups/exporting.ts): the JSON, then each file once, stored. */
async function appContainer(file: DiagnumFile, files: ReadonlyArray<readonly [string, Uint8Array]>): Promise<Uint8Array> {
  const blob = await writeZip([
    { path: CONTAINER_JSON, data: serializeFile(file) },
    ...files.map(([sha256, data]) => ({ path: containerFilePath(sha256), store: true, data: async () => data })),
  ]);
  return new Uint8Array(await blob.arrayBuffer());
}

/** A ZIP written entry after entry, names as given (twice if asked), each stored or deflated. */
function rawZip(entries: ReadonlyArray<readonly [string, Uint8Array, 'store' | 'deflate']>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data, how] of entries) {
    const entry = how === 'store' ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The local header and central directory entry of each name, from the end of central directory. */
function headersOf(zip: Uint8Array): Map<string, { local: number; central: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let central = view.getUint32(end + 16, true);
  const headers = new Map<string, { local: number; central: number }>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(central, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(central + 28, true);
    const name = new TextDecoder().decode(zip.subarray(central + 46, central + 46 + nameLength));
    const local = view.getUint32(central + 42, true);
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    headers.set(name, { local, central });
    central += 46 + nameLength + view.getUint16(central + 30, true) + view.getUint16(central + 32, true);
  }
  return headers;
}

/** A copy of the archive whose entry `name` declares other sizes or method, in both its headers. */
function patched(zip: Uint8Array, name: string, change: { originalSize?: number; size?: number; method?: number }): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const at = headersOf(copy).get(name);
  if (!at) throw new Error(`No entry ${name}`);
  if (change.originalSize !== undefined) {
    view.setUint32(at.local + 22, change.originalSize, true);
    view.setUint32(at.central + 24, change.originalSize, true);
  }
  if (change.size !== undefined) {
    view.setUint32(at.local + 18, change.size, true);
    view.setUint32(at.central + 20, change.size, true);
  }
  if (change.method !== undefined) {
    view.setUint16(at.local + 8, change.method, true);
    view.setUint16(at.central + 10, change.method, true);
  }
  return copy;
}

const declared = (zip: Uint8Array, name: string) => {
  const at = headersOf(zip).get(name)!;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return { size: view.getUint32(at.central + 20, true), originalSize: view.getUint32(at.central + 24, true) };
};

/** The history's backup with one PDF's evidence, its meta, and the pieces to zip. */
async function withPdf() {
  const meta = await metaOf(PDF);
  const file = backupWith(fileEvidence(meta));
  const json = utf8(serializeFile(file));
  return { meta, file, json, sha: meta.sha256, path: containerFilePath(meta.sha256) };
}

const hex64 = (n: number) => n.toString(16).padStart(64, '0');

describe('the container the app writes', () => {
  it('reads back with the same file, bytes and all', async () => {
    const { file, sha } = await withPdf();
    const zip = await appContainer(file, [[sha, PDF]]);
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const read = ok(await readContainer(zip));
    expect(read.file).toEqual(ok(parseFileBytes(encoder.encode(serializeFile(file)))));
    expect(read.file.data.evidence.filter((e) => e.kind === 'file')).toEqual([fileEvidence(await metaOf(PDF))]);
    expect([...read.files.keys()]).toEqual([sha]);
    expect(Buffer.from(read.files.get(sha)!).equals(Buffer.from(PDF))).toBe(true);
  });

  it('holds a file two pieces of evidence share once, and several kinds of file', async () => {
    const pdf = await metaOf(PDF);
    const png = await metaOf(PNG, 'Salle équipée.PNG', 'image/png');
    const file = backupWith(fileEvidence(pdf, 1), fileEvidence({ ...pdf, name: 'Copie de la charte.pdf' }, 2), fileEvidence(png, 3));
    const read = ok(await readContainer(await appContainer(file, [[pdf.sha256, PDF], [png.sha256, PNG]])));
    expect(read.files).toEqual(new Map([[pdf.sha256, PDF], [png.sha256, PNG]]));
    expect(read.file.data.evidence.filter((e) => e.kind === 'file').map((e) => e.file!.name)).toEqual([
      'Charte signée.pdf',
      'Copie de la charte.pdf',
      'Salle équipée.PNG',
    ]);
  });

  it('may hold no file at all (a backup without file evidence, zipped)', async () => {
    const file = backupWith();
    const read = ok(await readContainer(await appContainer(file, [])));
    expect(read.files.size).toBe(0);
    expect(read.file.data.evidence).toEqual(history.evidence);
  });

  it('is read the same when written by zipSync, deflated or stored (the control of the hostile ones below)', async () => {
    const { json, path, sha } = await withPdf();
    for (const level of [0, 6] as const) {
      const read = ok(await readContainer(zipSync({ [CONTAINER_JSON]: [json, { level }], [path]: [PDF, { level }] })));
      expect(read.files).toEqual(new Map([[sha, PDF]]));
    }
    ok(await readContainer(rawZip([[CONTAINER_JSON, json, 'deflate'], [path, PDF, 'store']])));
  });
});

describe('a hostile container', () => {
  it(`is refused with more than ${MAX_CONTAINER_ENTRIES} entries, before anything is inflated`, async () => {
    const { json, path } = await withPdf();
    const tiny = utf8('x');
    const many = (count: number): Zippable => {
      const tree: Zippable = { [CONTAINER_JSON]: [json, { level: 0 }], [path]: [PDF, { level: 0 }] };
      for (let i = 0; i < count - 2; i++) tree[containerFilePath(hex64(i + 1))] = [tiny, { level: 0 }];
      return tree;
    };
    expect(MAX_CONTAINER_ENTRIES).toBe(2001);
    expect(await refusedWith(zipSync(many(2002)))).toBe(refusal('il contient 2\u202f002 éléments, bien plus qu’un dossier Diagnum.'));
    // 2,001 pass the count: the files no evidence names are what is refused then.
    expect(await refusedWith(zipSync(many(2001)))).toBe(EXTRA);
  });

  it('is refused with an entry of an unexpected name: climbing, absolute, hidden or anything else', async () => {
    const { json, path, sha } = await withPdf();
    const names = [
      '../evil',
      '/abs',
      '/etc/passwd',
      'fichiers/../x',
      `fichiers/../${CONTAINER_JSON}`,
      `../${path}`,
      `./${CONTAINER_JSON}`,
      `fichiers/${sha.toUpperCase()}`,
      `fichiers/${sha}/`,
      `fichiers/${sha}.pdf`,
      `fichiers/${sha.slice(1)}`,
      `${path}\\..\\x`,
      'fichiers\\x',
      'fichiers/',
      'Diagnum.JSON',
      'autre.txt',
      `__MACOSX/${CONTAINER_JSON}`,
    ];
    for (const name of names) {
      const zip = rawZip([[CONTAINER_JSON, json, 'deflate'], [path, PDF, 'store'], [name, utf8('x'), 'store']]);
      expect(await refusedWith(zip), name).toBe(refusal(`il contient un élément inattendu (« ${name} »).`));
    }
    // A long name is cut at 80 characters in the sentence.
    const long = `fichiers/${'a'.repeat(100)}`;
    expect(await refusedWith(rawZip([[CONTAINER_JSON, json, 'deflate'], [long, PDF, 'store']]))).toBe(
      refusal(`il contient un élément inattendu (« ${long.slice(0, 80)} »).`),
    );
  });

  it('is refused with the same name twice (a second JSON or a second copy of a file)', async () => {
    const { json, path } = await withPdf();
    const other = utf8(serializeFile(backupWith()));
    expect(await refusedWith(rawZip([[CONTAINER_JSON, json, 'deflate'], [path, PDF, 'store'], [CONTAINER_JSON, other, 'deflate']]))).toBe(
      refusal(`l’élément « ${CONTAINER_JSON} » y figure deux fois.`),
    );
    expect(await refusedWith(rawZip([[CONTAINER_JSON, json, 'deflate'], [path, PDF, 'store'], [path, PNG, 'store']]))).toBe(
      refusal(`l’élément « ${path} » y figure deux fois.`),
    );
    // The control: each once is accepted.
    ok(await readContainer(rawZip([[CONTAINER_JSON, json, 'deflate'], [path, PDF, 'store']])));
  });

  it('is refused when an entry announces a size over its limit (5 MB for the JSON, 50 MB a file)', async () => {
    const { json, path } = await withPdf();
    const zip = zipSync({ [CONTAINER_JSON]: [json, { level: 0 }], [path]: [PDF, { level: 0 }] });
    // Stored entries: the compressed size follows, so that no ratio is at stake.
    expect(await refusedWith(patched(zip, path, { originalSize: 50 * 1024 * 1024 + 1, size: 50 * 1024 * 1024 + 1 }))).toBe(
      refusal(`l’élément « ${path} » annonce une taille excessive.`),
    );
    expect(await refusedWith(patched(zip, CONTAINER_JSON, { originalSize: 5 * 1024 * 1024 + 1, size: 5 * 1024 * 1024 + 1 }))).toBe(
      refusal(`l’élément « ${CONTAINER_JSON} » annonce une taille excessive.`),
    );
    // The control: patched to the sizes it has, it is accepted.
    ok(await readContainer(patched(zip, path, { originalSize: PDF.length, size: PDF.length })));
  });

  it('is refused when its entries together announce more than all evidence files may take', async () => {
    const { json } = await withPdf();
    const tree: Zippable = { [CONTAINER_JSON]: [json, { level: 0 }] };
    for (let i = 1; i <= 11; i++) tree[containerFilePath(hex64(i))] = [utf8('x'), { level: 0 }];
    let zip = zipSync(tree);
    // Eleven files of 50 MB each (stored, ratio 1): each within its limit, 550 MB together.
    for (let i = 1; i <= 11; i++) zip = patched(zip, containerFilePath(hex64(i)), { originalSize: 50 * 1024 * 1024, size: 50 * 1024 * 1024 });
    expect(11 * 50 * 1024 * 1024).toBeGreaterThan(MAX_CONTAINER_BYTES);
    expect(await refusedWith(zip)).toBe(refusal('son contenu décompressé serait démesuré.'));
  });

  it('is refused when an entry of more than 1 MB inflates over a hundred times (a bomb), before inflating it', async () => {
    const { json, path } = await withPdf();
    const zeros = new Uint8Array(5 * 1024 * 1024);
    const bomb = zipSync({ [CONTAINER_JSON]: json, [path]: [zeros, { level: 9 }] });
    const { size, originalSize } = declared(bomb, path);
    expect(originalSize).toBe(5 * 1024 * 1024);
    expect(originalSize / size).toBeGreaterThan(100);
    expect(await refusedWith(bomb)).toBe(refusal(`l’élément « ${path} » se décompresse démesurément (bombe de décompression).`));
    // The same in the JSON's place.
    const jsonBomb = zipSync({ [CONTAINER_JSON]: [zeros, { level: 9 }] });
    expect(await refusedWith(jsonBomb)).toBe(refusal(`l’élément « ${CONTAINER_JSON} » se décompresse démesurément (bombe de décompression).`));
    // The control: 1.5 MB of varied bytes (a ratio near 1) passes the list, then is checked against its evidence.
    const noise = new Uint8Array(1.5 * 1024 * 1024);
    let seed = 7;
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    expect(await refusedWith(zipSync({ [CONTAINER_JSON]: json, [path]: [noise, { level: 6 }] }))).toBe(modified('Charte signée.pdf'));
  });

  it('is refused without diagnum.json, and when empty', async () => {
    const { path } = await withPdf();
    expect(await refusedWith(zipSync({ [path]: PDF }))).toBe(refusal(`il ne contient pas « ${CONTAINER_JSON} ».`));
    expect(await refusedWith(zipSync({}))).toBe(refusal(`il ne contient pas « ${CONTAINER_JSON} ».`));
  });

  it('is refused when the archive is damaged: cut, its data spoilt, an unknown compression', async () => {
    const { json, path } = await withPdf();
    const zip = zipSync({ [CONTAINER_JSON]: [json, { level: 6 }], [path]: [PDF, { level: 0 }] });
    const damaged = refusal('l’archive est abîmée.');
    // Cut: no end of central directory.
    expect(await refusedWith(zip.subarray(0, zip.length - 30))).toBe(damaged);
    expect(await refusedWith(zip.subarray(0, 200))).toBe(damaged);
    expect(await refusedWith(bytes([0x50, 0x4b, 0x03, 0x04], 'pas une archive'))).toBe(damaged);
    // The JSON's deflate data starts with an invalid block type (binary 11).
    const spoilt = zip.slice();
    const { local } = headersOf(zip).get(CONTAINER_JSON)!;
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    spoilt[local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)] = 0xff;
    expect(await refusedWith(spoilt)).toBe(damaged);
    // bzip2 (12): a compression Diagnum does not write.
    expect(await refusedWith(patched(zip, CONTAINER_JSON, { method: 12 }))).toBe(damaged);
  });

  it('is refused when an entry inflates to another size than it announces', async () => {
    const { json, path } = await withPdf();
    const zip = zipSync({ [CONTAINER_JSON]: [json, { level: 6 }], [path]: [PDF, { level: 0 }] });
    // Deflated, announced bigger than it is.
    expect(await refusedWith(patched(zip, CONTAINER_JSON, { originalSize: json.length + 10 }))).toBe(
      refusal(`l’élément « ${CONTAINER_JSON} » n’a pas la taille annoncée.`),
    );
    // Stored, announced bigger or smaller than it is.
    for (const originalSize of [PDF.length + 1, PDF.length - 1]) {
      expect(await refusedWith(patched(zip, path, { originalSize })), String(originalSize)).toBe(refusal(`l’élément « ${path} » n’a pas la taille annoncée.`));
    }
    // Deflated, announced smaller: cut to what it announces (fflate fills a buffer of that size), then refused as a broken JSON.
    expect(await refusedWith(patched(zip, CONTAINER_JSON, { originalSize: json.length - 10 }))).toBe(fileMessages.notJson);
  });

  it('is refused when its JSON is not a Diagnum file', async () => {
    const { path } = await withPdf();
    const withJson = (text: string) => zipSync({ [CONTAINER_JSON]: utf8(text), [path]: PDF });
    expect(await refusedWith(withJson('{"format": "diagnum", '))).toBe(fileMessages.notJson);
    expect(await refusedWith(withJson('{"format":"diagnum","__proto__":{"x":1}}'))).toBe(fileMessages.hostileKey('__proto__'));
    expect(await refusedWith(withJson('{"name":"autre application"}'))).toBe(fileMessages.otherApp);
    expect(await refusedWith(withJson('  \n'))).toBe(fileMessages.empty);
    expect(await refusedWith(zipSync({ [CONTAINER_JSON]: bytes('{"format":"diagnum",', [0xff, 0xfe], '}'), [path]: PDF }))).toBe(fileMessages.notUtf8);
  });
});

describe('the files of a container against its evidence', () => {
  it('refuses a file the evidence names that is absent', async () => {
    const { json } = await withPdf();
    expect(await refusedWith(zipSync({ [CONTAINER_JSON]: json }))).toBe(absent('Charte signée.pdf'));
  });

  it('refuses bytes whose SHA-256 or size is not the one named', async () => {
    const { meta, json, path } = await withPdf();
    // Same size, one byte changed.
    const changed = PDF.slice();
    changed[10]! ^= 0x20;
    expect(changed.length).toBe(meta.size);
    expect(await refusedWith(zipSync({ [CONTAINER_JSON]: json, [path]: changed }))).toBe(modified('Charte signée.pdf'));
    // The hash right, the size named wrong.
    const wrongSize = utf8(serializeFile(backupWith(fileEvidence({ ...meta, size: meta.size + 1 }))));
    expect(await refusedWith(zipSync({ [CONTAINER_JSON]: wrongSize, [path]: PDF }))).toBe(modified('Charte signée.pdf'));
    // Another file under the name of the PDF.
    expect(await refusedWith(zipSync({ [CONTAINER_JSON]: json, [path]: PNG }))).toBe(modified('Charte signée.pdf'));
  });

  it('refuses a file whose content is not of the type its evidence declares', async () => {
    // The hash and the size are right: the PDF's bytes, declared a PNG image.
    const meta = await metaOf(PDF, 'Salle équipée.png', 'image/png');
    const file = backupWith(fileEvidence(meta));
    expect(await refusedWith(await appContainer(file, [[meta.sha256, PDF]]))).toBe(
      'Ce fichier est refusé : le contenu du fichier « Salle équipée.png » ne correspond pas à son type. Rien n’a été importé.',
    );
  });

  it('refuses a file no evidence names', async () => {
    const { file, sha } = await withPdf();
    const png = await sha256Of(PNG);
    expect(await refusedWith(await appContainer(file, [[sha, PDF], [png, PNG]]))).toBe(EXTRA);
    expect(await refusedWith(await appContainer(backupWith(), [[png, PNG]]))).toBe(EXTRA);
  });

  it('filesProblem says nothing for exactly the files named (the control)', async () => {
    const { file, sha } = await withPdf();
    expect(await filesProblem(file, new Map([[sha, PDF]]))).toBeUndefined();
    expect(await filesProblem(file, new Map())).toBe(absent('Charte signée.pdf'));
    expect(await filesProblem(backupWith(), new Map())).toBeUndefined();
  });
});

describe('a file chosen for import', () => {
  it('as plain JSON, is read when it names no file, and refused when its evidence names one', async () => {
    const plain = new File([serializeFile(backupWith())], 'diagnum-sauvegarde-2026-10-05.json', { type: 'application/json' });
    const read = ok(await readChosen(plain));
    expect(read.files.size).toBe(0);
    expect(read.file.data.evidence).toEqual(history.evidence);

    const { file } = await withPdf();
    const naming = new File([serializeFile(file)], 'diagnum-sauvegarde-2026-10-05.json', { type: 'application/json' });
    expect(await readChosen(naming)).toEqual({ ok: false, message: absent('Charte signée.pdf') });
  });

  it('as a container, is read with its files', async () => {
    const { file, sha } = await withPdf();
    const zip = await appContainer(file, [[sha, PDF]]);
    const chosen = new File([zip as Uint8Array<ArrayBuffer>], 'diagnum-sauvegarde-2026-10-05.zip', { type: 'application/zip' });
    const read = ok(await readChosen(chosen));
    expect(read.file).toEqual(ok(parseFileBytes(encoder.encode(serializeFile(file)))));
    expect(read.files).toEqual(new Map([[sha, PDF]]));
    // Recognised by its bytes, not its name.
    const renamed = new File([zip as Uint8Array<ArrayBuffer>], 'sauvegarde.json');
    expect(ok(await readChosen(renamed)).files).toEqual(new Map([[sha, PDF]]));
  });

  it('is refused when empty, and a container when too big, before it is read', async () => {
    expect(await readChosen(new File([], 'vide.zip'))).toEqual({ ok: false, message: fileMessages.empty });
    const huge = {
      name: 'énorme.zip',
      size: MAX_CONTAINER_BYTES + 1,
      slice: () => ({ arrayBuffer: async () => bytes([0x50, 0x4b, 0x03, 0x04]).buffer }),
      arrayBuffer: async (): Promise<ArrayBuffer> => {
        throw new Error('read whole');
      },
    };
    expect(await readChosen(huge)).toEqual({ ok: false, message: refusal('il est trop volumineux.') });
    // A JSON file over its own limit keeps its own sentence.
    const bigJson = { ...huge, name: 'énorme.json', size: 6 * 1024 * 1024, slice: () => ({ arrayBuffer: async () => utf8('{"fo').buffer }) };
    expect(await readChosen(bigJson)).toEqual({ ok: false, message: fileMessages.tooLarge(6 * 1024 * 1024) });
  });
});
