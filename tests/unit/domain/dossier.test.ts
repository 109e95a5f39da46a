import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8, strToU8 } from 'fflate';
import { emptyAnswer, type AnswerValue } from '../../../src/domain/answers';
import { answerLookup } from '../../../src/domain/completion';
import { labelReadiness } from '../../../src/domain/scoring/label';
import { labelSheet } from '../../../src/domain/export/label-sheet';
import { dossierEntries, dossierFileName } from '../../../src/domain/export/dossier';
import { slug, uniquePaths, windowsSafeName } from '../../../src/domain/export/file-names';
import { writeZip } from '../../../src/domain/export/zip';
import { labelCalls } from '../../../src/referentiels/label-calls';
import type { EvidenceRecord } from '../../../src/domain/evidence';
import type { CampaignRecord } from '../../../src/domain/campaigns';
import type { SchoolRecord } from '../../../src/domain/school';
import type { DossierTextId } from '../../../src/domain/dossier-texts';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';

const lookup = (pairs: Array<[string, AnswerValue]>) =>
  answerLookup(pairs.map(([id, value]) => ({ ...emptyAnswer('campaign-0001', id), value })));
const at = Date.UTC(2026, 9, 5);
const piece = (id: string, title: string, links: string[], extra: Partial<EvidenceRecord> = {}): EvidenceRecord => ({
  id, campaignId: 'campaign-0001', kind: 'reference', file: null, title, date: '2025-06-20', shows: 'Voté en CA.', where: 'ENT',
  links, toReview: false, createdAt: at, updatedAt: at, schemaVersion: RECORD_SCHEMA_VERSION, ...extra,
});
const school: SchoolRecord = { id: 'school', name: 'Lycée Jean-Jaurès', uai: '0341234A', academie: 'Montpellier', updatedAt: at, schemaVersion: RECORD_SCHEMA_VERSION };
const campaign = { id: 'campaign-0001', name: 'Label 2026', date: '2026-10-05', documents: ['label-lycee-2023'] } as CampaignRecord;
const call = labelCalls[0];

describe('names that Windows Explorer opens', () => {
  it('replaces what Windows refuses, keeps accents and the extension, never leaves "." or ".."', () => {
    expect(windowsSafeName('Projet d’établissement : volet "numérique" 2025/2028?.pdf')).toBe('Projet d’établissement _ volet _numérique_ 2025_2028_.pdf');
    expect(windowsSafeName('..')).toBe('sans-nom');
    expect(windowsSafeName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(windowsSafeName('C:\\Windows\\win.ini')).toBe('C__Windows_win.ini');
    expect(windowsSafeName('nom. ')).toBe('nom');
    expect(windowsSafeName('CON.txt')).toBe('CON_.txt');
    expect(windowsSafeName('lpt1')).toBe('lpt1_');
    expect(windowsSafeName('tab\there\u0000.txt')).toBe('tab_here_.txt');
    expect(windowsSafeName('   ')).toBe('sans-nom');
  });

  it('cuts a long name at the limit, keeping its extension and never splitting an emoji', () => {
    const long = `${'é'.repeat(50)}${'🎉'.repeat(40)}.pdf`;
    const safe = windowsSafeName(long, 80);
    expect([...safe].length).toBe(80);
    expect(safe.endsWith('.pdf')).toBe(true);
    expect(safe.isWellFormed()).toBe(true);
  });

  it('makes names unique in their folder as Windows compares them, case aside', () => {
    expect(uniquePaths(['a/Charte.pdf', 'a/charte.pdf', 'b/Charte.pdf', 'a/Charte.pdf', 'a/Sans'])).toEqual([
      'a/Charte.pdf', 'a/charte (2).pdf', 'b/Charte.pdf', 'a/Charte (3).pdf', 'a/Sans',
    ]);
  });

  it('names the dossier after the school and the call', () => {
    expect(dossierFileName(school, call)).toBe('0341234A_lycee-jean-jaures_label-lycee-numerique_2023-2024.zip');
    expect(dossierFileName({ ...school, uai: undefined }, call)).toBe('lycee-jean-jaures_label-lycee-numerique_2023-2024.zip');
    expect(dossierFileName(null, call)).toBe('etablissement_label-lycee-numerique_2023-2024.zip');
    expect(slug('Lycée « Olympe » de Gouges')).toBe('lycee-olympe-de-gouges');
  });
});

describe('the dossier for the Région', () => {
  const answers = lookup([
    ['label2023.A.1', { kind: 'band', band: 'oui' }],
    ['label2023.A.2', { kind: 'band', band: 'oui' }],
  ]);
  const readiness = labelReadiness(answers);
  const evidence = [
    piece('evidence-0001', 'Projet d’établissement <b>2025</b>', ['label2023.A.1', 'dgesco2010.3.3.1.1']),
    piece('evidence-0002', 'Projet d’établissement <b>2025</b>', ['label2023.A.1'], { toReview: true, date: null }),
    piece('evidence-0003', 'Charte : version "signée"', ['label2023.A.2']),
  ];
  const texts = new Map<DossierTextId, string>([['a7-argumentaire', 'Argumentaire.\nDeuxième ligne <script>']]);
  const entries = dossierEntries({ school, campaign, call, answers, readiness, dossier: { evidence, texts }, preparedOn: '5 octobre 2026' }).map((e) => {
    if (!('text' in e)) throw new Error('no file here');
    return e;
  });

  it('holds the sheet as HTML and CSV, the written texts, one folder per criterion and the index', () => {
    expect(entries.map((e) => e.path)).toEqual([
      'fiche-label.html',
      'fiche-label.csv',
      'textes/Argumentaire sur loRdi (critère A.7).txt',
      'preuves/A.1/Projet d’établissement _b_2025__b_.txt',
      'preuves/A.1/Projet d’établissement _b_2025__b_ (2).txt',
      'preuves/A.2/Charte _ version _signée_.txt',
      'preuves/index.csv',
    ]);
    for (const { path } of entries) {
      expect(path.split('/').every((segment) => segment === windowsSafeName(segment, 200) && segment !== '..')).toBe(true);
    }
  });

  it('writes every text as text: the sheet escapes HTML and allows no script', () => {
    const html = entries[0]!.text;
    expect(html).toContain('Projet d’établissement &lt;b&gt;2025&lt;/b&gt; (20/06/2025)');
    expect(html).toContain('Argumentaire.\nDeuxième ligne &lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('UAI 0341234A');
  });

  it('lists each piece in the index with its place in the dossier, and the sheet CSV with its evidence', () => {
    const index = entries.at(-1)!.text;
    expect(index.startsWith('\uFEFFCritère;Preuve;Date;')).toBe(true);
    expect(index).toContain('A.2;"Charte : version ""signée""";2025-06-20;Voté en CA.;ENT;;preuves/A.2/Charte _ version _signée_.txt');
    expect(index).toContain(';à revoir;preuves/A.1/Projet d’établissement _b_2025__b_ (2).txt');
    const csv = entries[1]!.text;
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + labelSheet(answers, readiness).flatMap((b) => b.rows).length);
    expect(csv).toContain('A.1;');
  });

  it('is one ZIP whose entries unzip to the same names (UTF-8) and bytes', async () => {
    const blob = await writeZip(entries.map((e) => ({ path: e.path, data: e.text })));
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(files)).toEqual(entries.map((e) => e.path));
    for (const entry of entries) expect(Buffer.from(files[entry.path]!).equals(Buffer.from(strToU8(entry.text))), entry.path).toBe(true);
    expect(strFromU8(files['textes/Argumentaire sur loRdi (critère A.7).txt']!)).toContain('Deuxième ligne <script>');
  });
});
