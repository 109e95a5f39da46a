// Several voices in storage: members' positions on an item, the staff questionnaire's settings and
// responses. A closed campaign refuses each write and stores nothing; a refused write leaves the
// database as it was; a deleted campaign takes them along and its undo brings them back.
import { describe, expect, it } from 'vitest';
import { freshDatabase, snapshot } from '../../fixtures/database';
import { createCampaign, deleteCampaign, duplicateCampaign, restoreCampaign, setCampaignStatus } from '../../../src/storage/campaigns';
import { contributeAsPositions, savePositions } from '../../../src/storage/positions';
import { addResponse, importResponseFiles, setKioskCode, setSurveyThreshold, startSurvey } from '../../../src/storage/survey';
import { newResponse, serializeResponseFile, type SurveyRecord } from '../../../src/domain/survey/responses';
import { opens } from '../../../src/domain/survey/kiosk';
import type { Checked } from '../../../src/domain/result';
import type { Position } from '../../../src/domain/positions';
import { fr } from '../../../src/text/fr';

const LEVEL = 'occitanie.1.1';
const H1 = 'dgesco2010.3.6.1.h1';

function ok<T>(result: Checked<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const positions: Position[] = [
  { member: 'Mme Martin', value: { kind: 'level', value: 2 } },
  { member: 'M. Durand', value: { kind: 'level', value: 1 } },
  { member: null, value: { kind: 'not-applicable' } },
];

async function aCampaign() {
  const db = freshDatabase();
  const campaign = ok(await createCampaign({ name: 'État initial 2025', date: '2025-10-01', documents: ['occitanie-grille', 'dgesco-2010'] }));
  return { db, id: campaign.id };
}

const responseFile = (survey: SurveyRecord, answer: 'never' | 'regularly', id?: string) =>
  serializeResponseFile(newResponse(survey, [{ itemId: H1, answer }], '2025-10-15', id ? () => id : undefined));

describe('positions', () => {
  it('are stored whole, anonymous votes after named ones, and removed when none is left', async () => {
    const { db, id } = await aCampaign();
    expect(ok(await savePositions(id, LEVEL, [positions[2]!, positions[0]!, positions[1]!]))).toEqual(
      [positions[0], positions[1], positions[2]],
    );
    expect((await db.positions.get([id, LEVEL]))?.positions).toEqual([positions[0], positions[1], positions[2]]);
    ok(await savePositions(id, LEVEL, []));
    expect(await db.positions.count()).toBe(0);
  });

  it('refuse a level out of the scale, a member twice, an item of a document the campaign does not cover: nothing stored', async () => {
    const { db, id } = await aCampaign();
    ok(await savePositions(id, LEVEL, positions));
    const before = await snapshot(db);
    expect(await savePositions(id, LEVEL, [{ member: 'Mme Martin', value: { kind: 'level', value: 7 } } as never])).toMatchObject({
      ok: false,
      message: expect.stringContaining('Avis de Mme Martin'),
    });
    expect(await savePositions(id, LEVEL, [positions[0]!, { member: ' mme martin ', value: { kind: 'level', value: 3 } }])).toMatchObject({ ok: false });
    expect(await savePositions(id, 'label2023.A.9', [])).toEqual({ ok: false, message: 'Cette question n’appartient à aucun document de la campagne.' });
    expect(await savePositions(id, 'dgesco2010.3.6.4.a6', [])).toEqual({ ok: false, message: 'Cette question ne se prête pas à un tour de table.' });
    expect(await snapshot(db)).toBe(before);
  });

  it('come from a member’s contribution without touching the answers: their position replaced, other kinds left aside', async () => {
    const { db, id } = await aCampaign();
    ok(await savePositions(id, LEVEL, positions));
    const result = ok(
      await contributeAsPositions(id, 'M. DURAND', [
        { itemId: LEVEL, value: { kind: 'level', value: 3 } },
        { itemId: 'occitanie.1.2', value: { kind: 'level', value: 2 } },
        { itemId: 'dgesco2010.3.6.4.a6', value: { kind: 'checklist', checked: [] } },
        { itemId: 'occitanie.2.1', value: null },
      ]),
    );
    expect(result).toEqual({ written: 2, leftAside: 1 });
    expect((await db.positions.get([id, LEVEL]))?.positions).toEqual([
      positions[0],
      { member: 'M. DURAND', value: { kind: 'level', value: 3 } },
      positions[2],
    ]);
    expect((await db.positions.get([id, 'occitanie.1.2']))?.positions).toEqual([{ member: 'M. DURAND', value: { kind: 'level', value: 2 } }]);
    expect(await db.answers.count()).toBe(0);
  });
});

describe('the staff questionnaire', () => {
  it('is started once per audience, with the threshold at 5, and the kiosk code kept hashed', async () => {
    const { db, id } = await aCampaign();
    const survey = ok(await startSurvey(id, 'teachers'));
    expect(ok(await startSurvey(id, 'teachers')).id).toBe(survey.id);
    // The same id on any laptop that prepares it: two laptops' questionnaires are one.
    expect(survey.id).toBe(`${id}-teachers`);
    expect(survey.threshold).toBe(5);
    expect(await setSurveyThreshold(survey.id, 4)).toEqual({ ok: false, message: 'Le seuil d’anonymat ne peut pas descendre sous 5 réponses.' });
    expect(ok(await setSurveyThreshold(survey.id, 8)).threshold).toBe(8);
    expect(await setKioskCode(survey.id, '12')).toMatchObject({ ok: false, message: 'Le code du kiosque compte au moins 4 caractères.' });
    const locked = ok(await setKioskCode(survey.id, 'salle-des-profs'));
    expect(JSON.stringify(await db.surveys.toArray())).not.toContain('salle-des-profs');
    expect(await opens(locked.kioskCode!, 'salle-des-profs')).toBe(true);
    expect(await opens(locked.kioskCode!, 'salle-des-prof')).toBe(false);
  });

  it('imports response files each counted once; another questionnaire’s and a hostile one set aside, nothing else stored', async () => {
    const { db, id } = await aCampaign();
    const survey = ok(await startSurvey(id, 'teachers'));
    const other = ok(await startSurvey(id, 'divisions'));
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `r${i}.json`, text: responseFile(survey, i % 3 ? 'regularly' : 'never') }));
    const first = ok(await importResponseFiles(survey.id, [...files, files[0]!, { name: 'x.json', text: '{"format":"diagnum-reponse-questionnaire","version":1,"response":{"__proto__":{}}}' }]));
    expect([first.added.length, first.duplicates, first.refused.map((r) => r.name)]).toEqual([12, ['r0.json'], ['x.json']]);
    const again = ok(
      await importResponseFiles(survey.id, [
        files[3]!,
        { name: 'autre.json', text: serializeResponseFile(newResponse(other, [{ itemId: 'dgesco2010.3.6.2.h1', answer: 'never' }], '2025-10-15')) },
      ]),
    );
    expect([again.added.length, again.duplicates, again.otherSurvey]).toEqual([0, ['r3.json'], ['autre.json']]);
    expect(await db.surveyResponses.where('surveyId').equals(survey.id).count()).toBe(12);
    const stored = await db.surveyResponses.toArray();
    expect(stored.every((r) => Object.keys(r).sort().join() === 'answers,audience,campaignId,day,id,schemaVersion,surveyId')).toBe(true);
  });

  it('takes a kiosk response; a closed campaign refuses every questionnaire write and every position', async () => {
    const { db, id } = await aCampaign();
    const survey = ok(await startSurvey(id, 'teachers'));
    ok(await addResponse(survey.id, newResponse(survey, [{ itemId: H1, answer: 'occasionally' }], '2025-10-15')));
    ok(await setCampaignStatus(id, 'closed'));
    const before = await snapshot(db);
    const closed = { ok: false, message: fr.storage.closed };
    expect(await addResponse(survey.id, newResponse(survey, [{ itemId: H1, answer: 'never' }], '2025-10-15'))).toEqual(closed);
    expect(await importResponseFiles(survey.id, [{ name: 'a.json', text: responseFile(survey, 'never') }])).toEqual(closed);
    expect(await setSurveyThreshold(survey.id, 9)).toEqual(closed);
    expect(await setKioskCode(survey.id, 'abcd')).toEqual(closed);
    expect(await startSurvey(id, 'divisions')).toEqual(closed);
    expect(await savePositions(id, LEVEL, positions)).toEqual(closed);
    expect(await contributeAsPositions(id, 'Mme Martin', [{ itemId: LEVEL, value: { kind: 'level', value: 1 } }])).toEqual(closed);
    expect(await snapshot(db)).toBe(before);
    ok(await setCampaignStatus(id, 'open'));
    ok(await addResponse(survey.id, newResponse(survey, [{ itemId: H1, answer: 'never' }], '2025-10-15')));
    expect(await db.surveyResponses.count()).toBe(2);
  });
});

describe('a campaign deleted, undone, duplicated', () => {
  it('takes its positions, questionnaires and responses along, and its undo brings them back byte for byte', async () => {
    const { db, id } = await aCampaign();
    ok(await savePositions(id, LEVEL, positions));
    const survey = ok(await startSurvey(id, 'teachers'));
    ok(await importResponseFiles(survey.id, [{ name: 'a.json', text: responseFile(survey, 'never') }]));
    const before = await snapshot(db);
    const bundle = ok(await deleteCampaign(id));
    expect([await db.positions.count(), await db.surveys.count(), await db.surveyResponses.count()]).toEqual([0, 0, 0]);
    ok(await restoreCampaign(bundle));
    expect(await snapshot(db)).toBe(before);
    const copy = ok(await duplicateCampaign(id, 'Copie'));
    expect((await db.positions.get([copy.id, LEVEL]))?.positions).toEqual(positions.slice(0, 2).concat(positions[2]!));
    const copied = await db.surveys.where('campaignId').equals(copy.id).toArray();
    expect(copied).toHaveLength(1);
    expect(copied[0]!.id).not.toBe(survey.id);
    expect(await db.surveyResponses.where('surveyId').equals(copied[0]!.id).count()).toBe(1);
  });
});
