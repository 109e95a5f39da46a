// Reading a chosen file: every refusal, with the French sentence the user sees (reliability.md 3.1,
// hostile files). Nothing here touches the database: a file is read, checked and refused before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fileMessages,
  parseFileBytes,
  readChosenFile,
  type ChosenFile,
} from '../../../src/domain/transfer/read-file';
import { backupFile, fileNameFor, serializeFile } from '../../../src/domain/transfer/build';
import { FORMAT_VERSION, MAX_FILE_BYTES, type DiagnumFile } from '../../../src/domain/transfer/format';
import { upgradeRecords, type RecordStep } from '../../../src/domain/transfer/record-upgrades';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import { checkAnswerValue } from '../../../src/domain/answers';
import { findItem } from '../../../src/referentiels';
import {
  allItems,
  backupOf,
  buildHistory,
  campaignFileOf,
  contributionOf,
  figuresIn,
  stamp,
} from '../../fixtures/history';

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);
const history = buildHistory({ campaigns: 2 });
const [first, second] = history.campaigns as [(typeof history.campaigns)[0], (typeof history.campaigns)[0]];

/** A valid backup, as plain JSON to mutate. */
function backupJson(): Record<string, any> {
  return JSON.parse(serializeFile(backupOf(history, 1)));
}
const textOf = (json: unknown) => JSON.stringify(json, null, 2);

function refusal(input: Uint8Array | string, what = 'The file'): string {
  const result = parseFileBytes(typeof input === 'string' ? bytes(input) : input);
  if (result.ok) throw new Error(`${what} was accepted`);
  expect(result.message).toMatch(/^Ce fichier /);
  return result.message;
}

function accepted(input: Uint8Array | string): DiagnumFile {
  const result = parseFileBytes(typeof input === 'string' ? bytes(input) : input);
  if (!result.ok) throw new Error(`Refused: ${result.message}`);
  return result.value;
}

/** A file the user picked; `arrayBuffer` can be made to fail, to prove it was never called. */
function chosen(content: Uint8Array, size = content.length, readable = true): ChosenFile & { reads: number } {
  const file = {
    name: 'diagnum.json',
    size,
    reads: 0,
    arrayBuffer: async () => {
      file.reads++;
      if (!readable) throw new Error('arrayBuffer() must not be called');
      return content.slice().buffer;
    },
  };
  return file;
}

/** Replaces the first `"key": ` of the text by `hostile, "key": ` (raw text: a JS object literal would set a prototype). */
function inject(text: string, before: string, hostile: string): string {
  const at = text.indexOf(before);
  if (at < 0) throw new Error(`${before} not found`);
  return `${text.slice(0, at)}${hostile}, ${text.slice(at)}`;
}

let prototypeKeys: string[];
beforeEach(() => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterEach(() => {
  // No file, accepted or refused, may leave anything on Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

describe('the history fixture', () => {
  it('answers every item of the three documents, with values that fit them and the 3.1 figures', () => {
    const big = buildHistory({ campaigns: 10 });
    expect(big.campaigns.map((c) => c.date.slice(0, 4))).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    const items = allItems();
    expect(items).toHaveLength(80 + 19 + 59);
    for (const campaign of big.campaigns) {
      const answers = big.answers.filter((a) => a.campaignId === campaign.id);
      expect(answers.map((a) => a.itemId)).toEqual(items.map((i) => i.id));
      const figures = figuresIn(big, campaign.id);
      expect(Object.keys(figures)).toHaveLength(5);
      for (const answer of answers) {
        const checked = checkAnswerValue(findItem(answer.itemId)!.item, answer.value, figures);
        expect(checked.ok, `${answer.itemId}: ${checked.ok ? '' : checked.message}`).toBe(true);
      }
    }
    const kinds = new Set(big.answers.map((a) => a.value?.kind));
    expect([...kinds].sort()).toEqual(
      ['band', 'checklist', 'date', 'level', 'not-applicable', 'number', 'percentage', 'service-matrix', 'usage-counts', 'yes-no'].sort(),
    );
    expect(big.answers.some((a) => a.comment.includes('<script>'))).toBe(true);
    expect(big.answers.some((a) => /\p{Extended_Pictographic}/u.test(a.comment))).toBe(true);
    // A ten-year history stays far under the size limit.
    expect(serializeFile(backupOf(big)).length).toBeLessThan(MAX_FILE_BYTES / 4);
  });

  it('is deterministic, and every file built from it is read back as it was written', () => {
    expect(serializeFile(backupOf(buildHistory({ campaigns: 2 }), 1))).toBe(serializeFile(backupOf(history, 1)));
    const files = [
      backupOf(history, 1),
      campaignFileOf(history, second.id, 2),
      contributionOf(history, { campaignId: second.id, contributor: 'M. Durand', sections: ['dgesco2010.s3.1', 'occitanie.s2'], n: 3 }),
    ];
    for (const file of files) expect(accepted(serializeFile(file))).toEqual(file);
  });
});

describe('reading a file: what is refused, and the sentence that says why', () => {
  it('refuses an empty file, from its size, without reading it', async () => {
    const file = chosen(new Uint8Array(0), 0, false);
    expect(await readChosenFile(file)).toEqual({ ok: false, message: fileMessages.empty });
    expect(file.reads).toBe(0);
    expect(refusal(new Uint8Array(0))).toBe(fileMessages.empty);
    expect(refusal(' \n\t ')).toBe(fileMessages.empty);
    expect(fileMessages.empty).toBe('Ce fichier est vide : il ne contient aucune donnée Diagnum.');
  });

  it('refuses a file that is too large from its size, before arrayBuffer() is called', async () => {
    const file = chosen(new Uint8Array(0), MAX_FILE_BYTES + 1, false);
    const result = await readChosenFile(file);
    expect(file.reads).toBe(0);
    expect(result).toEqual({ ok: false, message: fileMessages.tooLarge(MAX_FILE_BYTES + 1) });
    expect(fileMessages.tooLarge(MAX_FILE_BYTES + 1)).toBe(
      'Ce fichier est trop volumineux (5 Mo) : Diagnum accepte des fichiers de 5 Mo au plus. Une sauvegarde Diagnum pèse bien moins ; vérifiez qu’il s’agit du bon fichier.',
    );
    const huge = await readChosenFile(chosen(new Uint8Array(0), 1.5 * 1024 ** 3, false));
    expect(huge).toMatchObject({ ok: false, message: expect.stringMatching(/\(1\s536 Mo\)/u) });
    // Bytes that got past a wrong size are measured again.
    expect(refusal(new Uint8Array(MAX_FILE_BYTES + 1))).toBe(fileMessages.tooLarge(MAX_FILE_BYTES + 1));
  });

  it('reads a file of exactly the size limit, and a real File (Blob) chosen in the page', async () => {
    const text = serializeFile(backupOf(history, 1));
    const padded = text + ' '.repeat(MAX_FILE_BYTES - bytes(text).length);
    expect(bytes(padded).length).toBe(MAX_FILE_BYTES);
    expect(accepted(padded).exportId).toBe(stamp(1).exportId);
    const file = new File([text], 'diagnum-sauvegarde-2026-10-05.json', { type: 'application/json' });
    const read = await readChosenFile(file);
    expect(read.ok && read.value.data.answers).toHaveLength(history.answers.length);
  });

  it('refuses a truncated file', () => {
    const text = serializeFile(backupOf(history, 1));
    for (const at of [1, 100, Math.floor(text.length / 2), text.length - 3]) {
      expect(refusal(text.slice(0, at))).toBe(fileMessages.notJson);
    }
    expect(fileMessages.notJson).toBe('Ce fichier n’est pas un fichier Diagnum valide : son contenu est incomplet ou abîmé (JSON illisible).');
  });

  it('refuses a file re-saved in UTF-16, little-endian with and without a byte order mark, or big-endian', () => {
    const text = serializeFile(backupOf(history, 1));
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff;
      le[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const be = le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!);
    const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);
    expect(refusal(withBom([0xff, 0xfe], le))).toBe(fileMessages.utf16);
    expect(refusal(le)).toBe(fileMessages.utf16);
    expect(refusal(withBom([0xfe, 0xff], be))).toBe(fileMessages.utf16);
    expect(refusal(be)).toBe(fileMessages.utf16);
    expect(fileMessages.utf16).toBe(
      'Ce fichier est encodé en UTF-16 (« Unicode »), pas en UTF-8 : il a sans doute été réenregistré par un autre logiciel. Importez le fichier tel que Diagnum l’a exporté.',
    );
  });

  it('refuses bytes that are not UTF-8 (Latin-1 accents, an overlong sequence, an encoded lone surrogate)', () => {
    const text = serializeFile(backupOf(history, 1));
    const latin1 = Uint8Array.from(text.replaceAll('’', "'").replaceAll('–', '-').replaceAll('«', '"').replaceAll('»', '"'), (c) => c.charCodeAt(0) & 0xff);
    expect(refusal(latin1)).toBe(fileMessages.notUtf8);
    const good = bytes(text);
    const at = good.indexOf(0x22, 10); // a quote, inside the first line's key
    for (const sequence of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xe2, 0x82]]) {
      expect(refusal(new Uint8Array([...good.slice(0, at), ...sequence, ...good.slice(at)]))).toBe(fileMessages.notUtf8);
    }
    expect(fileMessages.notUtf8).toBe('Ce fichier n’est pas un texte UTF-8 : ce n’est pas un fichier exporté par Diagnum.');
  });

  it('accepts a UTF-8 byte order mark (Windows Notepad adds one)', () => {
    const file = accepted(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(serializeFile(backupOf(history, 1)))]));
    expect(file).toEqual(backupOf(history, 1));
  });

  it('refuses a file of another application, and JSON that is not an object', () => {
    const otherApp = 'Ce fichier ne vient pas de Diagnum (il vient sans doute d’une autre application).';
    expect(fileMessages.otherApp).toBe(otherApp);
    expect(refusal('{"type":"excalidraw","version":2,"elements":[]}')).toBe(otherApp);
    expect(refusal(textOf({ ...backupJson(), format: 'diagnum-pro' }))).toBe(otherApp);
    const { format: _format, ...noName } = backupJson();
    expect(refusal(textOf(noName))).toBe(otherApp);
    for (const json of ['null', '42', '"diagnum"', '[{"format":"diagnum"}]', 'true']) expect(refusal(json)).toBe(otherApp);
  });

  it('refuses a file of a newer format, telling to update Diagnum', () => {
    const message = refusal(textOf({ ...backupJson(), formatVersion: FORMAT_VERSION + 1 }));
    expect(message).toBe(fileMessages.newer(FORMAT_VERSION + 1));
    expect(message).toBe(
      `Ce fichier a été exporté par une version plus récente de Diagnum (format ${FORMAT_VERSION + 1}). Mettez Diagnum à jour (rechargez la page en ligne), puis importez-le à nouveau.`,
    );
    expect(refusal(textOf({ ...backupJson(), formatVersion: 1e300 }))).toBe(fileMessages.newer(1e300));
  });

  it('refuses a format version that is not a whole number from 1', () => {
    const message = 'Ce fichier Diagnum indique une version de format invalide.';
    expect(fileMessages.badVersion).toBe(message);
    for (const version of [0, -1, 1.5, '1', null, [1], { v: 1 }]) {
      expect(refusal(textOf({ ...backupJson(), formatVersion: version }))).toBe(message);
    }
    const { formatVersion: _v, ...none } = backupJson();
    expect(refusal(textOf(none))).toBe(message);
  });

  it('refuses a value of the wrong type, naming the record and the field', () => {
    const json = backupJson();
    json.data.answers[4].toCheck = 'oui';
    expect(refusal(textOf(json))).toBe('Ce fichier est refusé : la réponse n° 5 (toCheck) n’est pas valide (valeur inattendue).');
    const json2 = backupJson();
    json2.data.campaigns[1].members = 'Mme Martin';
    expect(refusal(textOf(json2))).toBe('Ce fichier est refusé : la campagne n° 2 (members) n’est pas valide (valeur inattendue).');
    const json3 = backupJson();
    json3.exportedAt = 'hier';
    expect(refusal(textOf(json3))).toBe('Ce fichier est refusé : l’en-tête du fichier (exportedAt) n’est pas valide (valeur inattendue).');
    const json4 = backupJson();
    json4.data.sectionNotes = {};
    expect(refusal(textOf(json4))).toBe('Ce fichier est refusé : la note de partie n’est pas valide (valeur inattendue).');
    const json5 = backupJson();
    json5.data.answers[0].extra = 1;
    expect(refusal(textOf(json5))).toBe('Ce fichier est refusé : la réponse n° 1 n’est pas valide (valeur inattendue).');
    expect(refusal(textOf({ ...backupJson(), extra: true }))).toBe('Ce fichier est refusé : le fichier n’est pas valide (valeur inattendue).');
  });

  it('refuses values out of range, with the check’s own French reason', () => {
    const answerAt = (json: Record<string, any>, itemId: string) =>
      json.data.answers.findIndex((a: { itemId: string; campaignId: string }) => a.itemId === itemId && a.campaignId === first.id);
    const cases: Array<[string, (value: Record<string, any>) => void, string]> = [
      ['dgesco2010.3.6.3.a13', (v) => (v.value = 150), 'Un pourcentage est compris entre 0 et 100.'],
      ['dgesco2010.3.1.teachers', (v) => (v.value = -3), 'Le nombre ne peut pas être négatif.'],
      ['dgesco2010.3.1.teachers', (v) => (v.value = 40.5), 'Nombre entier attendu (sans virgule).'],
      ['dgesco2010.3.1.teachers', (v) => (v.value = 'HUGE'), 'Nombre entier attendu (sans virgule).'],
      ['dgesco2010.3.1.students', (v) => (v.value = 2_000_000), 'Nombre trop grand.'],
      ['dgesco2010.3.1.date', (v) => (v.value = '2025-02-30'), 'Date : cette date n’existe pas.'],
      ['occitanie.1.1', (v) => (v.value = 4), 'valeur inattendue'],
    ];
    for (const [itemId, change, reason] of cases) {
      const json = backupJson();
      const index = answerAt(json, itemId);
      expect(index, itemId).toBeGreaterThanOrEqual(0);
      const value = json.data.answers[index].value;
      if (value.kind === 'percentage' || value.kind === 'number' || value.kind === 'date' || value.kind === 'level') change(value);
      else throw new Error(`${itemId} is a ${value.kind}`);
      // JSON.stringify cannot write 1e400 (it writes null): the literal goes in as text, and parses as Infinity.
      const text = textOf(json).replace('"value": "HUGE"', '"value": 1e400');
      expect(refusal(text, `${itemId} (${reason})`)).toBe(`Ce fichier est refusé : la réponse n° ${index + 1} (value.value) n’est pas valide (${reason}).`);
    }
    const long = backupJson();
    long.data.answers[2].comment = 'x'.repeat(5001);
    expect(refusal(textOf(long))).toBe('Ce fichier est refusé : la réponse n° 3 (comment) n’est pas valide (Commentaire : 5\u202f000 caractères au plus.).');
    const nul = backupJson();
    nul.data.sectionNotes[0].text = 'a\u0000b';
    expect(refusal(textOf(nul))).toBe(
      'Ce fichier est refusé : la note de partie n° 1 (text) n’est pas valide (Analyse du groupe : le texte contient des caractères invalides.).',
    );
  });

  it('refuses an instant no real save could carry, naming the record and the field', () => {
    // 300000-01-01T00:00:00Z in milliseconds: beyond the ±8.64e15 ms a Date holds (Date.UTC(300000, 0, 1) is NaN).
    const YEAR_300000 = 9_404_918_380_800_000;
    expect(Date.UTC(300000, 0, 1)).toBeNaN();
    expect(new Date(YEAR_300000).getTime()).toBeNaN();
    const reason = 'Horodatage hors des dates possibles, de 2000 à 2100.';
    for (const instant of [1e308, YEAR_300000, Date.UTC(2100, 0, 1), Date.UTC(1999, 11, 31), 1.5e12 + 0.5]) {
      const json = backupJson();
      json.data.answers[12].updatedAt = instant;
      expect(refusal(textOf(json), `updatedAt ${instant}`)).toBe(`Ce fichier est refusé : la réponse n° 13 (updatedAt) n’est pas valide (${reason}).`);
    }
    const campaign = backupJson();
    campaign.data.campaigns[1].createdAt = 1e308;
    expect(refusal(textOf(campaign))).toBe(`Ce fichier est refusé : la campagne n° 2 (createdAt) n’est pas valide (${reason}).`);
    const action = backupJson();
    action.data.actions[0].updatedAt = YEAR_300000;
    expect(refusal(textOf(action))).toBe(`Ce fichier est refusé : l’action n° 1 (updatedAt) n’est pas valide (${reason}).`);
    // The bounds themselves: the first instant of 2000 and the last millisecond of 2099 are read.
    const edges = backupJson();
    edges.data.answers[12].updatedAt = Date.UTC(2000, 0, 1);
    edges.data.answers[13].updatedAt = Date.UTC(2100, 0, 1) - 1;
    expect(accepted(textOf(edges)).data.answers[13]!.updatedAt).toBe(Date.UTC(2100, 0, 1) - 1);
  });

  it('refuses a target beyond its axis’s scale: 50 on an Occitanie area (0 to 3)', () => {
    const json = backupJson();
    json.data.campaigns[0].targets = [{ axis: 'occitanie.1', value: 50 }];
    expect(refusal(textOf(json))).toBe(
      'Ce fichier est refusé : la campagne n° 1 (targets.0.value) n’est pas valide (Objectif : un nombre de 0 à 3.).',
    );
    json.data.campaigns[0].targets = [{ axis: 'occitanie.1', value: 3 }, { axis: 'dgesco2010.3.3', value: 100 }];
    expect(accepted(textOf(json)).data.campaigns[0]!.targets).toHaveLength(2);
  });

  it('refuses a value that does not fit its item: an unknown band, an unknown service, another kind', () => {
    const at = (json: Record<string, any>, itemId: string) => json.data.answers.findIndex((a: { itemId: string }) => a.itemId === itemId);
    const band = backupJson();
    band.data.answers[at(band, 'label2023.A.1')].value = { kind: 'band', band: 'peut-etre' };
    expect(refusal(textOf(band))).toBe(
      `Ce fichier est refusé : la réponse n° ${at(band, 'label2023.A.1') + 1} n’est pas valide (Réponse non valide : choix inconnu.).`,
    );
    const list = backupJson();
    list.data.answers[at(list, 'dgesco2010.3.6.4.a6')].value = { kind: 'checklist', checked: ['actualite', 'actualite'] };
    expect(refusal(textOf(list))).toMatch(/\(Réponse non valide : option inconnue ou répétée\.\)\.$/);
    const kind = backupJson();
    kind.data.answers[at(kind, 'occitanie.1.1')].value = { kind: 'yes-no', value: true };
    expect(refusal(textOf(kind))).toMatch(/\(Cette réponse ne correspond pas à la question\.\)\.$/);
  });

  it('refuses an unknown item id, and an item of a document the campaign does not cover', () => {
    const unknown = backupJson();
    unknown.data.answers[7].itemId = 'dgesco2010.9.9.9';
    expect(refusal(textOf(unknown))).toBe('Ce fichier est refusé : la réponse n° 8 n’est pas valide (question inconnue : dgesco2010.9.9.9).');
    const outside = backupJson();
    outside.data.campaigns[0].documents = ['dgesco-2010'];
    const index = outside.data.answers.findIndex((a: { itemId: string }) => a.itemId.startsWith('occitanie.'));
    expect(refusal(textOf(outside))).toBe(
      `Ce fichier est refusé : la réponse n° ${index + 1} n’est pas valide (question hors des référentiels de la campagne).`,
    );
    const section = backupJson();
    section.data.sectionNotes[0].sectionId = 'dgesco2010.s9';
    expect(refusal(textOf(section))).toBe('Ce fichier est refusé : la note de partie n° 1 n’est pas valide (partie inconnue : dgesco2010.s9).');
    const orphan = backupJson();
    orphan.data.actions[0].campaignId = 'campagne-inconnue';
    expect(refusal(textOf(orphan))).toBe('Ce fichier est refusé : l’action n° 1 n’est pas valide (campagne absente du fichier).');
  });

  it('refuses a repeated answer, campaign, note, action or import', () => {
    const answers = backupJson();
    answers.data.answers.push({ ...answers.data.answers[10], comment: 'doublon' });
    expect(refusal(textOf(answers))).toBe(`Ce fichier est refusé : la réponse à la question ${answers.data.answers[10].itemId} y figure deux fois.`);
    const campaigns = backupJson();
    campaigns.data.campaigns.push({ ...campaigns.data.campaigns[0], name: 'Copie' });
    expect(refusal(textOf(campaigns))).toBe('Ce fichier est refusé : une même campagne y figure deux fois.');
    const notes = backupJson();
    notes.data.sectionNotes.push(notes.data.sectionNotes[0]);
    expect(refusal(textOf(notes))).toMatch(/^Ce fichier est refusé : la note de la partie \S+ y figure deux fois\.$/);
    const actions = backupJson();
    actions.data.actions.push(actions.data.actions[0]);
    expect(refusal(textOf(actions))).toBe('Ce fichier est refusé : une même action y figure deux fois.');
    const imports = backupJson();
    imports.data.imports.push(imports.data.imports[0]);
    expect(refusal(textOf(imports))).toBe('Ce fichier est refusé : un même import y figure deux fois.');
  });

  it('refuses a file whose content does not match its kind', () => {
    const mixed = 'Ce fichier est refusé : son contenu ne correspond pas à son type.';
    const contribution = JSON.parse(
      serializeFile(contributionOf(history, { campaignId: second.id, contributor: 'M. Durand', sections: ['occitanie.s1'], n: 4 })),
    );
    expect(refusal(textOf({ ...contribution, sections: ['occitanie.s2'] }))).toBe(mixed); // answers outside its sections
    expect(refusal(textOf({ ...contribution, contributor: null }))).toBe(mixed);
    expect(refusal(textOf({ ...contribution, campaignId: first.id }))).toBe(mixed);
    expect(refusal(textOf({ ...backupJson(), contributor: 'M. Durand' }))).toBe(mixed);
    const campaign = JSON.parse(serializeFile(campaignFileOf(history, first.id, 5)));
    expect(refusal(textOf({ ...campaign, data: { ...campaign.data, campaigns: history.campaigns } }))).toBe(mixed);
  });

  describe('hostile keys, refused wherever they are (before zod, which would drop them silently)', () => {
    const text = serializeFile(backupOf(history, 1));
    const cases: Array<[string, string, string]> = [
      ['__proto__ at the top', '"format"', '"__proto__": {"polluted": true}'],
      ['constructor at the top', '"format"', '"constructor": {"polluted": true}'],
      ['prototype under constructor (the inner key is met first)', '"format"', '"constructor": {"prototype": {"polluted": true}}'],
      ['prototype at the top', '"format"', '"prototype": {"polluted": true}'],
      ['__proto__ inside data', '"campaigns"', '"__proto__": {"polluted": true}'],
      ['constructor inside a campaign', '"name"', '"constructor": "x"'],
      ['__proto__ inside an answer value', '"kind": "number"', '"__proto__": {"polluted": true}'],
      ['prototype inside an answer value', '"kind": "number"', '"prototype": 1'],
      ['constructor in a service matrix cell', '"service"', '"constructor": {}'],
      ['__proto__ written with escapes', '"format"', '"\\u005f_proto__": {"polluted": true}'],
    ];
    for (const [what, before, hostile] of cases) {
      it(`refuses ${what}`, () => {
        // The innermost hostile key is the one met first: JSON.parse revives from the leaves up.
        const keys = [...hostile.matchAll(/"(__proto__|\\u005f_proto__|constructor|prototype)"/g)].map((m) => m[1]!.replace('\\u005f', '_'));
        const key = keys.at(-1)!;
        const message = refusal(inject(text, before, hostile));
        expect(message).toBe(fileMessages.hostileKey(key));
        expect(message).toBe(`Ce fichier est refusé : il contient une clé interdite (« ${key} »). Il ne vient pas de Diagnum ou a été modifié.`);
      });
    }
    it('accepts those words as text (a comment that mentions __proto__ is a comment)', () => {
      const json = backupJson();
      json.data.answers[0].comment = '__proto__ constructor prototype {"__proto__": 1}';
      expect(accepted(textOf(json)).data.answers[0]!.comment).toBe('__proto__ constructor prototype {"__proto__": 1}');
    });
  });

  it('refuses a lone surrogate in a value and in a key', () => {
    const badText = 'Ce fichier est refusé : il contient des caractères invalides (texte Unicode mal formé).';
    expect(fileMessages.badText).toBe(badText);
    const text = serializeFile(backupOf(history, 1));
    expect(refusal(text.replace('"comment": "', '"comment": "\\ud83d'))).toBe(badText);
    expect(refusal(text.replace('"comment": "', '"comment": "\\udc00 fin'))).toBe(badText);
    expect(refusal(text.replace('"name": "', '"name": "a\\ud800b'))).toBe(badText);
    expect(refusal(inject(text, '"format"', '"\\udc00": 1'))).toBe(badText);
    expect(refusal(inject(text, '"kind": "number"', '"x\\ud800": 1'))).toBe(badText);
    // A well-formed pair, escaped, is an emoji: accepted.
    const json = backupJson();
    json.data.answers[0].comment = '';
    const emoji = textOf(json).replace('"comment": ""', '"comment": "\\ud83c\\udf89"');
    expect(accepted(emoji).data.answers[0]!.comment).toBe('🎉');
  });

  it('keeps HTML and script text as plain text, byte for byte', () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; \u202e‮ "« »" \\ \n\t 👩🏽‍🏫';
    const json = backupJson();
    json.data.answers[3].comment = hostile;
    json.data.sectionNotes[0].text = `<style>body{display:none}</style>${hostile}`;
    json.data.campaigns[0].name = '<b>Campagne</b> & « 2017 »';
    const file = accepted(textOf(json));
    expect(file.data.answers[3]!.comment).toBe(hostile);
    expect(file.data.sectionNotes[0]!.text).toBe(`<style>body{display:none}</style>${hostile}`);
    expect(file.data.campaigns[0]!.name).toBe('<b>Campagne</b> & « 2017 »');
    // And written back with the same content.
    expect(JSON.parse(serializeFile(file))).toEqual(json);
  });
});

describe('file names', () => {
  it('names each kind of file after what it holds, in plain ASCII', () => {
    const contribution = contributionOf(history, { campaignId: second.id, contributor: 'Mme N’Diaye', sections: ['occitanie.s1'], n: 6 });
    expect(fileNameFor(backupFile(history, stamp(7)))).toBe('diagnum-sauvegarde-2026-10-05.json');
    expect(fileNameFor(campaignFileOf(history, first.id, 8))).toBe('diagnum-campagne-etat-initial-2017-2026-10-05.json');
    expect(fileNameFor(contribution)).toBe('diagnum-contribution-mme-n-diaye-reevaluation-2018-bilan-d-etape-2026-10-05.json');
  });
});

describe('the instants of the envelope and of the import log', () => {
  it('refuses an export date outside the years 2000 to 2099, naming the field', () => {
    const refused = 'Ce fichier est refusé : l’en-tête du fichier (exportedAt) n’est pas valide (Date d’export hors des dates possibles, de 2000 à 2099.).';
    for (const exportedAt of ['1999-12-31T23:59:59.999Z', '2100-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      expect(refusal(textOf({ ...backupJson(), exportedAt }), exportedAt)).toBe(refused);
    }
    // The bounds themselves are read.
    for (const exportedAt of ['2000-01-01T00:00:00.000Z', '2099-12-31T23:59:59.999Z']) {
      expect(accepted(textOf({ ...backupJson(), exportedAt })).exportedAt).toBe(exportedAt);
    }
  });

  it('refuses an import date in the import log that no real import could carry', () => {
    const refused = 'Ce fichier est refusé : l’historique des imports n° 1 (importedAt) n’est pas valide (Horodatage hors des dates possibles, de 2000 à 2100.).';
    for (const importedAt of [1, Date.UTC(1999, 11, 31), Date.UTC(2100, 0, 1), 1e308, 1.5e12 + 0.5]) {
      const json = backupJson();
      json.data.imports[0].importedAt = importedAt;
      expect(refusal(textOf(json), `importedAt ${importedAt}`)).toBe(refused);
    }
  });
});

describe('records of an older shape: a file exported before a database upgrade', () => {
  /** Files are exported with records of the current shape; the made-up shapes come after it. */
  const current = RECORD_SCHEMA_VERSION;
  /** A made-up upgrade of the database to the next record shape: answers gain a field, every record its new version. */
  const toNext: RecordStep = (record, table) => ({ ...record, ...(table === 'answers' ? { reviewed: false } : {}), schemaVersion: current + 1 });
  const toAfterNext: RecordStep = (record) => ({ ...record, schemaVersion: current + 2 });
  const recordsOf = (json: Record<string, any>): Array<Record<string, unknown>> => {
    const { school, campaigns, answers, sectionNotes, actions, imports } = json.data;
    return [school, ...campaigns, ...answers, ...sectionNotes, ...actions, ...imports];
  };

  it('upgrades every record to the current shape, step by step, and leaves the file as it was read', () => {
    const json = backupJson();
    const read = structuredClone(json);
    expect(new Set(recordsOf(json).map((r) => r.schemaVersion))).toEqual(new Set([current]));
    const upgraded: Record<string, any> = upgradeRecords(json, { [current]: toNext }, current + 1);
    expect(recordsOf(upgraded)).toHaveLength(recordsOf(json).length);
    expect(new Set(recordsOf(upgraded).map((r) => r.schemaVersion))).toEqual(new Set([current + 1]));
    expect(upgraded.data.answers.every((a: Record<string, unknown>) => a.reviewed === false)).toBe(true);
    expect(recordsOf(upgraded).filter((r) => 'reviewed' in r)).toHaveLength(json.data.answers.length);
    expect({ ...upgraded.data.answers[0], reviewed: undefined, schemaVersion: current }).toEqual({ ...json.data.answers[0], reviewed: undefined });
    expect(json).toEqual(read);
    // Two upgrades since the export: both steps, in order.
    const twice: Record<string, any> = upgradeRecords(json, { [current]: toNext, [current + 1]: toAfterNext }, current + 2);
    expect(new Set(recordsOf(twice).map((r) => r.schemaVersion))).toEqual(new Set([current + 2]));
    expect(twice.data.answers[0].reviewed).toBe(false);
    // Records of the current shape are read as they are: today, every file.
    expect(upgradeRecords(json)).toEqual(json);
  });

  it('brings a shape-4 action (format 2) to shape 5: its own lineage, no earlier story; other records only restamped', () => {
    const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/files/format-v2.json'), 'utf8')) as Record<string, any>;
    const upgraded: Record<string, any> = upgradeRecords(sample);
    const action = sample.data.actions[0];
    expect(upgraded.data.actions[0]).toEqual({ ...action, lineage: action.id, history: [], schemaVersion: 5 });
    expect(upgraded.data.campaigns).toEqual(sample.data.campaigns.map((c: Record<string, unknown>) => ({ ...c, schemaVersion: 5 })));
  });

  it('leaves a record of an unknown shape to the checks, which refuse it', () => {
    for (const version of [2, 99, current + 0.5, String(current), null]) {
      const json = backupJson();
      json.data.answers[0].schemaVersion = version;
      const upgraded: Record<string, any> = upgradeRecords(json, { [current]: toNext }, current + 1);
      expect(upgraded.data.answers[0]).toEqual(json.data.answers[0]);
      expect(refusal(textOf(json), `schemaVersion ${version}`)).toBe('Ce fichier est refusé : la réponse n° 1 (schemaVersion) n’est pas valide (valeur inattendue).');
    }
    // A database upgrade shipped without its step for files is a fault of Diagnum, not of the file.
    expect(() => upgradeRecords(backupJson(), {}, current + 1)).toThrow(`No upgrade for file records of shape ${current}`);
  });
});
