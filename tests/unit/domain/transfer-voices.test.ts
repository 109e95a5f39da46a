// Format 5 carries the several voices: each member's positions before the group agrees, the
// anonymous staff questionnaire and its responses. A backup or a campaign file loses none of
// them; a contribution carries none; a response is the same response wherever it comes from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFileBytes } from '../../../src/domain/transfer/read-file';
import { serializeFile } from '../../../src/domain/transfer/build';
import { FORMAT_VERSION, type DiagnumFile, type Snapshot } from '../../../src/domain/transfer/format';
import { countWrites, planImport, resolveImport, type ImportPlan } from '../../../src/domain/transfer/merge';
import type { Checked } from '../../../src/domain/result';
import { backupOf, buildHistory, campaignFileOf, contributionOf } from '../../fixtures/history';

const encoder = new TextEncoder();
const history = buildHistory({ campaigns: 2 });
const [first, second] = history.campaigns as [(typeof history.campaigns)[0], (typeof history.campaigns)[0]];
const NOW = Date.UTC(2026, 10, 20, 10);
const MIXED = 'Ce fichier est refusé : son contenu ne correspond pas à son type.';

const read = (file: DiagnumFile) => parseFileBytes(encoder.encode(serializeFile(file)));
const backup = (): DiagnumFile => structuredClone(backupOf(history, 1));

function ok<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function refusal(file: DiagnumFile): string {
  const result = read(file);
  if (result.ok) throw new Error('The file was accepted');
  return result.message;
}

const sample = (version: number) => new Uint8Array(readFileSync(join(import.meta.dirname, `../../fixtures/files/format-v${version}.json`)));

const plan = (files: DiagnumFile[], local: Snapshot): ImportPlan =>
  planImport(files.map((file, i) => ({ file, name: `fichier-${i + 1}.json` })), local);

describe('the voices in a file', () => {
  it('are the history’s: a tour de table on two items in each campaign, the last one’s questionnaire and its six responses', () => {
    expect(FORMAT_VERSION).toBe(5);
    expect(history.positions.map((p) => [p.campaignId, p.itemId])).toEqual([
      [first.id, 'occitanie.1.1'],
      [first.id, 'dgesco2010.3.2.1'],
      [second.id, 'occitanie.1.1'],
      [second.id, 'dgesco2010.3.2.1'],
    ]);
    expect(history.surveys).toEqual([expect.objectContaining({ campaignId: second.id, audience: 'teachers', threshold: 5, kioskCode: null })]);
    expect(history.surveys[0]!.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(history.surveyResponses).toHaveLength(6);
    expect(new Set(history.surveyResponses.map((r) => r.id)).size).toBe(6);
    expect(history.surveyResponses.every((r) => r.surveyId === history.surveys[0]!.id && r.campaignId === second.id)).toBe(true);
  });

  it('come back from a backup byte for byte', () => {
    const file = backupOf(history, 1);
    const text = serializeFile(file);
    const result = ok(parseFileBytes(encoder.encode(text)));
    expect(JSON.stringify(result.data.positions)).toBe(JSON.stringify(history.positions));
    expect(JSON.stringify(result.data.surveys)).toBe(JSON.stringify(history.surveys));
    expect(JSON.stringify(result.data.surveyResponses)).toBe(JSON.stringify(history.surveyResponses));
  });

  it('go with their campaign in a campaign file, and never in a contribution', () => {
    const ofFirst = ok(read(campaignFileOf(history, first.id, 2)));
    expect(ofFirst.data.positions).toEqual(history.positions.filter((p) => p.campaignId === first.id));
    expect([ofFirst.data.surveys, ofFirst.data.surveyResponses]).toEqual([[], []]);
    const ofSecond = ok(read(campaignFileOf(history, second.id, 3)));
    expect(ofSecond.data.positions).toEqual(history.positions.filter((p) => p.campaignId === second.id));
    expect(ofSecond.data.surveys).toEqual(history.surveys);
    expect(ofSecond.data.surveyResponses).toEqual(history.surveyResponses);
    const contribution = ok(read(contributionOf(history, { campaignId: second.id, contributor: 'M. Durand', sections: ['occitanie.s1'], n: 4 })));
    expect([contribution.data.positions, contribution.data.surveys, contribution.data.surveyResponses]).toEqual([[], [], []]);
  });

  it('are none in a file of format 4, which is still read', () => {
    const raw = sample(4);
    expect(JSON.parse(new TextDecoder().decode(raw))).toMatchObject({ formatVersion: 4 });
    const file = ok(parseFileBytes(raw));
    expect(file.formatVersion).toBe(FORMAT_VERSION);
    expect([file.data.positions, file.data.surveys, file.data.surveyResponses]).toEqual([[], [], []]);
    expect(file.data.evidence).toHaveLength(2);
  });

  it('are read from the sample of format 5', () => {
    const file = ok(parseFileBytes(sample(5)));
    expect(file.data.positions.map((p) => p.itemId).sort()).toEqual(['dgesco2010.3.2.1', 'occitanie.1.1']);
    expect(file.data.surveys).toEqual([expect.objectContaining({ audience: 'teachers', kioskCode: expect.objectContaining({ hash: expect.any(String) }) })]);
    expect(file.data.surveyResponses).toHaveLength(3);
  });
});

describe('a contribution', () => {
  const contribution = () => contributionOf(history, { campaignId: second.id, contributor: 'M. Durand', sections: ['occitanie.s1'], n: 5 });

  it('is refused when it carries positions: the tour de table is the group’s', () => {
    const file = contribution();
    expect(read(file).ok).toBe(true);
    file.data.positions.push(history.positions.find((p) => p.campaignId === second.id && p.itemId === 'occitanie.1.1')!);
    expect(refusal(file)).toBe(MIXED);
  });

  it('is refused when it carries the questionnaire or its responses', () => {
    const withSurvey = contribution();
    withSurvey.data.surveys.push(history.surveys[0]!);
    expect(refusal(withSurvey)).toBe(MIXED);
    withSurvey.data.surveyResponses.push(history.surveyResponses[0]!);
    expect(refusal(withSurvey)).toBe(MIXED);
  });
});

describe('the positions of a file', () => {
  it('are refused on an item of a document the campaign does not cover, and taken within them', () => {
    // The first campaign covers the DGESCO document only: what it holds of the others is left out, but for one tour de table.
    const file = backup();
    const dgesco = (id: string) => id.startsWith('dgesco2010.');
    file.data.campaigns[0]!.documents = ['dgesco-2010'];
    file.data.answers = file.data.answers.filter((a) => a.campaignId !== first.id || dgesco(a.itemId));
    file.data.sectionNotes = file.data.sectionNotes.filter((n) => n.campaignId !== first.id || dgesco(n.sectionId));
    file.data.evidence[0]!.links = ['dgesco2010.3.3.1.1'];
    expect(file.data.positions[0]).toMatchObject({ campaignId: first.id, itemId: 'occitanie.1.1' });
    expect(refusal(file)).toBe('Ce fichier est refusé : l’avis individuel n° 1 n’est pas valide (question hors des référentiels de la campagne).');
    file.data.positions.shift();
    expect(read(file).ok).toBe(true);
  });

  it('are refused when their campaign is not in the file, or their item unknown', () => {
    const file = backup();
    file.data.positions[1]!.campaignId = 'campagne-absente-0000';
    expect(refusal(file)).toBe('Ce fichier est refusé : l’avis individuel n° 2 n’est pas valide (campagne absente du fichier).');
    const unknown = backup();
    unknown.data.positions[2]!.itemId = 'occitanie.9.9';
    expect(refusal(unknown)).toBe('Ce fichier est refusé : l’avis individuel n° 3 n’est pas valide (question inconnue : occitanie.9.9).');
  });

  it('are refused twice for the same campaign and item', () => {
    const file = backup();
    file.data.positions.push({ ...file.data.positions[3]!, positions: [] });
    expect(refusal(file)).toBe('Ce fichier est refusé : le tour de table de la question dgesco2010.3.2.1 y figure deux fois.');
  });

  it('are refused with a hostile value: a level 7, a value of another kind, an item no tour de table is held on', () => {
    const seven = backup();
    (seven.data.positions[0]!.positions[1]!.value as { value: number }).value = 7;
    expect(refusal(seven)).toBe('Ce fichier est refusé : l’avis individuel n° 1 (positions.1.value.value) n’est pas valide (valeur inattendue).');
    const otherKind = backup();
    otherKind.data.positions[0]!.positions[1]!.value = { kind: 'yes-no', value: true };
    expect(refusal(otherKind)).toBe(
      'Ce fichier est refusé : l’avis individuel n° 1 n’est pas valide (Avis de M. Durand : Cette réponse ne correspond pas à la question.).',
    );
    const checklist = backup();
    checklist.data.positions[1]!.itemId = 'dgesco2010.3.6.4.a6';
    checklist.data.positions[1]!.positions = [{ member: 'Mme Martin', value: { kind: 'checklist', checked: ['actualite'] } }];
    expect(refusal(checklist)).toBe('Ce fichier est refusé : l’avis individuel n° 2 n’est pas valide (Cette question ne se prête pas à un tour de table.).');
  });

  it('are refused when a member gives two positions on one item', () => {
    const file = backup();
    file.data.positions[0]!.positions.push({ member: file.data.positions[0]!.positions[0]!.member, value: { kind: 'level', value: 0 } });
    expect(refusal(file)).toBe('Ce fichier est refusé : l’avis individuel n° 1 (positions) n’est pas valide (Un membre ne peut donner qu’un avis par question.).');
  });
});

describe('the questionnaire and its responses in a file', () => {
  it('refuses a response whose questionnaire is not in the file', () => {
    const file = backup();
    file.data.surveyResponses[2]!.surveyId = 'QuestionnaireAbsent0000';
    expect(refusal(file)).toBe('Ce fichier est refusé : la réponse au questionnaire n° 3 n’est pas valide (questionnaire absent du fichier).');
  });

  it('refuses a response filed under another campaign than its questionnaire’s', () => {
    const file = backup();
    file.data.surveyResponses[0]!.campaignId = first.id;
    expect(refusal(file)).toBe(
      'Ce fichier est refusé : la réponse au questionnaire n° 1 n’est pas valide (campagne différente de celle de son questionnaire).',
    );
  });

  it('refuses a response that does not fit its questionnaire: another audience, a question it does not ask', () => {
    const audience = backup();
    audience.data.surveyResponses[1]!.audience = 'divisions';
    expect(refusal(audience)).toBe(
      'Ce fichier est refusé : la réponse au questionnaire n° 2 n’est pas valide (Cette réponse ne correspond pas au public de ce questionnaire.).',
    );
    const question = backup();
    question.data.surveyResponses[1]!.answers.push({ itemId: 'dgesco2010.3.6.2.h1', answer: 'never' });
    expect(refusal(question)).toBe(
      'Ce fichier est refusé : la réponse au questionnaire n° 2 n’est pas valide (Réponse : question inconnue (dgesco2010.3.6.2.h1).).',
    );
  });

  it('refuses a response that carries a name', () => {
    const file = backup();
    Object.assign(file.data.surveyResponses[4]!, { name: 'Mme Martin' });
    expect(refusal(file)).toBe(
      'Ce fichier est refusé : la réponse au questionnaire n° 5 n’est pas valide (Réponse au questionnaire : champ inattendu (« name »). Une réponse au questionnaire ne contient ni nom ni heure.).',
    );
  });

  it('refuses the same response twice', () => {
    const file = backup();
    file.data.surveyResponses.push({ ...file.data.surveyResponses[0]!, day: '2018-11-30' });
    expect(refusal(file)).toBe('Ce fichier est refusé : une même réponse au questionnaire y figure deux fois.');
  });

  it('refuses two questionnaires for one campaign and audience, and takes one per audience', () => {
    const file = backup();
    file.data.surveys.push({ ...file.data.surveys[0]!, id: 'UnAutreQuestionnaire00' });
    expect(refusal(file)).toBe(`Ce fichier est refusé : le questionnaire des enseignants de la campagne « ${second.name} » y figure deux fois.`);
    file.data.surveys[1]!.audience = 'divisions';
    expect(read(file).ok).toBe(true);
    file.data.surveys[1]!.id = file.data.surveys[0]!.id;
    expect(refusal(file)).toBe('Ce fichier est refusé : un même questionnaire y figure deux fois.');
  });

  it('refuses a questionnaire whose campaign is not in the file', () => {
    const file = backup();
    file.data.surveys[0]!.campaignId = 'campagne-absente-0000';
    expect(refusal(file)).toBe('Ce fichier est refusé : le questionnaire n° 1 n’est pas valide (campagne absente du fichier).');
  });

  it('names the questionnaire and its field when it is not valid: a threshold under 5', () => {
    const file = backup();
    file.data.surveys[0]!.threshold = 3;
    expect(refusal(file)).toBe(
      'Ce fichier est refusé : le questionnaire n° 1 (threshold) n’est pas valide (Le seuil d’anonymat ne peut pas descendre sous 5 réponses.).',
    );
  });
});

describe('merging the voices', () => {
  it('changes nothing when a backup and a campaign file bring the responses this laptop holds: each counted once', () => {
    const p = plan([backupOf(history, 10), campaignFileOf(history, second.id, 11)], history);
    expect(p.problem).toBeNull();
    expect(p.conflicts).toEqual([]);
    expect(p.totals).toMatchObject({ positions: 4, surveys: 1, surveyResponses: 6 });
    const records =
      history.answers.length + history.sectionNotes.length + history.actions.length + history.evidence.length + history.dossierTexts.length;
    // The school, every record, and each response, tour de table and the questionnaire once.
    expect(p.unchanged).toBe(1 + records + 4 + 1 + 6);
    expect(countWrites(ok(resolveImport(p, new Map(), NOW)))).toBe(0);
  });

  it('never lets a file change a response this laptop holds: the same id is the same response', () => {
    const file = campaignFileOf(history, second.id, 12);
    file.data.surveyResponses[0] = { ...file.data.surveyResponses[0]!, answers: [{ itemId: 'dgesco2010.3.6.1.h1', answer: 'never' }] };
    const p = plan([file], history);
    expect(p.conflicts).toEqual([]);
    expect(p.silent.surveyResponses).toEqual([]);
    expect(p.expected).toContainEqual({ table: 'surveyResponses', key: history.surveyResponses[0]!.id, updatedAt: 0 });
  });

  it('adds the responses collected on another laptop, silently', () => {
    const local = { ...history, surveyResponses: history.surveyResponses.slice(0, 4) };
    const p = plan([campaignFileOf(history, second.id, 13)], local);
    expect(p.conflicts).toEqual([]);
    const writes = ok(resolveImport(p, new Map(), NOW));
    expect(writes.surveyResponses).toEqual(history.surveyResponses.slice(4));
    expect(countWrites(writes)).toBe(2);
  });

  it('makes positions that differ a difference to settle, this laptop’s first', () => {
    const file = campaignFileOf(history, second.id, 14);
    const theirs = { ...file.data.positions[0]!, positions: [{ member: 'Mme Martin', value: { kind: 'level', value: 0 } as const }], updatedAt: NOW };
    file.data.positions[0] = theirs;
    const p = plan([file], history);
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0]).toMatchObject({ id: `positions:${second.id}|occitanie.1.1`, table: 'positions', campaignId: second.id });
    expect(p.conflicts[0]!.options.map((o) => o.record)).toEqual([history.positions[2], theirs]);
    expect(ok(resolveImport(p, new Map([[p.conflicts[0]!.id, 1]]), NOW)).positions).toEqual([theirs]);
  });

  it('refuses an import that would give a campaign two questionnaires for one audience', () => {
    const file = campaignFileOf(history, second.id, 15);
    const started = history.surveys[0]!;
    const elsewhere = { ...started, id: 'LanceAilleursAvant0000', threshold: 6 };
    file.data.surveys = [elsewhere];
    file.data.surveyResponses = file.data.surveyResponses.map((r) => ({ ...r, id: `${r.id.slice(0, 20)}zz`, surveyId: elsewhere.id }));
    const p = plan([file], history);
    expect(p.problem).toBe(
      `Deux questionnaires des enseignants ont été lancés séparément pour la campagne « ${second.name} » (sur cet ordinateur et dans un fichier, ou dans deux fichiers) : Diagnum ne peut pas réunir leurs réponses. Rien n’a été importé.`,
    );
    expect(resolveImport(p, new Map(), NOW)).toEqual({ ok: false, message: p.problem });
  });

  it('refuses responses for a campaign closed on this laptop', () => {
    const local = {
      ...history,
      campaigns: history.campaigns.map((c) => (c.id === second.id ? { ...c, status: 'closed' as const } : c)),
      surveyResponses: history.surveyResponses.slice(1),
    };
    const p = plan([campaignFileOf({ ...history, campaigns: local.campaigns }, second.id, 16)], local);
    expect(p.problem).toBe(
      `La campagne « ${second.name} » est clôturée sur cet ordinateur : rouvrez-la (page de la campagne) pour y importer ces réponses. Rien n’a été importé.`,
    );
  });
});
