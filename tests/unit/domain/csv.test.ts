import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import Papa from 'papaparse';
import { answersCsv, safeCell, scoresCsv, type CampaignData } from '../../../src/domain/export/csv';
import { emptyAnswer, type AnswerValue } from '../../../src/domain/answers';
import type { CampaignRecord } from '../../../src/domain/campaigns';

const campaign = (over: Partial<CampaignRecord> = {}): CampaignRecord => ({
  id: 'campaign-0001',
  name: 'État initial 2026',
  date: '2026-10-05',
  documents: ['dgesco-2010', 'occitanie-grille'],
  status: 'open',
  startedFrom: null,
  members: [],
  assignments: [],
  targets: [],
  nextAssessment: null,
  createdAt: 1,
  updatedAt: 1,
  schemaVersion: RECORD_SCHEMA_VERSION,
  ...over,
});
const answer = (itemId: string, value: AnswerValue | null, comment = '') => ({
  ...emptyAnswer('campaign-0001', itemId),
  value,
  comment,
  updatedAt: Date.UTC(2026, 9, 6),
});

function parse(csv: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('CSV exports', () => {
  it('writes one row per item of each document, with the value, the derived share and the comment', () => {
    const data: CampaignData[] = [
      {
        campaign: campaign(),
        answers: [
          answer('dgesco2010.3.1.teachers', { kind: 'number', value: 40 }),
          answer('dgesco2010.3.6.1.h1', { kind: 'usage-counts', never: 10, occasionally: 20, regularly: 10 }, 'Élèves et « professeurs » ; à revoir'),
          answer('occitanie.1.1', { kind: 'level', value: 2 }, '=HYPERLINK("http://x";"clic")'),
        ],
      },
    ];
    const rows = parse(answersCsv(data));
    expect(rows[0]).toEqual(['Campagne', 'Date de la campagne', 'Document', 'Section', 'Identifiant', 'Question', 'Réponse', 'Part calculée', 'Commentaire', 'Source', 'À vérifier', 'Repris', 'Modifié le']);
    expect(rows).toHaveLength(1 + 80 + 19);
    const usage = rows.find((r) => r[4] === 'dgesco2010.3.6.1.h1')!;
    expect(usage.slice(6, 9)).toEqual([
      'jamais 10 ; occasionnellement 20 ; régulièrement 10',
      'jamais 25 % ; occasionnellement 50 % ; régulièrement 25 %',
      'Élèves et « professeurs » ; à revoir',
    ]);
    expect(usage[12]).toBe('2026-10-06');
    const level = rows.find((r) => r[4] === 'occitanie.1.1')!;
    expect(level[6]).toBe('niveau 2');
    // A formula is never handed to the spreadsheet as a formula.
    expect(level[8]).toBe('\'=HYPERLINK("http://x";"clic")');
    expect(rows.find((r) => r[4] === 'dgesco2010.3.1.students')![6]).toBe('non renseigné');
  });

  it('escapes every cell a spreadsheet would run', () => {
    expect(['=1+1', '+33', '-2', '@SUM(A1)', '\tx', 'ok'].map(safeCell)).toEqual(["'=1+1", "'+33", "'-2", "'@SUM(A1)", "'\tx", 'ok']);
  });

  it('writes the scores of each campaign, axis by axis, with what they rest on', () => {
    const rows = parse(
      scoresCsv([
        { campaign: campaign({ documents: ['occitanie-grille', 'label-lycee-2023'] }), answers: [answer('occitanie.1.1', { kind: 'level', value: 3 }), answer('occitanie.1.2', { kind: 'level', value: 2 })] },
      ]),
    );
    expect(rows.find((r) => r[3] === '1 Pilotage, impulsion et organisation')!.slice(4)).toEqual(['2,5', '3', '2', '5']);
    expect(rows.find((r) => r[3] === 'Niveau atteint')!.slice(4, 6)).toEqual(['0', '3']);
  });
});
