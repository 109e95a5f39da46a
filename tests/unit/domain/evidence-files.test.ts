// The files behind evidence, in the domain: which kinds are kept (by extension), how big, whether
// the bytes are what the name says, their SHA-256, and the record that names a file. Nothing here
// touches the database.
import { describe, expect, it } from 'vitest';
import {
  contentMatches,
  EVIDENCE_FILE_TYPES,
  EvidenceFileMetaSchema,
  fileMessages,
  fileProblem,
  MAX_EVIDENCE_FILE_BYTES,
  MAX_EVIDENCE_FILES_BYTES,
  megabytes,
  PREVIEWABLE,
  sha256Of,
  typeOfName,
  type EvidenceFileType,
} from '../../../src/domain/evidence-files';
import { EvidenceRecordSchema, type EvidenceRecord } from '../../../src/domain/evidence';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';

const encoder = new TextEncoder();
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** Minimal files of each kind: their signature and a few bytes. */
const SAMPLES = {
  pdf: bytes('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  webp: bytes('RIFF', [0x1a, 0, 0, 0], 'WEBPVP8 ', [0x0e, 0, 0, 0, 0x30, 0x01, 0, 0x9d, 0x01, 0x2a, 1, 0, 1, 0]),
  ole: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0, 0, 0, 0, 0, 0, 0, 0]),
  zip: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0], '[Content_Types].xml'),
  txt: encoder.encode('Charte d’usage du numérique, signée en conseil 🎉\n« loRdi » en classe.\n'),
};

const sampleFor = (type: EvidenceFileType): Uint8Array => {
  switch (type) {
    case 'application/pdf':
      return SAMPLES.pdf;
    case 'image/png':
      return SAMPLES.png;
    case 'image/jpeg':
      return SAMPLES.jpeg;
    case 'image/webp':
      return SAMPLES.webp;
    case 'application/msword':
    case 'application/vnd.ms-excel':
    case 'application/vnd.ms-powerpoint':
      return SAMPLES.ole;
    case 'text/plain':
    case 'text/csv':
      return SAMPLES.txt;
    default:
      return SAMPLES.zip;
  }
};

const ACCEPTED_KINDS =
  'Diagnum garde les PDF, les images (PNG, JPEG, WebP), les documents bureautiques (Word, Excel, PowerPoint, LibreOffice) et le texte (TXT, CSV).';

describe('the kinds of file kept', () => {
  it('are known by their extension, in any case', () => {
    const expected: Array<[string, string]> = [
      ['projet.pdf', 'application/pdf'],
      ['photo.png', 'image/png'],
      ['photo.jpg', 'image/jpeg'],
      ['photo.jpeg', 'image/jpeg'],
      ['capture.webp', 'image/webp'],
      ['compte-rendu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['statistiques.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['diaporama.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
      ['compte-rendu.odt', 'application/vnd.oasis.opendocument.text'],
      ['statistiques.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['diaporama.odp', 'application/vnd.oasis.opendocument.presentation'],
      ['ancien.doc', 'application/msword'],
      ['ancien.xls', 'application/vnd.ms-excel'],
      ['ancien.ppt', 'application/vnd.ms-powerpoint'],
      ['notes.txt', 'text/plain'],
      ['export ENT.csv', 'text/csv'],
    ];
    // Every kind of the table is in this list, and nothing else.
    expect(expected.map(([name]) => name.split('.').pop()).sort()).toEqual(Object.keys(EVIDENCE_FILE_TYPES).sort());
    for (const [name, type] of expected) {
      expect(typeOfName(name), name).toBe(type);
      const upper = name.replace(/\.[a-z]+$/, (e) => e.toUpperCase());
      expect(typeOfName(upper), upper).toBe(type);
    }
    expect(typeOfName('Photo.JpEg')).toBe('image/jpeg');
    expect(typeOfName('Charte d’usage v2.final.PDF')).toBe('application/pdf');
  });

  it('are those of the last extension only: none, an unknown one or a hidden one is not a kind', () => {
    for (const name of ['logo.svg', 'page.html', 'page.htm', 'setup.exe', 'sans-extension', 'projet.pdf.exe', 'archive.tar.gz', 'projet.pdf ', 'projet.', 'image.SVG']) {
      expect(typeOfName(name), name).toBeUndefined();
    }
  });

  it('refuse SVG, HTML, an executable and a name with no extension, whatever their bytes', () => {
    for (const name of ['logo.svg', 'page.html', 'setup.exe', 'sans-extension']) {
      expect(fileProblem(name, 100, encoder.encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), name).toBe(
        `« ${name} » n’est pas accepté : ${ACCEPTED_KINDS}`,
      );
    }
    // The kind is checked first: an empty SVG is refused for its kind, not for being empty.
    expect(fileProblem('logo.svg', 0, new Uint8Array())).toBe(fileMessages.type('logo.svg'));
    expect(fileMessages.type('logo.svg')).toBe(`« logo.svg » n’est pas accepté : ${ACCEPTED_KINDS}`);
  });

  it('show images only (never a PDF, an office document or text) inside the app', () => {
    expect([...PREVIEWABLE].sort()).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    expect(PREVIEWABLE).not.toContain('application/pdf');
    expect(PREVIEWABLE).not.toContain('text/plain');
  });
});

describe('a chosen file', () => {
  it('is accepted when its first bytes are those of its kind, for every kind', () => {
    for (const [extension, type] of Object.entries(EVIDENCE_FILE_TYPES)) {
      const sample = sampleFor(type);
      expect(fileProblem(`preuve.${extension}`, sample.length, sample), extension).toBeUndefined();
      expect(contentMatches(type, sample, true), extension).toBe(true);
    }
  });

  it('is refused when empty', () => {
    expect(fileProblem('projet.pdf', 0, new Uint8Array())).toBe('« projet.pdf » est vide.');
    expect(fileProblem('notes.txt', 0, new Uint8Array())).toBe('« notes.txt » est vide.');
  });

  it('is refused over 50 MB, and kept at exactly 50 MB', () => {
    expect(MAX_EVIDENCE_FILE_BYTES).toBe(50 * 1024 * 1024);
    expect(fileProblem('gros.pdf', MAX_EVIDENCE_FILE_BYTES + 1, SAMPLES.pdf)).toBe('« gros.pdf » est trop volumineux (50 Mo) : 50 Mo au plus par fichier.');
    expect(fileProblem('très gros.pdf', 123 * 1024 * 1024, SAMPLES.pdf)).toBe('« très gros.pdf » est trop volumineux (123 Mo) : 50 Mo au plus par fichier.');
    expect(fileProblem('gros.pdf', MAX_EVIDENCE_FILE_BYTES, SAMPLES.pdf)).toBeUndefined();
    // The size is checked before the content.
    expect(fileProblem('gros.pdf', MAX_EVIDENCE_FILE_BYTES + 1, SAMPLES.png)).toBe(fileMessages.tooBig('gros.pdf', MAX_EVIDENCE_FILE_BYTES + 1));
  });

  it('is refused when its content is not that of its extension', () => {
    const mismatch = (name: string) => `« ${name} » est refusé : son contenu ne correspond pas à son extension.`;
    expect(fileProblem('rapport.pdf', SAMPLES.png.length, SAMPLES.png)).toBe(mismatch('rapport.pdf'));
    expect(fileProblem('photo.png', SAMPLES.jpeg.length, SAMPLES.jpeg)).toBe(mismatch('photo.png'));
    expect(fileProblem('photo.jpg', SAMPLES.png.length, SAMPLES.png)).toBe(mismatch('photo.jpg'));
    expect(fileProblem('page.docx', SAMPLES.pdf.length, SAMPLES.pdf)).toBe(mismatch('page.docx'));
    expect(fileProblem('vieux.doc', SAMPLES.zip.length, SAMPLES.zip)).toBe(mismatch('vieux.doc'));
    // An HTML page renamed .txt is text, but an SVG renamed .png is not a PNG.
    const svg = encoder.encode('<svg onload="alert(1)"/>');
    expect(fileProblem('logo.png', svg.length, svg)).toBe(mismatch('logo.png'));
    // WebP: 'RIFF' is not enough, 'WEBP' must follow the size.
    const wave = bytes('RIFF', [0x1a, 0, 0, 0], 'WAVEfmt ');
    expect(fileProblem('capture.webp', wave.length, wave)).toBe(mismatch('capture.webp'));
    // A truncated signature is not the signature.
    expect(fileProblem('photo.png', 4, SAMPLES.png.subarray(0, 4))).toBe(mismatch('photo.png'));
  });

  it('as text, is refused with a NUL byte or invalid UTF-8, and accepted as valid UTF-8', () => {
    const mismatch = (name: string) => `« ${name} » est refusé : son contenu ne correspond pas à son extension.`;
    const withNul = bytes('Nom;Valeur\nA', [0], 'B;2\n');
    expect(fileProblem('export.csv', withNul.length, withNul)).toBe(mismatch('export.csv'));
    // UTF-16 (what Notepad once wrote as "Unicode") has NULs.
    const utf16 = bytes([0xff, 0xfe], 'A', [0], 'B', [0], 'C', [0]);
    expect(fileProblem('notes.txt', utf16.length, utf16)).toBe(mismatch('notes.txt'));
    // Latin-1 (é as 0xE9) and a stray byte, far from the end.
    const latin1 = bytes('Caf', [0xe9], ' du lyc', [0xe9], 'e, charte sign', [0xe9], 'e.\n');
    expect(fileProblem('notes.txt', latin1.length, latin1)).toBe(mismatch('notes.txt'));
    const stray = bytes('A', [0xff], 'BCDEFGH');
    expect(fileProblem('notes.txt', stray.length, stray)).toBe(mismatch('notes.txt'));

    expect(fileProblem('notes.txt', SAMPLES.txt.length, SAMPLES.txt)).toBeUndefined();
    const csv = encoder.encode('\uFEFFCritère;Preuve\r\nA.1;Projet d’établissement\r\n');
    expect(fileProblem('index.csv', csv.length, csv)).toBeUndefined();
  });

  // A whole file read may not end inside a character (only a read cut short may).
  it('as text, is refused with invalid UTF-8 in its last bytes (a whole file, nothing cut)', () => {
    for (const text of [bytes('Bonjour', [0xff]), bytes('Caf', [0xe9]), bytes('A', [0xc3, 0x28], 'B')]) {
      expect(fileProblem('notes.txt', text.length, text)).toBe('« notes.txt » est refusé : son contenu ne correspond pas à son extension.');
    }
  });

  it('as text, is accepted with a character cut by the 64 KB read', () => {
    const head = 65_536;
    for (const character of ['é', '€', '🎉']) {
      const length = encoder.encode(character).length;
      for (let cut = 1; cut < length; cut++) {
        // The character starts `cut` bytes before the end of the read.
        const full = encoder.encode(`${'a'.repeat(head - cut)}${character} et la suite.`);
        const read = full.subarray(0, head);
        expect(read.length).toBe(head);
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(read)).toThrow();
        expect(fileProblem('long.txt', full.length, read), `${character} cut after ${cut}`).toBeUndefined();
      }
    }
  });
});

describe('the size of files, in French', () => {
  it('is written in megabytes, with a comma under 10 and rounded above', () => {
    expect(megabytes(1.5 * 1024 * 1024)).toBe('1,5 Mo');
    expect(megabytes(512 * 1024)).toBe('0,5 Mo');
    expect(megabytes(50 * 1024 * 1024 + 1)).toBe('50 Mo');
    expect(megabytes(1234 * 1024 * 1024)).toBe('1\u202f234 Mo');
  });

  it('over all files together, names the 500 MB limit', () => {
    expect(MAX_EVIDENCE_FILES_BYTES).toBe(500 * 1024 * 1024);
    expect(fileMessages.total(520 * 1024 * 1024)).toBe(
      'Les preuves occuperaient 520 Mo : 500 Mo au plus pour toutes. Supprimez-en ou allégez les fichiers.',
    );
  });
});

describe('the SHA-256 of a file', () => {
  it('is the standard digest, in lower-case hexadecimal', async () => {
    expect(await sha256Of(encoder.encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Of(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('differs when one byte differs', async () => {
    const changed = SAMPLES.pdf.slice();
    changed[20]! ^= 1;
    expect(await sha256Of(changed)).not.toBe(await sha256Of(SAMPLES.pdf));
    expect(await sha256Of(SAMPLES.pdf.slice())).toBe(await sha256Of(SAMPLES.pdf));
  });
});

describe('the evidence that names a file', () => {
  const SHA = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  const meta = { name: 'Charte signée.pdf', type: 'application/pdf', size: 1234, sha256: SHA } as const;
  const record = (changes: Partial<EvidenceRecord> | Record<string, unknown>) => ({
    id: 'evidence-file-0001',
    campaignId: 'campagne-2025-0001',
    kind: 'file',
    file: meta,
    title: 'Charte signée',
    date: null,
    shows: '',
    where: '',
    links: ['label2023.A.1'],
    toReview: false,
    createdAt: Date.UTC(2025, 9, 1),
    updatedAt: Date.UTC(2025, 9, 1),
    schemaVersion: RECORD_SCHEMA_VERSION,
    ...changes,
  });
  const refine = 'Preuve : un fichier est décrit si et seulement si la preuve est un fichier.';

  it('is a file with its description, or a reference with none (the controls)', () => {
    expect(EvidenceRecordSchema.safeParse(record({})).success).toBe(true);
    expect(EvidenceRecordSchema.safeParse(record({ kind: 'reference', file: null })).success).toBe(true);
  });

  it('refuses a file with no description, and a reference with one', () => {
    for (const changes of [{ kind: 'file', file: null }, { kind: 'reference', file: meta }]) {
      const parsed = EvidenceRecordSchema.safeParse(record(changes));
      expect(parsed.success, changes.kind).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message)).toEqual([refine]);
    }
    expect(EvidenceRecordSchema.safeParse(record({ kind: 'lien' })).success).toBe(false);
  });

  it('refuses a description of a kind not kept, empty or too big, or with a hash that is not one', () => {
    expect(EvidenceFileMetaSchema.safeParse(meta).success).toBe(true);
    expect(EvidenceFileMetaSchema.safeParse({ ...meta, size: MAX_EVIDENCE_FILE_BYTES }).success).toBe(true);
    for (const wrong of [
      { type: 'image/svg+xml' },
      { type: 'text/html' },
      { size: 0 },
      { size: MAX_EVIDENCE_FILE_BYTES + 1 },
      { size: 1.5 },
      { sha256: SHA.toUpperCase() },
      { sha256: SHA.slice(1) },
      { sha256: `../${SHA.slice(3)}` },
      { name: '' },
      { extra: true },
    ]) {
      expect(EvidenceFileMetaSchema.safeParse({ ...meta, ...wrong }).success, JSON.stringify(wrong)).toBe(false);
      expect(EvidenceRecordSchema.safeParse(record({ file: { ...meta, ...wrong } })).success, JSON.stringify(wrong)).toBe(false);
    }
  });
});
