// The staff questionnaire, in the domain: its questions read from the référentiel, the anonymous
// responses and their files, the import of a batch, and what the responses propose for DGESCO 3.6.
import { describe, expect, it } from 'vitest';
import {
  SURVEY_ANSWER_LABELS,
  SurveyAudienceSchema,
  audienceLabels,
  surveyQuestions,
  type SurveyAnswer,
} from '../../../src/domain/survey/questionnaire';
import {
  MIN_THRESHOLD,
  RESPONSE_FILE_FORMAT,
  SurveyRecordSchema,
  SurveyResponseRecordSchema,
  checkResponse,
  importResponses,
  newResponse,
  parseResponseFile,
  randomId,
  responseFileName,
  serializeResponseFile,
  shuffled,
  type SurveyResponse,
} from '../../../src/domain/survey/responses';
import {
  STRONG_DISAGREEMENT,
  checkThreshold,
  disagreementOf,
  largestRemainder,
  proposalFor,
  regularShare,
  tallyOf,
  visibleTally,
  type Tally,
} from '../../../src/domain/survey/results';
import { RECORD_SCHEMA_VERSION } from '../../../src/domain/schema-version';
import type { AnswerValue } from '../../../src/domain/answers';

const teachersSurvey = { id: 'questionnaire-enseignants-2026', audience: 'teachers' } as const;
const divisionsSurvey = { id: 'questionnaire-classes-2026-0001', audience: 'divisions' } as const;
const H1 = 'dgesco2010.3.6.1.h1';
const H2 = 'dgesco2010.3.6.2.h2';
const H3 = 'dgesco2010.3.6.3.h1';

const responseId = (n: number) => `reponse-${String(n).padStart(16, '0')}`;
const response = (n: number, answers: SurveyResponse['answers'] = [{ itemId: H1, answer: 'regularly' }]): SurveyResponse => ({
  id: responseId(n),
  surveyId: teachersSurvey.id,
  audience: 'teachers',
  day: '2026-12-03',
  answers,
});
const fileOf = (r: unknown) => JSON.stringify({ format: RESPONSE_FILE_FORMAT, version: 1, response: r });

describe('the questions', () => {
  it('are the DGESCO usage counts of each audience, in document order, in the référentiel’s words', () => {
    expect(surveyQuestions('teachers')).toEqual([
      {
        itemId: H1,
        code: '3.6.1',
        text: "Nombre d'enseignants utilisant devant leurs élèves un outil de diffusion collective audio ou vidéo, un TNI ou un outil de conférence",
      },
      { itemId: H2, code: '3.6.2', text: "Nombre d'enseignants impliquant leurs élèves dans des activités numériques" },
      {
        itemId: H3,
        code: '3.6.3',
        text: "Nombre d'enseignants donnant des travaux nécessitant des outils et services numériques en dehors de la classe",
      },
    ]);
    expect(surveyQuestions('divisions')).toEqual([
      {
        itemId: 'dgesco2010.3.6.2.h1',
        code: '3.6.2',
        text: 'Nombre de divisions où les élèves utilisent des outils et services numériques dans le cadre de la classe',
      },
    ]);
  });

  it('hands out a copy: changing it changes nothing for the next caller', () => {
    const questions = surveyQuestions('teachers');
    questions.pop();
    (questions[0] as { text: string }).text = 'modifié';
    expect(surveyQuestions('teachers').map((q) => q.text.slice(0, 14))).toEqual(Array(3).fill("Nombre d'ensei"));
  });

  it('asks teachers and classes only: families are not surveyed', () => {
    expect(SurveyAudienceSchema.safeParse('families').success).toBe(false);
    expect(audienceLabels).toEqual({
      teachers: { singular: 'enseignant', plural: 'enseignants', numberOf: 'nombre d’enseignants' },
      divisions: { singular: 'classe', plural: 'classes', numberOf: 'nombre de classes' },
    });
    expect(SURVEY_ANSWER_LABELS).toEqual({
      never: 'Jamais',
      occasionally: 'Occasionnellement',
      regularly: 'Régulièrement',
      unknown: 'Je ne sais pas',
    });
  });
});

describe('a response', () => {
  it('is accepted when it answers questions of its audience, each once', () => {
    const r = response(1, [
      { itemId: H1, answer: 'never' },
      { itemId: H3, answer: 'unknown' },
    ]);
    expect(checkResponse(teachersSurvey, r)).toEqual({ ok: true, value: r });
  });

  it('is refused for a question of another audience or outside the questionnaire', () => {
    expect(checkResponse(teachersSurvey, response(1, [{ itemId: 'dgesco2010.3.6.2.h1', answer: 'never' }]))).toEqual({
      ok: false,
      message: 'Réponse : question inconnue (dgesco2010.3.6.2.h1).',
      field: 'answers',
    });
    expect(checkResponse(teachersSurvey, response(1, [{ itemId: 'dgesco2010.3.6.4.h1', answer: 'never' }]))).toMatchObject({
      ok: false,
      message: 'Réponse : question inconnue (dgesco2010.3.6.4.h1).',
    });
  });

  it('is refused when it answers a question twice', () => {
    const twice = response(1, [
      { itemId: H2, answer: 'never' },
      { itemId: H2, answer: 'regularly' },
    ]);
    expect(checkResponse(teachersSurvey, twice)).toEqual({
      ok: false,
      message: 'Réponse : la question dgesco2010.3.6.2.h2 est répondue deux fois.',
      field: 'answers',
    });
  });

  it('refuses a name or a timestamp: it stays anonymous', () => {
    expect(checkResponse(teachersSurvey, { ...response(1), nom: 'Mme Dupont' })).toEqual({
      ok: false,
      message: 'Réponse au questionnaire : champ inattendu (« nom »). Une réponse au questionnaire ne contient ni nom ni heure.',
    });
    expect(checkResponse(teachersSurvey, { ...response(1), createdAt: 1_796_000_000_000 })).toMatchObject({
      ok: false,
      message: 'Réponse au questionnaire : champ inattendu (« createdAt »). Une réponse au questionnaire ne contient ni nom ni heure.',
    });
    const answerWithTime = { ...response(1), answers: [{ itemId: H1, answer: 'never', at: '10:15' }] };
    expect(checkResponse(teachersSurvey, answerWithTime)).toEqual({
      ok: false,
      message: 'Réponse : champ inattendu (« at »). Une réponse au questionnaire ne contient ni nom ni heure.',
      field: 'answers.0',
    });
  });

  it('refuses a time in its day', () => {
    expect(checkResponse(teachersSurvey, { ...response(1), day: '2026-12-03T10:15:00' })).toEqual({
      ok: false,
      message: 'Date : format attendu AAAA-MM-JJ.',
      field: 'day',
    });
  });

  it('refuses a __proto__ key, at the top or in an answer, and pollutes nothing', () => {
    const top = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(response(1)).slice(1)}`);
    expect(checkResponse(teachersSurvey, top)).toMatchObject({
      ok: false,
      message: 'Réponse au questionnaire : champ inattendu (« __proto__ »). Une réponse au questionnaire ne contient ni nom ni heure.',
    });
    const inAnswer = JSON.parse(
      JSON.stringify(response(1)).replace('{"itemId"', '{"__proto__":{"itemId":"x"},"itemId"'),
    );
    expect(checkResponse(teachersSurvey, inAnswer)).toMatchObject({ ok: false, field: 'answers.0' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an unknown answer and more than 20 answers', () => {
    expect(checkResponse(teachersSurvey, response(1, [{ itemId: H1, answer: 'always' as SurveyAnswer }]))).toEqual({
      ok: false,
      message: 'Réponse : choix inconnu.',
      field: 'answers.0.answer',
    });
    const many = Array.from({ length: 21 }, () => ({ itemId: H1, answer: 'never' as const }));
    expect(checkResponse(teachersSurvey, response(1, many))).toMatchObject({ ok: false, message: 'Réponse : 20 questions au plus.' });
  });

  it('belonging to another questionnaire is refused on surveyId; a forged audience on audience', () => {
    expect(checkResponse(divisionsSurvey, response(1))).toEqual({
      ok: false,
      message: 'Cette réponse appartient à une autre campagne ou à un autre questionnaire.',
      field: 'surveyId',
    });
    expect(checkResponse({ id: teachersSurvey.id, audience: 'divisions' }, response(1))).toEqual({
      ok: false,
      message: 'Cette réponse ne correspond pas au public de ce questionnaire.',
      field: 'audience',
    });
  });

  it('refuses an id too short to be random', () => {
    expect(checkResponse(teachersSurvey, { ...response(1), id: 'abc' })).toEqual({
      ok: false,
      message: 'Réponse : identifiant non valide.',
      field: 'id',
    });
  });

  it('is built in question order, unanswered questions left out', () => {
    const answers = new Map<string, SurveyAnswer>([
      [H3, 'unknown'],
      [H1, 'occasionally'],
    ]);
    expect(newResponse(teachersSurvey, answers, '2026-12-03', () => 'identifiant-aleatoire-000001')).toEqual({
      id: 'identifiant-aleatoire-000001',
      surveyId: teachersSurvey.id,
      audience: 'teachers',
      day: '2026-12-03',
      answers: [
        { itemId: H1, answer: 'occasionally' },
        { itemId: H3, answer: 'unknown' },
      ],
    });
    const fromList = newResponse(divisionsSurvey, [{ itemId: 'dgesco2010.3.6.2.h1', answer: 'regularly' }], '2026-12-04', () => 'x'.repeat(22));
    expect(fromList.answers).toEqual([{ itemId: 'dgesco2010.3.6.2.h1', answer: 'regularly' }]);
    expect(checkResponse(divisionsSurvey, fromList).ok).toBe(true);
  });

  it('gets a random url-safe id of 22 characters', () => {
    const ids = Array.from({ length: 200 }, randomId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(ids).size).toBe(200);
  });

  it('is stored with its campaign and the record shape version', () => {
    const record = { ...response(1), campaignId: 'campagne-2026-0001', schemaVersion: RECORD_SCHEMA_VERSION };
    expect(SurveyResponseRecordSchema.safeParse(record).success).toBe(true);
    expect(SurveyResponseRecordSchema.safeParse({ ...record, schemaVersion: RECORD_SCHEMA_VERSION - 1 }).success).toBe(false);
  });
});

describe('the questionnaire’s settings', () => {
  const record = {
    id: teachersSurvey.id,
    campaignId: 'campagne-2026-0001',
    audience: 'teachers',
    threshold: 5,
    kioskCode: { salt: '0123456789abcdef0123456789abcdef', hash: 'a'.repeat(64) },
    createdAt: Date.UTC(2026, 11, 1),
    updatedAt: Date.UTC(2026, 11, 2),
    schemaVersion: RECORD_SCHEMA_VERSION,
  };

  it('accept a threshold of 5 or more and a hashed kiosk code, or none', () => {
    expect(MIN_THRESHOLD).toBe(5);
    expect(SurveyRecordSchema.safeParse(record).success).toBe(true);
    expect(SurveyRecordSchema.safeParse({ ...record, kioskCode: null }).success).toBe(true);
  });

  it('refuse a threshold under 5, a code in clear, or a hash of the wrong length', () => {
    expect(SurveyRecordSchema.safeParse({ ...record, threshold: 4 }).success).toBe(false);
    expect(SurveyRecordSchema.safeParse({ ...record, kioskCode: { salt: record.kioskCode.salt, hash: 'ab12' } }).success).toBe(false);
    expect(SurveyRecordSchema.safeParse({ ...record, kioskCode: { ...record.kioskCode, code: '1234' } }).success).toBe(false);
  });

  it('check the threshold a person types, in French', () => {
    expect(checkThreshold(5)).toEqual({ ok: true, value: 5 });
    expect(checkThreshold(1000)).toEqual({ ok: true, value: 1000 });
    expect(checkThreshold(4)).toEqual({ ok: false, message: 'Le seuil d’anonymat ne peut pas descendre sous 5 réponses.' });
    expect(checkThreshold(5.5)).toEqual({ ok: false, message: 'Le seuil d’anonymat est un nombre entier de réponses.' });
    expect(checkThreshold('8')).toEqual({ ok: false, message: 'Le seuil d’anonymat est un nombre entier de réponses.' });
    expect(checkThreshold(null)).toEqual({ ok: false, message: 'Le seuil d’anonymat est un nombre entier de réponses.' });
    expect(checkThreshold(1001)).toEqual({ ok: false, message: 'Le seuil d’anonymat ne peut pas dépasser 1\u202f000 réponses.' });
  });
});

describe('the response file', () => {
  const r = response(7, [
    { itemId: H1, answer: 'never' },
    { itemId: H2, answer: 'regularly' },
  ]);

  it('goes there and back, keys in a fixed order, a few hundred bytes', () => {
    const text = serializeResponseFile(r);
    expect(parseResponseFile(text)).toEqual({ ok: true, value: r });
    expect(text.startsWith('{\n  "format": "diagnum-reponse-questionnaire",\n  "version": 1,\n  "response": {\n    "id": ')).toBe(true);
    // The same response whatever the order of its keys in memory.
    const reordered = { answers: r.answers, day: r.day, audience: r.audience, surveyId: r.surveyId, id: r.id };
    expect(serializeResponseFile(reordered)).toBe(text);
    expect(new TextEncoder().encode(text).length).toBeLessThan(1024);
    expect(responseFileName(r)).toBe('reponse-questionnaire-2026-12-03-reponse-.json');
    expect(responseFileName({ id: 'Ab3_x-9QzzzzzzzzzzzzzZ', day: '2027-01-15' })).toBe('reponse-questionnaire-2027-01-15-Ab3_x-9Q.json');
  });

  it('reads a file with a byte order mark', () => {
    expect(parseResponseFile(`\uFEFF${serializeResponseFile(r)}`)).toEqual({ ok: true, value: r });
  });

  it('refuses a file too big, counting bytes, not characters', () => {
    expect(parseResponseFile('x'.repeat(70_000))).toEqual({
      ok: false,
      message:
        'Ce fichier est trop volumineux (68,4 Ko) : une réponse au questionnaire Diagnum pèse moins de 64 Ko. Vérifiez qu’il s’agit du bon fichier.',
    });
    // 40 000 characters, 80 000 bytes in UTF-8.
    expect(parseResponseFile('é'.repeat(40_000))).toMatchObject({ ok: false, message: expect.stringContaining('(78,1 Ko)') });
  });

  it('refuses what is not JSON, not an object, or another format, with one French sentence', () => {
    const notResponse = { ok: false, message: 'Ce fichier n’est pas une réponse au questionnaire Diagnum.' };
    for (const text of ['', 'bonjour', '{"format":', 'null', '[]', '"texte"', '42']) {
      expect(parseResponseFile(text), text).toEqual(notResponse);
    }
    expect(parseResponseFile(JSON.stringify({ format: 'diagnum', version: 4, campaigns: [] }))).toEqual(notResponse);
    expect(parseResponseFile(JSON.stringify({ version: 1, response: r }))).toEqual(notResponse);
  });

  it('refuses a newer or a broken version', () => {
    expect(parseResponseFile(JSON.stringify({ format: RESPONSE_FILE_FORMAT, version: 2, response: r }))).toEqual({
      ok: false,
      message:
        'Cette réponse a été enregistrée par une version plus récente de Diagnum (format 2). Mettez Diagnum à jour (rechargez la page en ligne), puis importez-la à nouveau.',
    });
    for (const version of ['1', 0, 1.5, null]) {
      expect(parseResponseFile(JSON.stringify({ format: RESPONSE_FILE_FORMAT, version, response: r }))).toEqual({
        ok: false,
        message: 'Ce fichier de réponse indique une version de format invalide.',
      });
    }
  });

  it('refuses a response that fails its checks, an extra field, a __proto__ key', () => {
    expect(parseResponseFile(fileOf({ ...r, nom: 'M. Martin' }))).toMatchObject({
      ok: false,
      message: 'Réponse au questionnaire : champ inattendu (« nom »). Une réponse au questionnaire ne contient ni nom ni heure.',
    });
    expect(parseResponseFile(fileOf(response(1, [{ itemId: 'dgesco2010.3.6.2.h1', answer: 'never' }])))).toEqual({
      ok: false,
      message: 'Réponse : question inconnue (dgesco2010.3.6.2.h1).',
      field: 'answers',
    });
    expect(parseResponseFile(fileOf({ ...r, day: '03/12/2026' }))).toMatchObject({ ok: false, message: 'Date : format attendu AAAA-MM-JJ.' });
    const hostile = serializeResponseFile(r).replace('"format"', '"__proto__": {"polluted": true},\n  "format"');
    expect(parseResponseFile(hostile)).toEqual({
      ok: false,
      message: 'Fichier de réponse : champ inattendu (« __proto__ »). Une réponse au questionnaire ne contient ni nom ni heure.',
    });
    expect(parseResponseFile(serializeResponseFile(r).replace('"id"', '"__proto__": {"x": 1}, "id"'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('« __proto__ »'),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('an import of response files', () => {
  it('counts each response once, sets aside other questionnaires and refuses the rest', () => {
    const a = serializeResponseFile(response(1));
    const result = importResponses(teachersSurvey, new Set([responseId(2)]), [
      { name: 'a.json', text: a },
      { name: 'a (copie).json', text: a },
      { name: 'deja-importee.json', text: serializeResponseFile(response(2)) },
      { name: 'classes.json', text: serializeResponseFile({ ...response(3), surveyId: divisionsSurvey.id, audience: 'divisions', answers: [] }) },
      { name: 'hostile.json', text: `{"__proto__":{"polluted":true},${a.slice(1)}` },
      { name: 'photo.jpg', text: '\u00ff\u00d8\u00ff\u00e0 JFIF' },
      { name: 'b.json', text: serializeResponseFile(response(4, [{ itemId: H3, answer: 'unknown' }])) },
    ]);
    expect(result).toEqual({
      added: [response(1), response(4, [{ itemId: H3, answer: 'unknown' }])],
      duplicates: ['a (copie).json', 'deja-importee.json'],
      otherSurvey: ['classes.json'],
      refused: [
        {
          name: 'hostile.json',
          message: 'Fichier de réponse : champ inattendu (« __proto__ »). Une réponse au questionnaire ne contient ni nom ni heure.',
        },
        { name: 'photo.jpg', message: 'Ce fichier n’est pas une réponse au questionnaire Diagnum.' },
      ],
    });
  });

  it('refuses a response whose audience was changed by hand', () => {
    const forged = serializeResponseFile({ ...response(5), audience: 'divisions', answers: [] });
    expect(importResponses(teachersSurvey, new Set(), [{ name: 'forgee.json', text: forged }]).refused).toEqual([
      { name: 'forgee.json', message: 'Cette réponse ne correspond pas au public de ce questionnaire.' },
    ]);
  });

  it('takes 300 files, each once', () => {
    const files = Array.from({ length: 300 }, (_, i) => ({ name: `r${i}.json`, text: serializeResponseFile(response(i)) }));
    const result = importResponses(teachersSurvey, new Set([responseId(0)]), [...files, files[299]!]);
    expect(result.added.map((r) => r.id)).toEqual(Array.from({ length: 299 }, (_, i) => responseId(i + 1)));
    expect(result.duplicates).toEqual(['r0.json', 'r299.json']);
    expect(result.otherSurvey).toEqual([]);
    expect(result.refused).toEqual([]);
  });
});

describe('shuffling', () => {
  it('returns a shuffled copy (Fisher–Yates), the original untouched', () => {
    const items = [1, 2, 3, 4];
    expect(shuffled(items, () => 0)).toEqual([2, 3, 4, 1]);
    expect(shuffled(items, () => 0.999_999)).toEqual([1, 2, 3, 4]);
    expect(shuffled(items, () => 1)).toEqual([1, 2, 3, 4]);
    expect(items).toEqual([1, 2, 3, 4]);
    expect([...shuffled(Array.from({ length: 50 }, (_, i) => i))].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

const tally = (never: number, occasionally: number, regularly: number, unknown: number): Tally => ({
  never,
  occasionally,
  regularly,
  unknown,
  respondents: never + occasionally + regularly + unknown,
});

describe('the tallies', () => {
  it('count each answer per question, respondents including “Je ne sais pas”', () => {
    const responses = [
      response(1, [
        { itemId: H1, answer: 'never' },
        { itemId: H2, answer: 'unknown' },
      ]),
      response(2, [{ itemId: H1, answer: 'regularly' }]),
      response(3, [
        { itemId: H1, answer: 'regularly' },
        { itemId: H2, answer: 'occasionally' },
      ]),
    ];
    expect(tallyOf(surveyQuestions('teachers'), responses)).toEqual(
      new Map([
        [H1, tally(1, 0, 2, 0)],
        [H2, tally(0, 1, 0, 1)],
        [H3, tally(0, 0, 0, 0)],
      ]),
    );
  });

  it('are hidden below the anonymity threshold', () => {
    expect(visibleTally(tally(1, 1, 1, 1), 4, 5)).toBeNull();
    expect(visibleTally(tally(1, 1, 2, 1), 5, 5)).toEqual(tally(1, 1, 2, 1));
    // A threshold under 5 is read as 5.
    expect(visibleTally(tally(1, 1, 1, 1), 4, 3)).toBeNull();
    expect(visibleTally(tally(1, 1, 2, 1), 5, 3)).toEqual(tally(1, 1, 2, 1));
    expect(visibleTally(tally(1, 1, 1, 1), 4, Number.NaN)).toBeNull();
    // Raised to 8.
    expect(visibleTally(tally(2, 2, 2, 1), 7, 8)).toBeNull();
    expect(visibleTally(tally(2, 2, 2, 2), 8, 8)).toEqual(tally(2, 2, 2, 2));
  });

  it('are hidden when fewer than the threshold answered that very question', () => {
    expect(visibleTally(tally(1, 1, 1, 1), 6, 5)).toBeNull();
  });
});

describe('the proposal for a DGESCO usage count', () => {
  it('extrapolates the shares of those who knew to the whole staff, summing exactly', () => {
    const proposal = proposalFor(tally(5, 10, 6, 2), 68, 'teachers');
    expect(proposal).toEqual({
      respondents: 23,
      known: 21,
      total: 68,
      participation: (23 / 68) * 100,
      moreThanTotal: false,
      amongRespondents: { never: 5, occasionally: 10, regularly: 6 },
      // 16,19 / 32,38 / 19,43: the one left goes to the largest remainder.
      extrapolated: { never: 16, occasionally: 32, regularly: 20 },
      source: 'issu du questionnaire : 23 réponses sur 68 enseignants (participation 34 %)',
    });
    const { never, occasionally, regularly } = proposal.extrapolated!;
    expect(never + occasionally + regularly).toBe(68);
  });

  it('hands the units left over to the largest remainders, where rounding each would miss the total', () => {
    // 3,67 each: rounding gives 12 for 11.
    expect(proposalFor(tally(1, 1, 1, 0), 11, 'teachers').extrapolated).toEqual({ never: 4, occasionally: 4, regularly: 3 });
    // 3,33 each: rounding gives 9 for 10.
    expect(proposalFor(tally(1, 1, 1, 0), 10, 'teachers').extrapolated).toEqual({ never: 4, occasionally: 3, regularly: 3 });
    // 2,86 / 2,86 / 4,29: remainders 6, 6 and 2 sevenths.
    expect(largestRemainder([2, 2, 3], 10)).toEqual([3, 3, 4]);
    expect(largestRemainder([1, 5, 0], 7)).toEqual([1, 6, 0]);
    expect(largestRemainder([0, 0, 0], 7)).toEqual([0, 0, 0]);
  });

  it('extrapolates nothing without the staff figure, or when nobody knew', () => {
    expect(proposalFor(tally(5, 10, 6, 2), undefined, 'teachers')).toMatchObject({
      total: null,
      participation: null,
      moreThanTotal: false,
      extrapolated: null,
      amongRespondents: { never: 5, occasionally: 10, regularly: 6 },
      source: 'issu du questionnaire : 23 réponses (nombre d’enseignants non renseigné)',
    });
    expect(proposalFor(tally(0, 0, 0, 6), 68, 'teachers')).toMatchObject({ known: 0, extrapolated: null, respondents: 6 });
  });

  it('speaks of classes for the divisions', () => {
    expect(proposalFor(tally(2, 4, 5, 1), 30, 'divisions').source).toBe(
      'issu du questionnaire : 12 réponses sur 30 classes (participation 40 %)',
    );
    expect(proposalFor(tally(2, 4, 5, 1), null, 'divisions').source).toBe(
      'issu du questionnaire : 12 réponses (nombre de classes non renseigné)',
    );
  });

  it('flags more responses than people, and uses the singular for one', () => {
    expect(proposalFor(tally(20, 30, 20, 0), 68, 'teachers')).toMatchObject({
      participation: (70 / 68) * 100,
      moreThanTotal: true,
      // 19,43 / 29,14 / 19,43: the tie goes to the earlier part.
      extrapolated: { never: 20, occasionally: 29, regularly: 19 },
      source: 'issu du questionnaire : 70 réponses sur 68 enseignants (participation 103 %)',
    });
    expect(proposalFor(tally(0, 0, 1, 0), 1, 'divisions').source).toBe('issu du questionnaire : 1 réponse sur 1 classe (participation 100 %)');
  });

  it('keeps its source within the 200 characters of an answer’s source', () => {
    const huge = proposalFor(tally(999_999, 999_999, 999_999, 999_999), 1_000_000, 'teachers').source;
    expect(huge.length).toBeLessThanOrEqual(200);
    expect(proposalFor(tally(999_999, 0, 0, 0), undefined, 'divisions').source.length).toBeLessThanOrEqual(200);
  });
});

describe('the regular-use share', () => {
  it('is regular out of the three counts, blanks as 0, no figure when all blank or zero', () => {
    expect(regularShare({ never: 1, occasionally: 2, regularly: 1 })).toBe(25);
    expect(regularShare({ never: null, occasionally: 3, regularly: 1 })).toBe(25);
    expect(regularShare({ never: 2, occasionally: 2, regularly: null })).toBe(0);
    expect(regularShare({ never: 0, occasionally: 0, regularly: 0 })).toBeNull();
    expect(regularShare({ never: null, occasionally: null, regularly: null })).toBeNull();
  });
});

describe('the group set against the staff', () => {
  const counts = (never: number | null, occasionally: number | null, regularly: number | null): AnswerValue => ({
    kind: 'usage-counts',
    never,
    occasionally,
    regularly,
  });

  it('compares the regular-use shares, leaving out “Je ne sais pas”', () => {
    expect(disagreementOf(counts(10, 30, 60), tally(5, 10, 5, 7), 'teachers')).toEqual({
      group: 60,
      staff: 25,
      gap: 35,
      strong: true,
      text: 'le groupe estime 60 % d’usage régulier, les enseignants répondent 25 %',
    });
    expect(disagreementOf(counts(10, 20, 10), tally(1, 1, 2, 0), 'divisions')).toEqual({
      group: 25,
      staff: 50,
      gap: -25,
      strong: true,
      text: 'le groupe estime 25 % d’usage régulier, les classes répondent 50 %',
    });
  });

  it('calls a gap strong from 25 points', () => {
    expect(STRONG_DISAGREEMENT).toBe(25);
    expect(disagreementOf(counts(51, 0, 49), tally(2, 1, 1, 0), 'teachers')).toMatchObject({ group: 49, staff: 25, gap: 24, strong: false });
    expect(disagreementOf(counts(50, 0, 50), tally(2, 1, 1, 0), 'teachers')).toMatchObject({ group: 50, staff: 25, gap: 25, strong: true });
    expect(disagreementOf(counts(1, 0, 0), tally(2, 1, 1, 0), 'teachers')).toMatchObject({ gap: -25, strong: true });
    // Rounded as shown: 2/3 is 67 %, 1/3 is 33 %.
    expect(disagreementOf(counts(1, 0, 2), tally(2, 0, 1, 0), 'teachers')).toMatchObject({ group: 67, staff: 33, gap: 34 });
  });

  it('says nothing when either side has no figure', () => {
    expect(disagreementOf(null, tally(1, 1, 1, 0), 'teachers')).toBeNull();
    expect(disagreementOf({ kind: 'not-applicable' }, tally(1, 1, 1, 0), 'teachers')).toBeNull();
    expect(disagreementOf(counts(null, null, null), tally(1, 1, 1, 0), 'teachers')).toBeNull();
    expect(disagreementOf(counts(1, 1, 1), null, 'teachers')).toBeNull();
    expect(disagreementOf(counts(1, 1, 1), tally(0, 0, 0, 5), 'teachers')).toBeNull();
  });
});
