// Fuzzing the file reader with hostile files: well over a thousand malformed files,
// mutations of valid exported files drawn from a seeded PRNG (the same files on every run). Each
// one is either refused with a French sentence of a known shape, leaving the database as it was,
// or, when the mutation happened to keep it valid, imported cleanly. Nothing reaches Object.prototype.
// To replay one file: the failure message gives its number and its mutations; set ONLY to it.
import { describe, expect, it } from 'vitest';
import { parseFileBytes, fileMessages } from '../../../src/domain/transfer/read-file';
import { serializeFile } from '../../../src/domain/transfer/build';
import { planImport, resolveImport } from '../../../src/domain/transfer/merge';
import type { DiagnumFile, Snapshot } from '../../../src/domain/transfer/format';
import { applyImport, readSnapshot } from '../../../src/storage/transfer';
import { findItem } from '../../../src/referentiels';
import { freshDatabase } from '../../fixtures/database';
import { backupOf, buildHistory, campaignFileOf, contributionOf, pick, prng, type Random } from '../../fixtures/history';
import type { DiagnumDB } from '../../../src/storage/db';

const FILES = 1_200;
const SEED = 20_261_005;
const ONLY: number | undefined = undefined;

/** A small history (two campaigns, some sections of each document), so that a thousand files read fast. */
function smallHistory(): Snapshot {
  const history = buildHistory({ campaigns: 2, seed: 42 });
  const kept = new Set(['dgesco2010.s3.1', 'dgesco2010.s3.3.4', 'dgesco2010.s3.6.1', 'dgesco2010.s3.6.4', 'occitanie.s1', 'label2023.sA']);
  return {
    ...history,
    answers: history.answers.filter((a) => kept.has(findItem(a.itemId)!.section.id)),
    sectionNotes: history.sectionNotes.filter((n) => kept.has(n.sectionId)),
  };
}

const history = smallHistory();
const open = history.campaigns[1]!;
const bases: DiagnumFile[] = [
  backupOf(history, 9001),
  campaignFileOf(history, open.id, 9002),
  contributionOf(history, {
    campaignId: open.id,
    contributor: 'M. Durand',
    sections: ['dgesco2010.s3.1', 'occitanie.s1'],
    edit: (a) => (a.itemId === 'occitanie.1.1' ? { ...a, comment: 'Avis de M. Durand', updatedAt: a.updatedAt + 1 } : a),
    n: 9003,
  }),
];

const MIXED = 'Ce fichier est refusé : son contenu ne correspond pas à son type.';
/** Every sentence the reader may refuse with. */
const KNOWN: RegExp[] = [
  ...[fileMessages.empty, fileMessages.utf16, fileMessages.notUtf8, fileMessages.notJson, fileMessages.badText, fileMessages.otherApp, fileMessages.badVersion, MIXED].map(
    (m) => new RegExp(`^${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  ),
  /^Ce fichier est trop volumineux \([^)]+ Mo\) : Diagnum accepte des fichiers de 5 Mo au plus\./,
  /^Ce fichier est refusé : il contient une clé interdite \(« (__proto__|constructor|prototype) »\)\. Il ne vient pas de Diagnum ou a été modifié\.$/,
  /^Ce fichier a été exporté par une version plus récente de Diagnum \(format [^)]+\)\. Mettez Diagnum à jour/,
  /^Ce fichier est refusé : .+ n’est pas valide \(.+\)\.$/su,
  /^Ce fichier est refusé : .+ y figure deux fois\.$/su,
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const encoder = new TextEncoder();
const HOSTILE = ['__proto__', 'constructor', 'prototype'] as const;

/** Every object or array of the document, with its depth. */
function nodes(root: Json): Array<{ node: Json[] | { [key: string]: Json }; depth: number }> {
  const found: Array<{ node: Json[] | { [key: string]: Json }; depth: number }> = [];
  const visit = (value: Json, depth: number) => {
    if (value === null || typeof value !== 'object') return;
    found.push({ node: value, depth });
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child, depth + 1);
  };
  visit(root, 0);
  return found;
}

const objectsOf = (root: Json) => nodes(root).filter((n): n is { node: { [key: string]: Json }; depth: number } => !Array.isArray(n.node));

/** A place holding a value: an object's key or an array's index. */
type Slot = { holder: { [key: string]: Json } | Json[]; key: string | number; value: Json };
function slots(root: Json): Slot[] {
  return nodes(root).flatMap(({ node }): Slot[] =>
    Array.isArray(node) ? node.map((value, key) => ({ holder: node, key, value })) : Object.entries(node).map(([key, value]) => ({ holder: node, key, value })),
  );
}

function set(holder: { [key: string]: Json } | Json[], key: string | number, value: Json) {
  // defineProperty: a key named __proto__ must become an own key, as JSON.parse would make it.
  Object.defineProperty(holder, key, { value, enumerable: true, configurable: true, writable: true });
}

const OTHER_VALUES: Json[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, '', 'x', 'NaN', 'Infinity', '-Infinity', '1e999', [], {}, [null], { kind: 'number' }, '2025-13-45', 'oui'];
const OUT_OF_RANGE: Json[] = [-1, 101, 100.0001, 4, 1_000_001, 2 ** 53 + 2, -0.5, 0.5, '2025-02-30', '1999-12-31', '2101-01-01', 'fermee', 'level', 'x'.repeat(20_001)];
const UNKNOWN_IDS = ['dgesco2010.9.9', 'occitanie.s9', 'label2023.Z.1', 'inconnue', 'campagne-inconnue-0000', 'dgesco2010.s3.1 ', 'DGESCO2010.3.1.teachers', ''];

interface Mutation {
  name: string;
  /** Mutates the parsed document; returns false when it found nothing to mutate. */
  json?: (doc: Json, random: Random) => boolean | void;
  /** Mutates the bytes (after the JSON mutations). */
  bytes?: (bytes: Uint8Array, random: Random) => Uint8Array;
  /** What the reader must answer, when the mutation decides it alone. */
  expect?: RegExp | string;
}

const mutations: Mutation[] = [
  {
    name: 'truncated',
    bytes: (b, r) => b.slice(0, Math.floor(r() * (b.length - 2))),
  },
  {
    name: 'bytes flipped',
    bytes: (b, r) => {
      const copy = b.slice();
      for (let n = 1 + Math.floor(r() * 5); n > 0; n--) copy[Math.floor(r() * copy.length)] = Math.floor(r() * 256);
      return copy;
    },
  },
  {
    name: 'key deleted',
    json: (doc, r) => {
      const objects = objectsOf(doc).filter((o) => Object.keys(o.node).length > 0);
      const { node } = pick(r, objects);
      delete node[pick(r, Object.keys(node))];
    },
  },
  {
    name: 'key duplicated elsewhere',
    json: (doc, r) => {
      const objects = objectsOf(doc).filter((o) => Object.keys(o.node).length > 0);
      const from = pick(r, objects).node;
      const key = pick(r, Object.keys(from));
      set(pick(r, objects).node, key, structuredClone(from[key]!));
    },
  },
  {
    name: 'key written twice in the text',
    bytes: (b, r) => {
      const lines = new TextDecoder().decode(b).split('\n');
      const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*"[^"]+": [^{[]*,$/.test(l));
      if (candidates.length === 0) return b;
      const [line, index] = pick(r, candidates);
      const twice = r() < 0.5 ? line : line.replace(/: .*,$/, `: ${JSON.stringify(pick(r, OTHER_VALUES))},`);
      lines.splice(index + (r() < 0.5 ? 0 : 1), 0, twice);
      return encoder.encode(lines.join('\n'));
    },
  },
  {
    name: 'array element duplicated',
    json: (doc, r) => {
      const arrays = nodes(doc).filter((n): n is { node: Json[]; depth: number } => Array.isArray(n.node) && n.node.length > 0);
      if (arrays.length === 0) return false;
      const { node } = pick(r, arrays);
      node.splice(Math.floor(r() * node.length), 0, structuredClone(pick(r, node)));
    },
  },
  {
    name: 'key renamed',
    json: (doc, r) => {
      const objects = objectsOf(doc).filter((o) => Object.keys(o.node).length > 0);
      const { node } = pick(r, objects);
      const key = pick(r, Object.keys(node));
      const names = ['value', 'kind', 'id', 'campaignId', 'itemId', 'name', 'Value', `${key}_`, 'données', ''];
      const value = node[key]!;
      delete node[key];
      set(node, pick(r, names), value);
    },
  },
  {
    name: 'value of another type',
    json: (doc, r) => {
      const { holder, key } = pick(r, slots(doc));
      set(holder, key, structuredClone(pick(r, OTHER_VALUES)));
    },
  },
  {
    name: 'hostile key',
    json: (doc, r) => {
      const objects = objectsOf(doc);
      const deepest = Math.max(...objects.map((o) => o.depth));
      const depth = Math.floor(r() * (deepest + 1));
      const { node } = pick(r, objects.filter((o) => o.depth >= depth));
      set(node, pick(r, HOSTILE), pick<Json>(r, [{ polluted: true }, 'x', 1, null, { prototype: { polluted: true } }]));
    },
    expect: /^Ce fichier est refusé : il contient une clé interdite/,
  },
  {
    name: 'lone surrogate',
    json: (doc, r) => {
      const surrogate = pick(r, ['\ud800', '\udbff', '\udc00', '\udfff']);
      if (r() < 0.7) {
        const strings = slots(doc).filter((s) => typeof s.value === 'string');
        const { holder, key, value } = pick(r, strings);
        const text = value as string;
        const at = Math.floor(r() * (text.length + 1));
        set(holder, key, text.slice(0, at) + surrogate + text.slice(at));
      } else {
        set(pick(r, objectsOf(doc)).node, `clé${surrogate}`, 1);
      }
    },
    expect: fileMessages.badText,
  },
  {
    name: 'huge or odd number',
    bytes: (b, r) => {
      const text = new TextDecoder().decode(b);
      const numbers = [...text.matchAll(/: (-?\d+(?:\.\d+)?)(,?)$/gm)];
      if (numbers.length === 0) return b;
      const match = pick(r, numbers);
      const odd = pick(r, ['1e400', '-1e400', '9007199254740993', '1e-400', '-0', '0.1e1', '1E2', '123456789012345678901234567890']);
      const at = match.index! + 2;
      return encoder.encode(text.slice(0, at) + odd + text.slice(at + match[1]!.length));
    },
  },
  {
    name: 'NaN-like string for a number',
    json: (doc, r) => {
      const numbers = slots(doc).filter((s) => typeof s.value === 'number');
      if (numbers.length === 0) return false;
      const { holder, key } = pick(r, numbers);
      set(holder, key, pick(r, ['NaN', 'Infinity', '-Infinity', '1e999', '0x10', ' 12', '12 ', '']));
    },
  },
  {
    name: 'value out of range',
    json: (doc, r) => {
      const leaves = slots(doc).filter((s) => typeof s.value === 'number' || typeof s.value === 'string');
      if (leaves.length === 0) return false;
      const { holder, key } = pick(r, leaves);
      set(holder, key, pick(r, OUT_OF_RANGE));
    },
  },
  {
    name: 'unknown id',
    json: (doc, r) => {
      const ids = slots(doc).filter((s) => typeof s.key === 'string' && /^(id|itemId|sectionId|campaignId|startedFrom)$/.test(s.key));
      if (ids.length === 0) return false;
      const { holder, key } = pick(r, ids);
      set(holder, key, pick(r, UNKNOWN_IDS));
    },
  },
  {
    name: 'wrong format version',
    json: (doc, r) => {
      (doc as { [key: string]: Json }).formatVersion = pick(r, [0, -1, 2, 3, 99, 1.5, '1', null, true, [1]]);
    },
  },
  {
    name: 'wrong format name',
    json: (doc, r) => {
      (doc as { [key: string]: Json }).format = pick(r, ['Diagnum', 'diagnum ', 'excalidraw', '', null, 1]);
    },
    expect: 'Ce fichier ne vient pas de Diagnum (il vient sans doute d’une autre application).',
  },
  {
    name: 'UTF-16',
    bytes: (b, r) => {
      const text = new TextDecoder().decode(b);
      const bom = r() < 0.5;
      const big = r() < 0.3;
      const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
      if (bom) out.set(big ? [0xfe, 0xff] : [0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        const [lo, hi] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
        out.set(big ? [hi, lo] : [lo, hi], (bom ? 2 : 0) + 2 * i);
      }
      return out;
    },
    expect: fileMessages.utf16,
  },
  {
    name: 'empty',
    bytes: (_b, r) => encoder.encode(pick(r, ['', ' ', '\n', '\r\n\t ', '\ufeff'])),
    expect: fileMessages.empty,
  },
  {
    name: 'UTF-8 byte order mark',
    bytes: (b) => new Uint8Array([0xef, 0xbb, 0xbf, ...b]),
  },
];

function mutate(index: number): { bytes: Uint8Array; names: string[]; expected?: RegExp | string } {
  const random = prng(SEED + index);
  const base = pick(random, bases);
  const doc = JSON.parse(serializeFile(base)) as Json;
  // Mostly one mutation; sometimes two or three together (a BOM on a broken file...).
  const count = random() < 0.75 ? 1 : 2 + Math.floor(random() * 2);
  const chosen = Array.from({ length: count }, () => pick(random, mutations));
  // Each mutation is drawn in turn, so that every kind gets its share.
  chosen[0] = mutations[index % mutations.length]!;
  for (const m of chosen) m.json?.(doc, random);
  let bytes: Uint8Array = encoder.encode(`${JSON.stringify(doc, null, 2)}\n`);
  for (const m of chosen) if (m.bytes) bytes = m.bytes(bytes, random);
  return { bytes, names: chosen.map((m) => m.name), expected: count === 1 ? chosen[0]!.expect : undefined };
}

/** One hash of every table, to compare after each file. */
async function hashOf(db: DiagnumDB): Promise<string> {
  const text = JSON.stringify(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()])));
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('fuzzing the file reader', () => {
  it(`refuses or cleanly imports ${FILES} mutated files, never writing a refused one nor touching Object.prototype`, async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
    // The laptop the files are imported into: the small history, written by the import itself.
    const db = freshDatabase();
    const first = parseFileBytes(encoder.encode(serializeFile(bases[0]!)));
    if (!first.ok) throw new Error(first.message);
    const restore = planImport([{ file: first.value, name: 'base.json' }], await readSnapshot());
    const restored = resolveImport(restore, new Map(), 1);
    if (!restored.ok) throw new Error(restored.message);
    expect(await applyImport(restored.value, restore.expected)).toEqual({ ok: true, value: true });

    let hash = await hashOf(db);
    const outcomes = new Map<string, { refused: number; accepted: number }>();
    const reasons = new Map<string, number>();
    let applied = 0;
    let closedRefusals = 0;

    for (let index = 0; index < FILES; index++) {
      if (ONLY !== undefined && index !== ONLY) continue;
      const { bytes, names, expected } = mutate(index);
      const label = `file ${index} (${names.join(' + ')})`;
      const tally = outcomes.get(names[0]!) ?? { refused: 0, accepted: 0 };
      outcomes.set(names[0]!, tally);

      const read = parseFileBytes(bytes);
      if (!read.ok) {
        tally.refused++;
        expect(read.message, label).toMatch(/^Ce fichier /);
        expect(KNOWN.some((shape) => shape.test(read.message)), `${label}: unknown message « ${read.message} »`).toBe(true);
        if (expected !== undefined) expect(read.message, label).toMatch(expected);
        const shape = KNOWN.find((s) => s.test(read.message))!.source.slice(0, 40);
        reasons.set(shape, (reasons.get(shape) ?? 0) + 1);
        expect(await hashOf(db), `${label} changed the database`).toBe(hash);
      } else {
        tally.accepted++;
        expect(expected, `${label} was accepted`).toBeUndefined();
        // Still a valid file: it imports as any file would, the group keeping this laptop's versions.
        const plan = planImport([{ file: read.value, name: `fuzz-${index}.json` }], await readSnapshot());
        const resolved = resolveImport(plan, new Map(plan.conflicts.map((c) => [c.id, 0])), 1_800_000_000_000 + index);
        if (plan.problem) {
          closedRefusals++;
          expect(resolved, label).toEqual({ ok: false, message: expect.stringMatching(/^La campagne « .+ » est clôturée sur cet ordinateur/su) });
          expect(await hashOf(db), label).toBe(hash);
        } else {
          if (!resolved.ok) throw new Error(`${label}: ${resolved.message}`);
          expect(await applyImport(resolved.value, plan.expected), label).toEqual({ ok: true, value: true });
          applied++;
          hash = await hashOf(db);
        }
      }
      expect(Object.getOwnPropertyNames(Object.prototype).join(), label).toBe(prototypeKeys);
    }

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (ONLY !== undefined) return;
    // Every kind of mutation was tried, and the refusals covered the reader's many reasons.
    expect([...outcomes.keys()].sort()).toEqual(mutations.map((m) => m.name).sort());
    const refused = [...outcomes.values()].reduce((n, o) => n + o.refused, 0);
    expect(refused).toBeGreaterThan(FILES * 0.6);
    expect(reasons.size).toBeGreaterThanOrEqual(10);
    // The valid survivors (a flipped letter in a comment, a BOM, a repeated key) were imported.
    expect(applied + closedRefusals).toBe(FILES - refused);
    expect(applied).toBeGreaterThan(0);
    console.info(
      `fuzz: ${FILES} files, ${refused} refused, ${applied} imported, ${closedRefusals} refused for a closed campaign\n` +
        [...outcomes].map(([name, o]) => `  ${name}: ${o.refused} refused, ${o.accepted} accepted`).join('\n'),
    );
  }, 60_000);
});
